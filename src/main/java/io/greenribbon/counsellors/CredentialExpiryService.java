package io.greenribbon.counsellors;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.problem.Messages;
import io.greenribbon.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** Credentials whose validity ends within a period: the list for admins and the daily flagging. */
@ApplicationScoped
public class CredentialExpiryService {

    private static final Logger LOG = Logger.getLogger(CredentialExpiryService.class);

    private final CredentialRepository credentials;
    private final AccessDecision access;
    private final LocalClock clock;
    private final CounsellorsConfig config;

    public CredentialExpiryService(CredentialRepository credentials, AccessDecision access, LocalClock clock,
                                   CounsellorsConfig config) {
        this.credentials = credentials;
        this.access = access;
        this.clock = clock;
        this.config = config;
    }

    /** Credentials of the account's jurisdiction that end from today to today + {@code within}, soonest first. */
    @WithSession
    public Uni<List<ExpiringCredential>> expiring(String within, Locale locale) {
        Period period = period(within, locale);
        LocalDate today = clock.today();
        String scope = access.jurisdiction();
        return credentials.findExpiring(today, today.plus(period), scope).map(rows -> rows.stream().map(row -> {
            Credential cr = (Credential) row[0];
            Counsellor c = (Counsellor) row[1];
            return new ExpiringCredential(cr.id, cr.certificateNumber, cr.level, cr.issuer, cr.validUntil,
                    ChronoUnit.DAYS.between(today, cr.validUntil), cr.expiryFlaggedAt, c.id, c.fullName,
                    c.homeDivision, c.status);
        }).toList());
    }

    /**
     * Flags every credential that ends within the configured warning period and is not flagged yet; safe to
     * run on several replicas at once (see {@link CredentialRepository#flagExpiring}).
     */
    @WithTransaction
    public Uni<Integer> flagExpiring() {
        LocalDate until = clock.today().plus(config.expiryWarning());
        return credentials.flagExpiring(until).invoke(n -> {
            if (n > 0) {
                LOG.infof("Flagged %d credentials whose validity ends by %s", n, until);
            }
        });
    }

    private Period period(String within, Locale locale) {
        if (within == null || within.isBlank()) {
            return config.expiryWarning();
        }
        try {
            Period period = Period.parse(within.trim());
            LocalDate today = clock.today();
            if (period.isNegative() || today.plus(period).isAfter(today.plus(config.expiryMaxWithin()))) {
                throw ProblemException.invalid("within", Messages.text(locale, "counsellor.invalid.within",
                        config.expiryMaxWithin()));
            }
            return period;
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid("within", Messages.text(locale, "counsellor.invalid.within",
                    config.expiryMaxWithin()));
        }
    }
}
