package io.greenribbon.risk.console;

import io.greenribbon.problem.ProblemException;
import io.greenribbon.risk.CaseRequests;
import io.greenribbon.risk.FollowUpAttempt;
import io.greenribbon.risk.FollowUpRequests;
import io.greenribbon.risk.Referral;
import io.greenribbon.risk.RiskCase;
import io.greenribbon.risk.SupervisorPager;
import io.greenribbon.web.PageContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The case page's forms, read into the requests the API takes and checked with the same constraints: a
 * form that breaks one is refused, naming the field as the page labels it, before anything changes.
 */
@ApplicationScoped
public class CaseForms {

    private final Validator validator;
    private final PageContext page;

    public CaseForms(Validator validator, PageContext page) {
        this.validator = validator;
        this.page = page;
    }

    CaseRequests.Refer referral(MultivaluedMap<String, String> f) {
        Set<Referral.Shared> shared = EnumSet.noneOf(Referral.Shared.class);
        for (String item : f.getOrDefault("shared", List.of())) {
            Arrays.stream(Referral.Shared.values()).filter(s -> s.name().equals(item)).forEach(shared::add);
        }
        return valid(new CaseRequests.Refer(text(f, "service"), shared, text(f, "note"), text(f, "reference")), "referral.");
    }

    CaseRequests.Outcome outcome(MultivaluedMap<String, String> f) {
        return valid(new CaseRequests.Outcome(number(f, "referralId"), enumOf(Referral.Outcome.class, text(f, "outcome")),
                text(f, "note")), "outcome.");
    }

    CaseRequests.Close close(MultivaluedMap<String, String> f) {
        return valid(new CaseRequests.Close(enumOf(RiskCase.CloseReason.class, text(f, "reason")), text(f, "note")), "close.");
    }

    FollowUpRequests.Attempt attempt(MultivaluedMap<String, String> f) {
        FollowUpAttempt.Result result = enumOf(FollowUpAttempt.Result.class, text(f, "result"));
        FollowUpAttempt.Outcome outcome = result == FollowUpAttempt.Result.REACHED
                ? enumOf(FollowUpAttempt.Outcome.class, text(f, "outcome")) : null;
        return valid(new FollowUpRequests.Attempt(result, outcome, text(f, "note")), "attempt.");
    }

    CaseRequests.SuperviseCall superviseCall(MultivaluedMap<String, String> f) {
        return valid(new CaseRequests.SuperviseCall(enumOf(SupervisorPager.JoinMode.class, text(f, "mode"))), "listen.");
    }

    /** Whether the supervisor's decision on a lowering is to approve it (APPROVE) or to reject it (REJECT). */
    boolean loweringApproved(String decision) {
        if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
            throw ProblemException.invalid(page.text("case.form.lowering.decision"), "APPROVE or REJECT");
        }
        return "APPROVE".equals(decision);
    }

    private <T> T valid(T request, String labels) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (violations.isEmpty()) {
            return request;
        }
        ProblemException problem = null;
        for (ConstraintViolation<T> v : violations) {
            String field = page.text("case.form." + labels + v.getPropertyPath());
            problem = problem == null ? ProblemException.invalid(field, v.getMessage()) : problem.field(field, v.getMessage());
        }
        throw problem;
    }

    private static String text(MultivaluedMap<String, String> f, String name) {
        String value = f.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Long number(MultivaluedMap<String, String> f, String name) {
        String value = text(f, name);
        return value != null && value.matches("[0-9]{1,18}") ? Long.valueOf(value) : null;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(name)).findFirst().orElse(null);
    }
}
