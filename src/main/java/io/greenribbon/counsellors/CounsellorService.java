package io.greenribbon.counsellors;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.access.Permission;
import io.greenribbon.divisions.DivisionRepository;
import io.greenribbon.problem.Messages;
import io.greenribbon.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The pool as an account may see and manage it: reads reach the account's {@link PoolScope}; changes need
 * {@link Permission#COUNSELLORS_MANAGE} and the record's home (old and new) in the account's jurisdiction.
 */
@ApplicationScoped
public class CounsellorService {

    private final CounsellorRepository counsellors;
    private final CredentialRepository credentials;
    private final DivisionRepository divisions;
    private final AccessDecision access;
    private final LocalClock clock;
    private final CounsellorsConfig config;

    public CounsellorService(CounsellorRepository counsellors, CredentialRepository credentials,
                             DivisionRepository divisions, AccessDecision access, LocalClock clock,
                             CounsellorsConfig config) {
        this.counsellors = counsellors;
        this.credentials = credentials;
        this.divisions = divisions;
        this.access = access;
        this.clock = clock;
        this.config = config;
    }

    @WithSession
    public Uni<Page<CounsellorView>> list(CounsellorFilter filter, Integer page, Integer size) {
        PoolScope scope = PoolScope.of(access.jurisdiction());
        if (filter.division() != null && !scope.reaches(filter.division())) {
            throw ProblemException.outOfJurisdiction(filter.division());
        }
        int pageSize = size == null ? config.defaultPageSize() : Math.min(size, config.maxPageSize());
        int pageIndex = page == null ? 0 : page;
        var today = clock.today();
        return counsellors.countMatching(filter, scope, today)
                .flatMap(total -> counsellors.search(filter, scope, today, pageIndex, pageSize)
                        .flatMap(found -> credentials.findByCounsellors(found.stream().map(c -> c.id).toList())
                                .map(byId -> new Page<>(found.stream().map(c -> view(c,
                                        byId.getOrDefault(c.id, List.of()))).toList(), pageIndex, pageSize, total))));
    }

    @WithSession
    public Uni<CounsellorView> get(long id) {
        return visible(id).flatMap(c -> credentials.findByCounsellor(c.id).map(list -> view(c, list)));
    }

    @WithTransaction
    public Uni<CounsellorView> create(CounsellorInput in, Locale locale) {
        access.requireGoverns(in.homeDivision());
        ProblemException invalid = new ProblemException(io.greenribbon.problem.ProblemType.VALIDATION,
                "problem.validation.detail");
        String idNumber = checkIdNumber(in.idNumber(), invalid, locale);
        checkCredentials(in.credentials(), invalid, locale);
        return requireDivision(in.homeDivision(), invalid, locale).flatMap(ignored -> {
            if (!invalid.errors().isEmpty()) {
                return Uni.createFrom().failure(invalid);
            }
            OffsetDateTime now = OffsetDateTime.now();
            Counsellor c = new Counsellor();
            c.fullName = in.fullName().trim();
            c.homeDivision = in.homeDivision();
            c.kind = in.kind();
            c.status = in.status() == null ? CounsellorStatus.ACTIVE : in.status();
            c.idNumber = idNumber;
            c.languages = Labels.languages(in.languages() == null ? List.of() : in.languages());
            c.specialties = Labels.specialties(in.specialties() == null ? List.of() : in.specialties());
            c.maxCaseload = in.maxCaseload() == null ? 20 : in.maxCaseload();
            c.username = blankToNull(in.username());
            c.updatedAt = now;
            return counsellors.persist(c)
                    .flatMap(saved -> syncCredentials(saved, List.of(), in.credentials(), now))
                    .flatMap(list -> counsellors.flush().map(x -> view(c, list)));
        }).onFailure().transform(PoolConflicts::translate);
    }

    @WithTransaction
    public Uni<CounsellorView> patch(long id, CounsellorPatch in, Locale locale) {
        ProblemException invalid = new ProblemException(io.greenribbon.problem.ProblemType.VALIDATION,
                "problem.validation.detail");
        String idNumber = checkIdNumber(in.idNumber(), invalid, locale);
        checkCredentials(in.credentials(), invalid, locale);
        return visible(id).flatMap(c -> {
            access.requireGoverns(c.homeDivision);
            if (in.version() != null && in.version() != c.version) {
                return Uni.createFrom().failure(ProblemException.conflict("counsellor.conflict.version",
                        c.version).with("currentVersion", c.version));
            }
            if (in.homeDivision() != null) {
                access.requireGoverns(in.homeDivision());
            }
            Uni<Void> divisionChecked = in.homeDivision() == null ? Uni.createFrom().voidItem()
                    : requireDivision(in.homeDivision(), invalid, locale);
            return divisionChecked.flatMap(ignored -> {
                if (!invalid.errors().isEmpty()) {
                    return Uni.createFrom().failure(invalid);
                }
                return credentials.findByCounsellor(c.id).flatMap(existing -> {
                    OffsetDateTime now = OffsetDateTime.now();
                    boolean changed = apply(c, in, idNumber);
                    if (changed) {
                        c.updatedAt = now;
                    }
                    Uni<List<Credential>> creds = in.credentials() == null ? Uni.createFrom().item(existing)
                            : syncCredentials(c, existing, in.credentials(), now);
                    return creds.flatMap(list -> counsellors.flush().map(x -> view(c, list)));
                });
            });
        }).onFailure().transform(PoolConflicts::translate);
    }

    /** Loads a counsellor the account may see; 404 for one outside its reach, as for one that does not exist. */
    Uni<Counsellor> visible(long id) {
        PoolScope scope = PoolScope.of(access.jurisdiction());
        return counsellors.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("counsellor.not-found", id))
                .invoke(c -> {
                    if (!scope.shows(c.homeDivision)) {
                        throw ProblemException.notFound("counsellor.not-found", id);
                    }
                });
    }

    private CounsellorView view(Counsellor c, List<Credential> creds) {
        boolean manages = access.permits(Permission.COUNSELLORS_MANAGE) && access.governs(c.homeDivision);
        return CounsellorView.of(c, creds, clock.today(), manages);
    }

    private static boolean apply(Counsellor c, CounsellorPatch in, String idNumber) {
        Counsellor before = copy(c);
        if (in.fullName() != null) {
            c.fullName = in.fullName().trim();
        }
        if (in.homeDivision() != null) {
            c.homeDivision = in.homeDivision();
        }
        if (in.kind() != null) {
            c.kind = in.kind();
        }
        if (in.status() != null) {
            c.status = in.status();
        }
        if (idNumber != null) {
            c.idNumber = idNumber;
        }
        if (in.languages() != null) {
            c.languages = Labels.languages(in.languages());
        }
        if (in.specialties() != null) {
            c.specialties = Labels.specialties(in.specialties());
        }
        if (in.maxCaseload() != null) {
            c.maxCaseload = in.maxCaseload();
        }
        if (in.username() != null) {
            c.username = blankToNull(in.username());
        }
        return !sameValues(before, c);
    }

    static boolean sameValues(Counsellor a, Counsellor b) {
        return Objects.equals(a.fullName, b.fullName) && Objects.equals(a.homeDivision, b.homeDivision)
                && a.kind == b.kind && a.status == b.status && Objects.equals(a.idNumber, b.idNumber)
                && java.util.Arrays.equals(a.languages, b.languages)
                && java.util.Arrays.equals(a.specialties, b.specialties) && a.maxCaseload == b.maxCaseload
                && Objects.equals(a.username, b.username);
    }

    private static Counsellor copy(Counsellor c) {
        Counsellor k = new Counsellor();
        k.fullName = c.fullName;
        k.homeDivision = c.homeDivision;
        k.kind = c.kind;
        k.status = c.status;
        k.idNumber = c.idNumber;
        k.languages = c.languages;
        k.specialties = c.specialties;
        k.maxCaseload = c.maxCaseload;
        k.username = c.username;
        return k;
    }

    /** Makes the stored credentials the given set: updates by certificate number, adds new, removes the rest. */
    private Uni<List<Credential>> syncCredentials(Counsellor c, List<Credential> existing, List<CredentialInput> in,
                                                  OffsetDateTime now) {
        if (in == null) {
            return Uni.createFrom().item(existing);
        }
        Map<String, Credential> byNumber = new HashMap<>();
        existing.forEach(cr -> byNumber.put(cr.certificateNumber, cr));
        List<Credential> result = new ArrayList<>();
        List<Credential> added = new ArrayList<>();
        for (CredentialInput i : in) {
            String number = Credentials.normaliseNumber(i.certificateNumber());
            Credential cr = byNumber.remove(number);
            if (cr == null) {
                cr = Credentials.create(c.id, number, i.level().trim(), i.issuer().trim(), i.validFrom(),
                        i.validUntil(), now);
                added.add(cr);
            } else {
                Credentials.update(cr, i.level().trim(), i.issuer().trim(), i.validFrom(), i.validUntil(), now);
            }
            result.add(cr);
        }
        Uni<Void> removed = Uni.createFrom().voidItem();
        for (Credential gone : byNumber.values()) {
            removed = removed.flatMap(x -> credentials.delete(gone));
        }
        // Removals first: a certificate may move between the sets only through its number, and a flush
        // orders deletes after inserts, which the unique number would refuse.
        return removed.flatMap(x -> credentials.flush())
                .flatMap(x -> added.isEmpty() ? Uni.createFrom().voidItem() : credentials.persist(added))
                .replaceWith(result);
    }

    private Uni<Void> requireDivision(String code, ProblemException invalid, Locale locale) {
        return divisions.findById(code).invoke(d -> {
            if (d == null) {
                invalid.field("homeDivision", Messages.text(locale, "counsellor.invalid.division-unknown", code));
            }
        }).replaceWithVoid();
    }

    private static String checkIdNumber(String raw, ProblemException invalid, Locale locale) {
        String number = ResidentIdNumbers.normalise(raw);
        if (number != null && !ResidentIdNumbers.isValid(number)) {
            invalid.field("idNumber", Messages.text(locale, "counsellor.invalid.id-number"));
        }
        return number;
    }

    private static void checkCredentials(List<CredentialInput> list, ProblemException invalid, Locale locale) {
        if (list == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            CredentialInput c = list.get(i);
            if (!seen.add(Credentials.normaliseNumber(c.certificateNumber()))) {
                invalid.field("credentials[" + i + "].certificateNumber",
                        Messages.text(locale, "counsellor.invalid.certificate-repeated"));
            }
            if (c.validUntil() != null && c.validUntil().isBefore(c.validFrom())) {
                invalid.field("credentials[" + i + "].validUntil",
                        Messages.text(locale, "counsellor.invalid.valid-until-before-from"));
            }
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
