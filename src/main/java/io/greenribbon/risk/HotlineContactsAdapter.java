package io.greenribbon.risk;

import io.greenribbon.crypto.FieldCipher;
import io.greenribbon.hotline.contacts.Contact;
import io.greenribbon.hotline.contacts.ContactStatus;
import io.greenribbon.hotline.presence.Presence;
import io.greenribbon.hotline.routing.RoutingService;
import io.greenribbon.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The hotline's contacts as the risk side sees them. A counsellor's live call is the open contact they
 * answered last; the caller's number is opened with the hotline's own associated data, and only for the
 * unmasking flow.
 */
@ApplicationScoped
public class HotlineContactsAdapter implements HotlineContacts {

    private final FieldCipher cipher;

    public HotlineContactsAdapter(FieldCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public Uni<Optional<LiveCall>> currentCall(String username) {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createSelectionQuery(
                        "from Contact where counsellorUsername = :u and status = :open and answeredAt is not null "
                                + "order by answeredAt desc", Contact.class)
                .setParameter("u", username)
                .setParameter("open", ContactStatus.OPEN)
                .setMaxResults(1)
                .getResultList()))
                .map(list -> list.stream().findFirst().map(c -> new LiveCall(c.id, c.callerKey)));
    }

    @Override
    public Uni<Optional<CallInProgress>> liveCallWith(String callerKey, Collection<Long> contactIds) {
        if (callerKey == null && contactIds.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createSelectionQuery(
                                "from Contact where status = :open and answeredAt is not null and counsellorUsername is not null"
                                        + " and (callerKey = :key or id in :ids) order by answeredAt desc", Contact.class)
                        .setParameter("open", ContactStatus.OPEN)
                        .setParameter("key", callerKey == null ? "" : callerKey)
                        .setParameter("ids", contactIds.isEmpty() ? List.of(-1L) : contactIds)
                        .setMaxResults(1)
                        .getResultList()
                        .chain(found -> found.isEmpty() ? Uni.createFrom().item(Optional.<CallInProgress>empty())
                                : s.find(Presence.class, found.get(0).counsellorUsername).map(p -> {
                                    Contact c = found.get(0);
                                    // The phone is on this call as far as the PBX's events tell presence.
                                    boolean onIt = p != null && c.id.equals(p.inCallContactId);
                                    return Optional.of(new CallInProgress(c.id, c.lineId, c.counsellorUsername,
                                            onIt ? p.extension : null, c.answeredAt.toInstant()));
                                }))));
    }

    @Override
    public Uni<Optional<ContactFacts>> contact(long contactId) {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.find(Contact.class, contactId)))
                .map(c -> Optional.ofNullable(c).map(x -> new ContactFacts(x.callerKey, x.divisionCode, x.counsellorUsername, x.counsellorDivision)));
    }

    @Override
    public Uni<String> openCallerNumber(long contactId) {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.find(Contact.class, contactId)))
                .map(c -> {
                    if (c == null || c.callerNumberSealed == null) {
                        throw ProblemException.conflict("risk.unmask.no-number", contactId);
                    }
                    return cipher.open(c.callerNumberSealed, RoutingService.CALLER_NUMBER_AD);
                });
    }
}
