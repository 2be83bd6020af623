package io.greenribbon.hotline.calls;

import io.greenribbon.hotline.HotlineConfig;
import io.greenribbon.hotline.Sql;
import io.greenribbon.telephony.PbxEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The call detail record of a hotline call the service has no contact for, as Asterisk reported it over
 * AMI ({@code Cdr}), kept in {@code asterisk_cdr} when Asterisk's own insert is not there: cdr_pgsql keeps
 * no backlog, so a record written while the database was down (or on a connection its restart cut) is
 * lost, and a call that never reached a queue (nobody to ring, straight to the backup line; or a caller who
 * hung up during the notice) has nothing else to be recovered from. {@link CdrRecovery} then turns the
 * call's rows into its contact, as it does with cdr_pgsql's, in a reconciliation pass a moment later
 * (Asterisk reports all records of a call at once, at its end).
 */
@ApplicationScoped
public class CdrCopies {

    /** Long enough for the other records of the same call to arrive before its rows are read. */
    private static final long RECOVER_AFTER_MS = 2000;

    private final HotlineConfig config;
    private final Reconciler reconciler;
    private final AtomicBoolean recoveryDue = new AtomicBoolean();
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hotline-cdr-copies");
        t.setDaemon(true);
        return t;
    });

    public CdrCopies(HotlineConfig config, Reconciler reconciler) {
        this.config = config;
        this.reconciler = reconciler;
    }

    /** Keeps the record if it is a hotline call's without a contact and without the same row already. */
    public Uni<Void> keep(PbxEvent.CdrRecorded e) {
        String context = e.destinationContext();
        if (e.uniqueId() == null || e.uniqueId().isBlank() || !context.startsWith("hotline")
                || context.equals(config.callbackContext())) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> Sql.update("""
                        INSERT INTO asterisk_cdr (calldate, answer, "end", src, dst, dcontext, channel, dstchannel,
                            lastapp, lastdata, duration, billsec, disposition, uniqueid, linkedid, userfield,
                            from_ami_event)
                        SELECT (:start AT TIME ZONE 'UTC'), (CAST(:answer AS timestamptz) AT TIME ZONE 'UTC'),
                               (:end AT TIME ZONE 'UTC'), left(:src, 80), left(:dst, 80), left(:context, 80),
                               left(:channel, 80), left(:dstchannel, 80), left(:lastapp, 80), left(:lastdata, 200),
                               :duration, :billsec, left(:disposition, 45), :uid, :uid, left(:userfield, 255), true
                        WHERE NOT EXISTS (SELECT 1 FROM hotline_contact WHERE call_uniqueid = :uid)
                          AND NOT EXISTS (SELECT 1 FROM asterisk_cdr c WHERE c.uniqueid = :uid
                                          AND c.calldate = (:start AT TIME ZONE 'UTC')
                                          AND c.dstchannel = left(:dstchannel, 80))""",
                        "start", Sql.at(e.start()), "answer", e.answer().map(Sql::at).orElse(null),
                        "end", Sql.at(e.end()), "src", e.source(), "dst", e.destination(), "context", context,
                        "channel", e.channel(), "dstchannel", e.destinationChannel(), "lastapp", e.lastApplication(),
                        "lastdata", e.lastData(), "duration", (int) e.duration().toSeconds(),
                        "billsec", (int) e.billable().toSeconds(), "disposition", e.disposition(), "uid", e.uniqueId(),
                        "userfield", e.userField()))
                .invoke(copied -> {
                    if (copied > 0) {
                        recoverSoon();
                    }
                }).replaceWithVoid();
    }

    private void recoverSoon() {
        if (recoveryDue.compareAndSet(false, true)) {
            later.schedule(() -> {
                recoveryDue.set(false);
                reconciler.schedule();
            }, RECOVER_AFTER_MS, TimeUnit.MILLISECONDS);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        later.shutdownNow();
    }
}
