package io.greenribbon.hotline.contacts;

import io.greenribbon.hotline.Sql;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.List;

@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, Long> {

    /** One event of a call's timeline. */
    public record TimelineEntry(String kind, OffsetDateTime at, String queue, String member, String detail) {
    }

    /** The contacts a counsellor took in a period, newest first. */
    public Uni<List<Contact>> takenBy(String username, OffsetDateTime from, OffsetDateTime to, int limit) {
        return find("counsellorUsername = :me and offeredAt >= :from and offeredAt < :to",
                Sort.descending("offeredAt"),
                Parameters.with("me", username).and("from", from).and("to", to)).page(0, limit).list();
    }

    /**
     * The contacts of a jurisdiction in a period, newest first: calls to its lines, calls its counsellors
     * answered, and the account's own.
     */
    public Uni<List<Contact>> within(String prefix, String username, OffsetDateTime from, OffsetDateTime to, int limit) {
        return find("""
                        (divisionCode like :prefix or counsellorDivision like :prefix or counsellorUsername = :me)
                        and offeredAt >= :from and offeredAt < :to""", Sort.descending("offeredAt"),
                Parameters.with("prefix", prefix + "%").and("me", username).and("from", from).and("to", to))
                .page(0, limit).list();
    }

    public Uni<List<TimelineEntry>> timeline(long contactId) {
        return Sql.rows("""
                        SELECT kind, occurred_at, queue, member, detail FROM hotline_contact_event
                        WHERE contact_id = :id ORDER BY occurred_at, id""", "id", contactId)
                .map(rows -> rows.stream().map(r -> new TimelineEntry((String) r[0], Sql.at(Sql.instant(r[1])),
                        (String) r[2], (String) r[3], (String) r[4])).toList());
    }

    /** How many other contacts the same caller made, and when the last one was. */
    public Uni<Object[]> priorOf(String callerKey, long exceptId) {
        return Sql.rows("""
                        SELECT count(*), max(offered_at) FROM hotline_contact
                        WHERE caller_key = :key AND id <> :id AND offered_at <= (SELECT offered_at FROM hotline_contact WHERE id = :id)""",
                "key", callerKey, "id", exceptId).map(rows -> rows.get(0));
    }
}
