package io.greenribbon.hotline.calls;

import io.greenribbon.hotline.Blocking;
import io.greenribbon.hotline.HotlineConfig;
import io.greenribbon.hotline.Sql;
import io.greenribbon.hotline.callbacks.CallbackLedger;
import io.greenribbon.hotline.contacts.AnsweredVia;
import io.greenribbon.hotline.contacts.CallLedger;
import io.greenribbon.hotline.contacts.ContactSource;
import io.greenribbon.hotline.contacts.NewContact;
import io.greenribbon.hotline.lines.LineConfig;
import io.greenribbon.hotline.lines.LineDirectory;
import io.greenribbon.hotline.presence.MemberTargets;
import io.greenribbon.hotline.presence.Presence;
import io.greenribbon.hotline.presence.PresenceRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Calls the service did not see, from the CDRs Asterisk writes into {@code asterisk_cdr} (cdr_pgsql) even
 * while the service is down: a contact left open is closed with the CDR's end, and a call with no contact
 * at all becomes a RECOVERED contact. A CDR is one bridged segment of the caller's channel; the segments
 * of one call share its Uniqueid. Times in the table are UTC wall-clock time. Only this deployment's PBX's
 * rows are recovered (column {@code pbx_id}, from the Uniqueid's systemname prefix). Once a call's rows are
 * turned into (or matched with) a contact, they are marked reconciled and the caller's number is cleared
 * from them: it is kept only sealed, in the contact. Runs on the reconciliation thread (blocking).
 *
 * <p>A record's own answer time is the caller's: the dialplan's {@code Answer()}, before the notice and the
 * queue wait, and Asterisk writes no record of the counsellor's leg (transcripts 03, 10c: one record per
 * leg pair, the caller's). The counsellor's leg stamps its answer into the pair's record instead
 * ({@code CDR(counsellor_answered)}, the queues' membergosub), and a call answered by a counsellor counts
 * from there.
 */
@ApplicationScoped
public class CdrRecovery {

    private static final Logger LOG = Logger.getLogger(CdrRecovery.class);

    /**
     * What the CDRs of one call say: when, who called, which phone or trunk answered it and when
     * ({@code answeredChannel} empty when nobody did; {@code viaTrunk} when that was a Dial through a trunk:
     * the backup line), the line the dialplan put in the userfield, and whether the call was put through
     * ({@code putThrough}: a segment ran Queue or Dial, or dialled a phone or the trunk; a caller who hung up
     * in a queue where nobody was rung leaves only the h extension's NoOp, so is not seen as put through).
     */
    public record CdrCall(String uniqueId, String linkedId, Instant start, Instant end, String source,
                          String destination, String answeredChannel, Instant answeredAt, boolean viaTrunk,
                          String userField, boolean hasContact, boolean putThrough) {
    }

    /** A segment in which the caller was bridged with a phone or a trunk (the others are rings). */
    private static final String ANSWERED_SEGMENT =
            "dstchannel <> '' AND lastapp IN ('Queue', 'Dial') AND disposition = 'ANSWERED'";

    private static final String CALLS = """
            SELECT uniqueid, min(linkedid), min(calldate AT TIME ZONE 'UTC'),
                   max(coalesce("end", calldate + make_interval(secs => duration)) AT TIME ZONE 'UTC'),
                   (array_agg(src ORDER BY calldate, id))[1], (array_agg(dst ORDER BY calldate, id))[1],
                   (array_agg(dstchannel ORDER BY calldate, id) FILTER (WHERE %1$s))[1],
                   (array_agg(coalesce(to_timestamp(nullif(counsellor_answered, 0)),
                                       coalesce(answer, calldate) AT TIME ZONE 'UTC') ORDER BY calldate, id)
                       FILTER (WHERE %1$s))[1],
                   coalesce((array_agg(lastapp = 'Dial' AND lastdata LIKE '%%@%%' ORDER BY calldate, id)
                       FILTER (WHERE %1$s))[1], false),
                   (array_agg(userfield ORDER BY calldate, id) FILTER (WHERE userfield <> ''))[1],
                   EXISTS (SELECT 1 FROM hotline_contact h WHERE h.call_uniqueid = c.uniqueid),
                   bool_or(lastapp IN ('Queue', 'Dial') OR dstchannel <> '')
            FROM asterisk_cdr c
            """.formatted(ANSWERED_SEGMENT);

    private final CallLedger ledger;
    private final CallbackLedger callbacks;
    private final LineDirectory lines;
    private final PresenceRepository presences;
    private final MemberTargets targets;
    private final CallerIdentity identity;
    private final HotlineConfig config;

    public CdrRecovery(CallLedger ledger, CallbackLedger callbacks, LineDirectory lines, PresenceRepository presences,
                       MemberTargets targets, CallerIdentity identity, HotlineConfig config) {
        this.ledger = ledger;
        this.callbacks = callbacks;
        this.lines = lines;
        this.presences = presences;
        this.targets = targets;
        this.identity = identity;
        this.config = config;
    }

    /** The CDRs of one call, if Asterisk wrote any (it writes them when the call ends). */
    public Optional<CdrCall> find(String uniqueId) {
        return Blocking.await(() -> Panache.withSession(() -> Sql.rows(CALLS + " WHERE uniqueid = :uid GROUP BY uniqueid",
                "uid", uniqueId))).stream().findFirst().map(CdrRecovery::call);
    }

    /**
     * An open contact whose answer the service missed: the CDR names the phone or trunk that answered. A call
     * the CDRs show put through counts as put through from its start at the latest (when it reached a queue
     * the service did not see).
     */
    public void applyAnswer(CallLedger.OpenCall call, CdrCall cdr) {
        if (cdr.putThrough()) {
            Blocking.await(() -> Panache.withTransaction(() -> ledger.queued(call.uniqueId(), cdr.start())));
        }
        if (cdr.answeredChannel() == null) {
            return;
        }
        if (cdr.viaTrunk()) {
            Blocking.await(() -> Panache.withTransaction(() -> ledger.answered(call.uniqueId(), cdr.answeredAt(),
                    AnsweredVia.BACKUP, null, null, null, null)));
            return;
        }
        Optional<Presence> counsellor = counsellorOf(cdr);
        if (counsellor.isEmpty()) {
            return;
        }
        Presence p = counsellor.get();
        AnsweredVia via = lines.cached(call.lineId()).filter(l -> l.divisionCode().equals(p.queueDivision)).isPresent()
                ? AnsweredVia.TIER1 : AnsweredVia.TIER2;
        Blocking.await(() -> Panache.withTransaction(() -> ledger.answeredUnseen(call.uniqueId(), cdr.answeredAt(), via,
                p.username, p.divisionCode)));
    }

    /**
     * Turns the hotline calls of PBX {@code pbxId} since {@code since} whose CDRs are not reconciled yet into
     * contacts (those the service never saw), completes the caller of contacts it only knew from queue events,
     * and marks the rows reconciled.
     */
    public void recover(String pbxId, Instant since) {
        List<CdrCall> calls = Blocking.await(() -> Panache.withSession(() -> Sql.rows(CALLS + """
                         WHERE reconciled_at IS NULL AND pbx_id = :pbx AND calldate >= (:since AT TIME ZONE 'UTC')
                           AND dcontext LIKE 'hotline%' AND dcontext <> :callbacks AND uniqueid <> ''
                         GROUP BY uniqueid ORDER BY 3 LIMIT 500""",
                "pbx", pbxId, "since", Sql.at(since), "callbacks", config.callbackContext())))
                .stream().map(CdrRecovery::call).toList();
        int recovered = 0;
        for (CdrCall cdr : calls) {
            if (cdr.hasContact()) {
                identifyAndMark(cdr);
            } else {
                recoverOne(cdr);
                recovered++;
            }
        }
        if (recovered > 0) {
            LOG.infof("Recovered %d calls from CDRs that the service did not see", recovered);
        }
    }

    /** A call the service knew: its caller, if the contact lacks one, and the rows marked. */
    private void identifyAndMark(CdrCall cdr) {
        Optional<CallerIdentity.Identity> caller = identity.of(cdr.source());
        Blocking.await(() -> Panache.withTransaction(() -> (caller.isPresent()
                ? ledger.identifyCaller(cdr.uniqueId(), caller.get().key(), caller.get().sealedNumber())
                : Uni.createFrom().item(0)).call(() -> markReconciled(cdr.uniqueId()))));
    }

    /** The CDR rows of a call are now in its contact: they no longer carry the caller's number in clear. */
    private static Uni<Integer> markReconciled(String uniqueId) {
        return Sql.update("""
                UPDATE asterisk_cdr SET reconciled_at = now(), src = '', clid = ''
                WHERE uniqueid = :uid AND reconciled_at IS NULL""", "uid", uniqueId);
    }

    private void recoverOne(CdrCall cdr) {
        Optional<Presence> counsellor = counsellorOf(cdr);
        Optional<LineConfig> line = lines.cached(cdr.userField()).or(() -> lines.cached(cdr.destination()));
        String division = line.map(LineConfig::divisionCode)
                .or(() -> counsellor.map(p -> p.queueDivision))
                .orElse(config.recoveredDivision());
        Optional<CallerIdentity.Identity> caller = identity.of(cdr.source());
        NewContact contact = new NewContact(cdr.uniqueId(), cdr.linkedId(), line.map(LineConfig::id).orElse(null),
                division, ContactSource.RECOVERED, caller.map(CallerIdentity.Identity::key).orElse(null),
                caller.map(CallerIdentity.Identity::sealedNumber).orElse(null), null, false, null, 0, null,
                line.map(LineConfig::tier1Queue).orElse(null), line.map(LineConfig::tier2Queue).orElse(null),
                cdr.start());
        AnsweredVia via = counsellor.filter(p -> division.equals(p.queueDivision)).isPresent()
                ? AnsweredVia.TIER1 : AnsweredVia.TIER2;
        Blocking.await(() -> Panache.withTransaction(() -> ledger.open(contact)
                .call(() -> cdr.putThrough() ? ledger.queued(cdr.uniqueId(), cdr.start()) : Uni.createFrom().voidItem())
                .call(opened -> caller.isPresent()
                        ? ledger.identifyCaller(cdr.uniqueId(), caller.get().key(), caller.get().sealedNumber())
                        : Uni.createFrom().voidItem())
                .call(() -> counsellor.isPresent()
                        ? ledger.answeredUnseen(cdr.uniqueId(), cdr.answeredAt(), via, counsellor.get().username,
                        counsellor.get().divisionCode)
                        : cdr.viaTrunk() ? ledger.answered(cdr.uniqueId(), cdr.answeredAt(), AnsweredVia.BACKUP, null,
                        null, null, null) : Uni.createFrom().voidItem())
                .call(() -> ledger.close(cdr.uniqueId(), cdr.end(), false, config.shortAbandon()))
                .call(opened -> callbacks.openFor(opened.id()))
                .call(() -> markReconciled(cdr.uniqueId()))));
    }

    private Optional<Presence> counsellorOf(CdrCall cdr) {
        if (cdr.viaTrunk()) {
            return Optional.empty();
        }
        Optional<String> extension = targets.extensionOf(cdr.answeredChannel());
        if (extension.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(Blocking.await(() -> Panache.withSession(() ->
                presences.findByExtension(extension.get()))));
    }

    private static CdrCall call(Object[] r) {
        return new CdrCall((String) r[0], (String) r[1], Sql.instant(r[2]), Sql.instant(r[3]), (String) r[4],
                (String) r[5], (String) r[6], Sql.instant(r[7]), Boolean.TRUE.equals(r[8]), (String) r[9],
                Boolean.TRUE.equals(r[10]), Boolean.TRUE.equals(r[11]));
    }
}
