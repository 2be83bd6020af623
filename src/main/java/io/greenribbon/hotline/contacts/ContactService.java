package io.greenribbon.hotline.contacts;

import io.greenribbon.access.AccessDecision;
import io.greenribbon.access.Actor;
import io.greenribbon.access.Role;
import io.greenribbon.crypto.FieldCipher;
import io.greenribbon.hotline.HotlineProblems;
import io.greenribbon.hotline.Sql;
import io.greenribbon.hotline.callbacks.CallbackLedger;
import io.greenribbon.hotline.presence.PresenceService;
import io.greenribbon.problem.ProblemException;
import io.greenribbon.risk.CallerCaseAccess;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;

/**
 * Contacts as counsellors and supervisors see them: a counsellor its own, a risk supervisor those of its
 * jurisdiction (calls to its lines and calls its counsellors took). Anything else is "not found".
 */
@ApplicationScoped
public class ContactService {

    private static final Duration LONGEST_PERIOD = Duration.ofDays(93);
    private static final int LIST_LIMIT = 1000;

    private final ContactRepository contacts;
    private final CallbackLedger callbacks;
    private final PresenceService presence;
    private final CallerCaseAccess risk;
    private final FieldCipher cipher;
    private final AccessDecision access;

    public ContactService(ContactRepository contacts, CallbackLedger callbacks, PresenceService presence,
                          CallerCaseAccess risk, FieldCipher cipher, AccessDecision access) {
        this.contacts = contacts;
        this.callbacks = callbacks;
        this.presence = presence;
        this.risk = risk;
        this.cipher = cipher;
        this.access = access;
    }

    /**
     * The contacts of a period, newest first. Without {@code to}, the period runs up to the newest contact:
     * contacts keep the PBX's clock, which may run a little ahead of the service's, and a call just taken
     * must still be listed.
     */
    public Uni<List<ContactSummary>> list(OffsetDateTime from, OffsetDateTime to) {
        OffsetDateTime end = to != null ? to : OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime since = from != null ? from : end.minusDays(7);
        if (!since.isBefore(end)) {
            throw HotlineProblems.invalid("from", "hotline.contacts.period");
        }
        if (Duration.between(since, end).compareTo(LONGEST_PERIOD) > 0) {
            throw HotlineProblems.invalid("to", "hotline.contacts.period-too-long");
        }
        OffsetDateTime until = to != null ? to : since.plus(LONGEST_PERIOD);
        Actor actor = access.actor();
        return Panache.withSession(() -> actor.hasRole(Role.RISK_SUPERVISOR)
                        ? contacts.within(access.jurisdiction(), actor.username(), since, until, LIST_LIMIT)
                        : contacts.takenBy(actor.username(), since, until, LIST_LIMIT))
                .map(list -> list.stream().map(ContactSummary::of).toList());
    }

    public Uni<ContactView> get(long id) {
        return Panache.withSession(() -> visible(id).flatMap(this::view));
    }

    /** Saves the counsellor's record; saving it ends the counsellor's wrap-up for this call. */
    public Uni<ContactView> patch(long id, ContactPatch patch) {
        Actor actor = access.actor();
        return Panache.withTransaction(() -> visible(id).flatMap(c -> {
                    if (patch.version() != null && patch.version() != c.version) {
                        throw ProblemException.conflict("hotline.contact.stale", id).with("version", c.version);
                    }
                    if (patch.problems() != null) {
                        c.problems = patch.problems().isEmpty() ? EnumSet.noneOf(ProblemCategory.class)
                                : EnumSet.copyOf(patch.problems());
                    }
                    if (patch.notes() != null) {
                        c.notesSealed = patch.notes().isBlank() ? null : cipher.seal(patch.notes(), notesPlace(c.id));
                    }
                    if (patch.repeatCaller() != null) {
                        c.flagRepeat = patch.repeatCaller();
                    }
                    if (patch.difficult() != null) {
                        c.flagDifficult = patch.difficult();
                    }
                    if (patch.highCrisis() != null) {
                        c.flagHighCrisis = patch.highCrisis();
                    }
                    if (patch.callbackRequested() != null) {
                        c.callbackRequested = patch.callbackRequested();
                    }
                    c.formSavedAt = OffsetDateTime.now(ZoneOffset.UTC);
                    c.formSavedBy = actor.username();
                    return contacts.flush().replaceWith(c)
                            .call(saved -> saved.callbackRequested ? callbacks.openFor(saved.id) : Uni.createFrom().voidItem());
                }))
                .call(c -> actor.username().equals(c.counsellorUsername)
                        ? presence.formSaved(actor.username(), c.id) : Uni.createFrom().voidItem())
                .chain(c -> get(c.id));
    }

    /** Who is calling: the caller's earlier contacts and risk case, for the counsellor on this call. */
    public Uni<CallerView> caller(long id) {
        Actor actor = access.actor();
        return Panache.withSession(() -> visible(id).flatMap(c -> {
            if (c.callerKey == null) {
                return Uni.createFrom().item(new CallerView(c.id, true, false, 0, null, null));
            }
            return contacts.priorOf(c.callerKey, c.id).flatMap(prior -> risk.activeCaseFor(actor, c.callerKey, c.id)
                    .map(riskCase -> new CallerView(c.id, false, c.repeatCaller, Sql.number(prior[0]),
                            Sql.at(Sql.instant(prior[1])), CallerView.RiskCase.of(riskCase))));
        }));
    }

    private Uni<Contact> visible(long id) {
        Actor actor = access.actor();
        return contacts.findById(id).map(c -> {
            if (c == null || !maySee(c, actor)) {
                throw ProblemException.notFound("hotline.contact.not-found", id);
            }
            return c;
        });
    }

    private static boolean maySee(Contact c, Actor actor) {
        if (actor.username().equals(c.counsellorUsername)) {
            return true;
        }
        return actor.hasRole(Role.RISK_SUPERVISOR)
                && (actor.governs(c.divisionCode) || (c.counsellorDivision != null && actor.governs(c.counsellorDivision)));
    }

    private Uni<ContactView> view(Contact c) {
        String notes = c.notesSealed == null ? null : cipher.open(c.notesSealed, notesPlace(c.id));
        return contacts.timeline(c.id).map(timeline -> ContactView.of(c, notes, timeline));
    }

    /** Binds sealed notes to their contact: notes copied onto another contact do not open. */
    static String notesPlace(long contactId) {
        return "hotline_contact.notes#" + contactId;
    }
}
