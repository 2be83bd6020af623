package io.greenribbon.hotline.console;

import io.greenribbon.hotline.contacts.CallerView;
import io.greenribbon.hotline.contacts.ContactService;
import io.greenribbon.hotline.contacts.ContactView;
import io.greenribbon.problem.FieldError;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.risk.CallerCaseAccess;
import io.greenribbon.risk.RiskLevel;
import io.greenribbon.risk.SafetyPlanService;
import io.greenribbon.risk.SafetyPlanView;
import io.greenribbon.risk.ScreeningResult;
import io.greenribbon.risk.ScreeningService;
import io.greenribbon.web.FormErrors;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * Saves a contact form through the services the API uses, in order: the screening (which may open or raise
 * a case, and alerts), the safety plan of the case, then the contact's record (which ends wrap-up). Every
 * step can be repeated without doing anything twice: the screening is recorded once per form key, a plan
 * already holding the same sections is left alone, and the record sets the same values again. So a form
 * sent twice (a double click, a retry after the connection or the session dropped) saves once.
 */
@ApplicationScoped
public class ContactFormService {

    /** What saving gave: the screening's result (null without a screening) and the record as now saved. */
    public record Saved(ScreeningResult screening, Long planCaseId, ContactView contact) {
    }

    private static final Map<String, String> SERVICE_FIELDS = Map.of(
            "imminentBasis", "imminentBasis", "imminent", "imminent", "reason", "levelReason", "level", "level");

    private final ContactService contacts;
    private final ScreeningService screenings;
    private final SafetyPlanService plans;

    public ContactFormService(ContactService contacts, ScreeningService screenings, SafetyPlanService plans) {
        this.contacts = contacts;
        this.screenings = screenings;
        this.plans = plans;
    }

    public Uni<Saved> save(long contactId, ContactForm form) {
        FormErrors errors = check(form);
        if (errors.any()) {
            return Uni.createFrom().failure(errors);
        }
        return contacts.caller(contactId).chain(caller -> screen(contactId, form)
                .chain(result -> {
                    Long caseId = result != null && result.caseId() != null ? result.caseId() : visibleCase(caller);
                    if (form.planGiven() && caseId == null) {
                        return Uni.createFrom().failure(new FormErrors().add("plan", "form.error.plan-needs-case"));
                    }
                    Uni<Long> plan = form.planGiven() ? savePlan(caseId, form).replaceWith(caseId) : Uni.createFrom().nullItem();
                    boolean highRisk = result != null && result.finalLevel().atLeast(RiskLevel.HIGH);
                    return plan.chain(planCase -> contacts.patch(contactId, form.patch(highRisk))
                            .map(saved -> new Saved(result, planCase, saved)));
                }));
    }

    /** Every question the screener asks answered; imminent risk with its basis; another level with a reason. */
    static FormErrors check(ContactForm form) {
        FormErrors errors = new FormErrors();
        if (form.screened()) {
            form.asked().stream().filter(q -> form.answer(q) == null)
                    .forEach(q -> errors.add(q, "form.error.answer-required"));
        }
        if (form.imminent() && form.imminentBasis() == null) {
            errors.add("imminentBasis", "form.error.imminent-basis");
        }
        boolean otherLevel = form.level() != null && form.level() != form.computedLevel() && !form.imminent();
        if (otherLevel && !form.screened()) {
            errors.add("level", "form.error.level-needs-screening");
        } else if (otherLevel && form.levelReason().isBlank()) {
            errors.add("levelReason", "form.error.level-reason");
        }
        return errors;
    }

    private Uni<ScreeningResult> screen(long contactId, ContactForm form) {
        if (!form.screened()) {
            return Uni.createFrom().nullItem();
        }
        return screenings.screen(form.screening(contactId)).onFailure(ProblemException.class)
                .transform(failure -> asFormErrors((ProblemException) failure));
    }

    /** The case of the caller this counsellor may open (assigned to them, or supervised), if any. */
    private static Long visibleCase(CallerView caller) {
        return caller.riskCase() != null && caller.riskCase().visibility() == CallerCaseAccess.Visibility.FULL
                ? caller.riskCase().caseId() : null;
    }

    private Uni<Void> savePlan(long caseId, ContactForm form) {
        return plans.get(caseId)
                .onFailure(ProblemException.class).recoverWithItem((SafetyPlanView) null)
                .chain(current -> {
                    SafetyPlanView wanted = form.plan(current == null ? 0 : current.version());
                    if (current != null && sameSections(current, wanted)) {
                        return Uni.createFrom().voidItem();
                    }
                    return plans.put(caseId, wanted).replaceWithVoid();
                });
    }

    private static boolean sameSections(SafetyPlanView a, SafetyPlanView b) {
        return a.warningSigns().equals(b.warningSigns()) && a.internalCoping().equals(b.internalCoping())
                && a.socialDistractions().equals(b.socialDistractions()) && a.peopleToAsk().equals(b.peopleToAsk())
                && a.professionals().equals(b.professionals()) && a.safeEnvironment().equals(b.safeEnvironment())
                && java.util.Objects.equals(a.reasonsForLiving(), b.reasonsForLiving());
    }

    /** The screening service's refusal of a field, next to that field of the form. */
    private static RuntimeException asFormErrors(ProblemException problem) {
        if (problem.errors().isEmpty()) {
            return problem;
        }
        FormErrors errors = new FormErrors();
        for (FieldError e : problem.errors()) {
            String field = e.field().startsWith("answers.") ? e.field().substring("answers.".length())
                    : SERVICE_FIELDS.getOrDefault(e.field(), e.field());
            errors.add(field, "form.error." + field);
        }
        return errors;
    }
}
