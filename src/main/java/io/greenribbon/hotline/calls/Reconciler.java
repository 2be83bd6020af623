package io.greenribbon.hotline.calls;

import io.greenribbon.hotline.Blocking;
import io.greenribbon.hotline.HotlineConfig;
import io.greenribbon.hotline.callbacks.CallbackLedger;
import io.greenribbon.hotline.contacts.AnsweredVia;
import io.greenribbon.hotline.contacts.CallLedger;
import io.greenribbon.hotline.contacts.NewContact;
import io.greenribbon.hotline.lines.LineDirectory;
import io.greenribbon.hotline.presence.MemberTargets;
import io.greenribbon.hotline.presence.Presence;
import io.greenribbon.hotline.presence.PresenceRepository;
import io.greenribbon.hotline.presence.PresenceResync;
import io.greenribbon.hotline.presence.PresenceService;
import io.greenribbon.hotline.wallboard.WallboardFeed;
import io.greenribbon.telephony.Pbx;
import io.greenribbon.telephony.journal.EventJournal;
import io.greenribbon.telephony.pbx.PbxDirectory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Puts the service's records back in line with the PBX after anything that may have hidden events from
 * it: the AMI link coming up (first connect, reconnect, Asterisk restart, this replica becoming the
 * leader) and, on the leader, every few minutes in case a command was lost. It re-applies presence to the
 * queues, closes contacts whose calls ended meanwhile, records answers it missed, and recovers calls
 * the service never saw from Asterisk's CDRs. Every step touches only this deployment's PBX's records
 * (other PBXs' calls and queues, on the same database, are their own deployments' to reconcile). Runs on
 * its own thread, one pass at a time, and not while call events held during a database outage are still
 * being written (they are newer than what a pass would infer; the journal asks for a pass once they are
 * all written).
 */
@ApplicationScoped
public class Reconciler {

    private static final Logger LOG = Logger.getLogger(Reconciler.class);
    private static final Duration PBX_WAIT = Duration.ofSeconds(30);

    private final Pbx pbx;
    private final PresenceService presence;
    private final PresenceResync resync;
    private final PresenceRepository presences;
    private final MemberTargets targets;
    private final CallLedger ledger;
    private final CallbackLedger callbacks;
    private final CdrRecovery cdrs;
    private final WallboardFeed wallboard;
    private final LineDirectory lines;
    private final HotlineConfig config;
    private final CallerIdentity identity;
    private final EventJournal journal;
    private final PbxDirectory directory;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hotline-reconcile");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean leading;

    public Reconciler(Pbx pbx, PresenceService presence, PresenceResync resync, PresenceRepository presences,
                      MemberTargets targets, CallLedger ledger, CallbackLedger callbacks, CdrRecovery cdrs,
                      WallboardFeed wallboard, LineDirectory lines, HotlineConfig config, CallerIdentity identity,
                      EventJournal journal, PbxDirectory directory) {
        this.journal = journal;
        this.directory = directory;
        this.lines = lines;
        this.pbx = pbx;
        this.presence = presence;
        this.resync = resync;
        this.presences = presences;
        this.targets = targets;
        this.ledger = ledger;
        this.callbacks = callbacks;
        this.cdrs = cdrs;
        this.wallboard = wallboard;
        this.config = config;
        this.identity = identity;
    }

    /** The link is up on this (leading) replica: reconcile now. */
    public void linkUp(boolean pbxRestarted) {
        leading = true;
        LOG.infof("PBX link up%s: reconciling presence and calls", pbxRestarted ? " (Asterisk restarted)" : "");
        schedule();
    }

    public void linkDown() {
        leading = false;
    }

    /** Whether this replica receives the PBX's events now. */
    public boolean leading() {
        return leading;
    }

    @Scheduled(every = "${greenribbon.hotline.resync-every}", delayed = "${greenribbon.hotline.resync-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodically() {
        if (leading && pbx.linkUp()) {
            schedule();
        }
    }

    /** Queues one pass; a pass already waiting covers this request too. Completes when that pass has run. */
    public java.util.concurrent.Future<?> schedule() {
        if (!pending.compareAndSet(false, true)) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        return worker.submit(() -> {
            pending.set(false);
            reconcile();
        });
    }

    void reconcile() {
        if (journal.holding(HotlineEventListener.LANE)) {
            LOG.info("Reconciliation deferred: call events held while the database was down are written first");
            return;
        }
        step("presence", this::presence);
        step("lines", () -> Blocking.await(lines::loaded));
        Optional<Instant> pbxNow = pbxNow();
        step("calls in progress", () -> callsInProgress(pbxNow.orElseThrow(() ->
                new IllegalStateException("the PBX does not answer"))));
        // Contacts, events and CDRs all keep the PBX's time; without the link, the service's clock will do.
        step("calls from CDRs", () -> cdrs.recover(pbx.id(),
                pbxNow.orElseGet(Instant::now).minus(config.cdrLookBack())));
        step("foreign originates", () -> Blocking.await(() -> Panache.withTransaction(() ->
                callbacks.forgetForeign(Instant.now().minus(Duration.ofMinutes(10))))));
        wallboard.touch();
    }

    /** The PBX's queues follow presence; the queues it holds are recorded for the other deployments. */
    private void presence() {
        List<io.greenribbon.hotline.presence.MemberTarget> desired = Blocking.await(presence::desiredMembership);
        PresenceResync.Report report = resync.resync(desired).await().atMost(PBX_WAIT);
        directory.report(report.queues());
        Set<String> nowhere = desired.stream().flatMap(t -> t.queues().stream())
                .filter(q -> !report.queues().contains(q) && directory.isMine(q))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        if (!nowhere.isEmpty()) {
            LOG.warnf("Counsellors are signed in for queues no PBX has (queues.conf): %s", nowhere);
        }
    }

    /** The PBX's clock now, which every time of a call is in; empty when the PBX does not answer. */
    private Optional<Instant> pbxNow() {
        try {
            return Optional.of(pbx.currentTime().await().atMost(PBX_WAIT));
        } catch (RuntimeException e) {
            LOG.debugf("The PBX's time is unknown: %s", e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code snapshot}: the PBX's time just before the channel list is taken. */
    private void callsInProgress(Instant snapshot) {
        List<Pbx.ActiveChannel> channels = pbx.activeChannels().await().atMost(PBX_WAIT);
        Set<String> alive = channels.stream().map(Pbx.ActiveChannel::uniqueId).collect(Collectors.toSet());
        Map<String, List<Pbx.ActiveChannel>> legs = channels.stream()
                .filter(c -> c.linkedId() != null && !c.linkedId().equals(c.uniqueId()))
                .collect(Collectors.groupingBy(Pbx.ActiveChannel::linkedId));
        List<CallLedger.OpenCall> open = Blocking.await(() -> Panache.withSession(() ->
                ledger.openCalls(pbx.id(), snapshot, 1000)));
        int closed = 0;
        for (CallLedger.OpenCall call : open) {
            if (!alive.contains(call.uniqueId())) {
                closeGone(call, snapshot);
                closed++;
            } else if (!call.answered()) {
                answeredMeanwhile(call, legs.getOrDefault(call.uniqueId(), List.of()), snapshot);
            }
        }
        if (closed > 0) {
            LOG.infof("Closed %d contacts whose calls ended while the service did not see it", closed);
        }
        Set<String> known = open.stream().map(CallLedger.OpenCall::uniqueId).collect(Collectors.toSet());
        unseenInProgress(channels.stream().filter(c -> !known.contains(c.uniqueId())).toList(), legs, snapshot);
    }

    /**
     * Callers waiting in or talking through a hotline queue whom the service never saw (the dialplan failed
     * open while it was down), among {@code channels} without an open contact: their contacts open now, answered by whom the channel list shows, and their
     * own events close them from here on, instead of their CDRs once the call has ended.
     */
    private void unseenInProgress(List<Pbx.ActiveChannel> channels, Map<String, List<Pbx.ActiveChannel>> legs,
                                  Instant snapshot) {
        int opened = 0;
        for (Pbx.ActiveChannel channel : channels) {
            Optional<NewContact> contact = failedOpenContact(channel, snapshot);
            if (contact.isEmpty()) {
                continue;
            }
            CallLedger.Opened open = Blocking.await(() -> Panache.withTransaction(() -> ledger.open(contact.get())
                    .call(created -> created.created() ? ledger.queued(channel.uniqueId(), contact.get().offeredAt())
                            : Uni.createFrom().voidItem())));
            if (open.created()) {
                opened++;
                answeredMeanwhile(new CallLedger.OpenCall(open.id(), channel.uniqueId(), contact.get().lineId(), false,
                        null), legs.getOrDefault(channel.uniqueId(), List.of()), snapshot);
            }
        }
        if (opened > 0) {
            LOG.infof("Opened %d contacts for calls in progress that reached the queues without the service", opened);
        }
    }

    /** The contact of a caller's channel in a hotline queue (Application Queue, its queue first in the data). */
    private Optional<NewContact> failedOpenContact(Pbx.ActiveChannel channel, Instant snapshot) {
        if (!channel.uniqueId().equals(channel.linkedId()) || !"Queue".equalsIgnoreCase(channel.application())
                || channel.applicationData() == null) {
            return Optional.empty();
        }
        String queue = channel.applicationData().split(",", 2)[0].trim();
        return FailOpenContact.inQueue(lines, queue, channel.uniqueId(), channel.linkedId(),
                identity.of(channel.callerNumber()), snapshot.minus(channel.duration()));
    }

    /** The call is gone: close its contact at the end its CDR gives, else at the time it was noticed. */
    private void closeGone(CallLedger.OpenCall call, Instant noticed) {
        Optional<CdrRecovery.CdrCall> cdr = cdrOf(call.uniqueId());
        if (cdr.isPresent() && !call.answered()) {
            cdrs.applyAnswer(call, cdr.get());
        }
        Instant end = cdr.map(CdrRecovery.CdrCall::end).orElse(noticed);
        String counsellor = Blocking.await(() -> Panache.withTransaction(() ->
                ledger.close(call.uniqueId(), end, cdr.isEmpty(), config.shortAbandon())
                        .call(() -> callbacks.openFor(call.id()))
                        .chain(() -> ledger.find(call.uniqueId()))
                        .map(ref -> ref.map(CallLedger.CallRef::counsellorUsername).orElse(null))));
        if (counsellor != null) {
            Blocking.await(() -> presence.callEnded(counsellor, call.id()));
        }
    }

    /** The call's CDRs; none when they cannot be read (the contact still closes, at an estimated end). */
    private Optional<CdrRecovery.CdrCall> cdrOf(String uniqueId) {
        try {
            return cdrs.find(uniqueId);
        } catch (RuntimeException e) {
            LOG.warnf("CDRs of %s unreadable: %s", uniqueId, e.getMessage());
            return Optional.empty();
        }
    }

    /** A counsellor's phone is bridged with the caller, but the service missed the answer. */
    private void answeredMeanwhile(CallLedger.OpenCall call, List<Pbx.ActiveChannel> legs, Instant snapshot) {
        for (Pbx.ActiveChannel leg : legs) {
            Optional<String> extension = targets.extensionOf(leg.channel());
            if (extension.isEmpty() || !"Up".equalsIgnoreCase(leg.state()) || leg.bridgeId() == null
                    || leg.bridgeId().isEmpty()) {
                continue;
            }
            Presence counsellor = Blocking.await(() -> Panache.withSession(() -> presences.findByExtension(extension.get())));
            if (counsellor == null) {
                continue;
            }
            AnsweredVia via = lines.cached(call.lineId())
                    .filter(line -> line.divisionCode().equals(counsellor.queueDivision)).isPresent()
                    ? AnsweredVia.TIER1 : AnsweredVia.TIER2;
            Instant answered = snapshot.minus(leg.duration());
            Blocking.await(() -> Panache.withTransaction(() -> ledger.answeredUnseen(call.uniqueId(), answered, via,
                    counsellor.username, counsellor.divisionCode)));
            Blocking.await(() -> presence.inCall(counsellor.username, call.id()));
            return;
        }
    }

    private static void step(String name, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.warnf("Reconciliation of %s incomplete (next pass retries): %s", name, e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }
}
