package io.greenribbon.risk;

import io.greenribbon.audit.AuditEntry;
import io.greenribbon.hotline.Blocking;
import io.greenribbon.telephony.PbxEvent;
import io.greenribbon.telephony.PbxEventListener;
import io.greenribbon.telephony.journal.DatabaseOutage;
import io.greenribbon.telephony.journal.EventJournal;
import io.greenribbon.telephony.journal.EventLane;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Follows each page to its end at the PBX. AMI accepting an Originate only means the supervisor's phone
 * is being rung: when it is busy, unreachable or not answered, the case's timeline says so and the
 * supervisors on duty are alerted on their consoles, so nobody counts on a call that never happened.
 * The escalation deadlines keep running either way. An outcome that arrives while the database is down is
 * held in the journal's lane {@value #LANE} and recorded once it is back; recording one twice changes nothing.
 */
@ApplicationScoped
class PageOutcomes implements PbxEventListener {

    /** The journal lane of page outcomes the database did not take. */
    static final String LANE = "risk-pages";
    private static final Logger LOG = Logger.getLogger(PageOutcomes.class);
    /** Pages ring for 30 s; an outcome older than this cannot be one of ours still waiting. */
    private static final Duration RECENT = Duration.ofHours(1);
    /**
     * A phone that is not registered fails at once, possibly before the page is on the timeline (that is
     * written once AMI has queued the Originate, maybe by another replica): look again a few times.
     */
    private static final Duration LOOK_AGAIN = Duration.ofSeconds(2);
    private static final int LOOKS = 3;
    /**
     * One record must not hold up the others behind it on the recorder's thread: a case row another
     * transaction keeps locked makes this one wait, so it gives up after this long and looks again later.
     */
    private static final Duration RECORD_WITHIN = Duration.ofSeconds(5);

    private final RiskGate gate;
    private final CaseEventRepository events;
    private final RiskCaseRepository cases;
    private final RiskAlerts alerts;
    private final EventJournal journal;
    private final DatabaseOutage outage;
    private final ScheduledExecutorService recorder = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "risk-page-outcomes");
        t.setDaemon(true);
        return t;
    });

    PageOutcomes(RiskGate gate, CaseEventRepository events, RiskCaseRepository cases, RiskAlerts alerts,
                 EventJournal journal, DatabaseOutage outage) {
        this.gate = gate;
        this.events = events;
        this.cases = cases;
        this.alerts = alerts;
        this.journal = journal;
        this.outage = outage;
    }

    /** Opens the lane at start: outcomes a previous process held are recorded now. */
    void open(@Observes StartupEvent event) {
        lane();
    }

    private EventLane lane() {
        return journal.lane(LANE, held -> Blocking.await(() -> unanswered((PbxEvent.OriginateResult) held)), () -> { });
    }

    /**
     * Recorded on a thread of their own, one at a time: the dispatcher's one thread carries the hotline's
     * call events in order, and a burst of unanswered pages (an imminent case pages every supervisor on
     * duty) must neither hold them up nor take every database connection.
     */
    @Override
    public void on(PbxEvent event) {
        if (event instanceof PbxEvent.OriginateResult result && !result.success()
                && PbxSupervisorPager.PAGE_CONTEXT.equals(result.context())) {
            record(result, 0, Duration.ZERO);
        }
    }

    private void record(PbxEvent.OriginateResult result, int look, Duration after) {
        recorder.schedule(() -> {
            if (lane().depth() > 0) {
                lane().hold(result);
                return;
            }
            boolean recorded;
            try {
                recorded = Blocking.await(() -> unanswered(result).ifNoItem().after(RECORD_WITHIN).fail());
            } catch (RuntimeException e) {
                if (outage.down(e)) {
                    LOG.warnf("The database does not take the unanswered page %s: held until it is back",
                            result.correlationId());
                    lane().hold(result);
                    return;
                }
                LOG.warnf("Could not record the unanswered page %s yet: %s", result.correlationId(), e.toString());
                recorded = false;
            }
            if (!recorded && look + 1 < LOOKS) {
                record(result, look + 1, LOOK_AGAIN);
            } else if (!recorded) {
                LOG.errorf("Gave up recording the unanswered page %s", result.correlationId());
            }
        }, after.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        recorder.shutdownNow();
    }

    /**
     * Records the outcome on the case of the page it belongs to; false when no page has that call id. An
     * outcome already recorded (a retry after a timeout, or a replay from the journal) is not recorded again.
     */
    Uni<Boolean> unanswered(PbxEvent.OriginateResult result) {
        return gate.asSystem("pager", tx -> events.find("kind = ?1 and at > ?2 and detail like ?3",
                        RiskCaseEvent.Kind.PAGED, tx.now().minus(RECENT), "%;call=" + result.correlationId())
                .firstResult()
                .chain(paged -> paged == null ? Uni.createFrom().item(false) : events.find(
                                "kind = ?1 and caseId = ?2 and detail like ?3", RiskCaseEvent.Kind.PAGE_UNANSWERED,
                                paged.caseId, "%;call=" + result.correlationId() + ";reason=%").firstResult()
                        .chain(recorded -> recorded != null ? Uni.createFrom().item(true) : cases.findById(paged.caseId).chain(c -> {
                    String detail = paged.detail + ";reason=" + reason(result);
                    tx.audit(AuditEntry.system(tx.now(), "pager", "risk.case.page", "risk_case", c.id, c.division,
                            "ESCALATION", RiskCaseEvent.Kind.PAGE_UNANSWERED.name()));
                    return alerts.event(tx, c, RiskCaseEvent.Kind.PAGE_UNANSWERED, detail)
                            .chain(() -> alerts.alertOnDuty(tx, c, "page-unanswered")).replaceWith(true);
                }))));
    }

    /** The timeline's reason: the failure's label, with Asterisk's code when it is none of the known ones. */
    private static String reason(PbxEvent.OriginateResult result) {
        PbxEvent.OriginateFailure failure = result.failure().orElseThrow();
        return failure == PbxEvent.OriginateFailure.OTHER ? "failed-" + result.reason() : failure.label();
    }
}
