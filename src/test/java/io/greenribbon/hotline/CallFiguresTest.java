package io.greenribbon.hotline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenribbon.hotline.calls.Reconciler;
import io.greenribbon.hotline.figures.CallMeasures;
import io.greenribbon.hotline.figures.HotlineFigures;
import io.greenribbon.telephony.ami.DispatcherAccess;
import io.greenribbon.telephony.peer.AgiNetwork;
import io.greenribbon.telephony.peer.CallScript;
import io.greenribbon.telephony.peer.PeerCall;
import io.greenribbon.testkit.TestPbx;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.greenribbon.hotline.Hotline.SOON;
import static io.greenribbon.hotline.Hotline.as;
import static io.greenribbon.hotline.Hotline.awaitClosed;
import static io.greenribbon.hotline.Hotline.awaitContact;
import static io.greenribbon.hotline.Hotline.awaitMembers;
import static io.greenribbon.hotline.Hotline.call;
import static io.greenribbon.hotline.Hotline.membersOf;
import static io.greenribbon.hotline.Hotline.pbx;
import static io.greenribbon.hotline.Hotline.peer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The aid line's figures over a scripted day of calls of every kind, placed on the test PBX (the Asterisk
 * peer running telephony/) and recorded by the service from the PBX's events and CDRs: answered in the
 * county's queue and in the city's after the county's wait, pressed 1, abandoned, abandoned at once, hung up
 * in the notice, an unknown line, fail-open with the service's FastAGI down, the backup line with and without
 * the service, unanswered even by the backup line, and answered while the service was down (recovered from
 * the CDRs). The figures ({@link HotlineFigures}, the wallboard) must equal a hand count of the calls, keep
 * their identities, and give rates within 0 to 1.
 *
 * <p>The calls go to Yuanshi county's line (130132), which no other test calls, and one to an unknown number
 * (filed under the city, 1301).
 */
@QuarkusTest
class CallFiguresTest {

    private static final String YUANSHI_LINE = "031160130132";
    private static final String YUANSHI = "130132";
    private static final String CITY = "1301";
    private static final String UNKNOWN_LINE = "031160130199";

    @Inject
    HotlineFigures figures;

    @Inject
    Reconciler reconciler;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    @AfterEach
    void reset() {
        Hotline.reset();
        Hotline.closeOpenContacts();
        pressOne(false);
        Hotline.forgetContactsOf(YUANSHI);
    }

    @Test
    void aScriptedDayOfEveryKindOfCallAddsUpToTheHandCount() throws Exception {
        // Calls of earlier tests that only the CDRs know are recovered first, so that the city's board changes
        // by this day's calls alone.
        reconcile();
        CallMeasures cityBefore = boardFigures(CITY);
        Instant dayStart = peer().clock().now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        HandCount yuanshi = new HandCount();
        HandCount city = new HandCount();
        pressOne(true);
        Hotline.available("counsellor1", YUANSHI, "counselor1");
        Hotline.available("counsellor2", CITY, "counselor2");

        // 1. Answered in the county's queue after 2 s of ringing.
        peer().phone("counselor1").answersAfter(Duration.ofSeconds(2));
        Map<String, Object> c = closed(yuanshi(CallScript.from("13911160001").talksFor(Duration.ofSeconds(20))));
        assertThat(c).containsEntry("answered_via", "TIER1").containsEntry("outcome", "ANSWERED");
        yuanshi.answered(true, true, true);
        ready("counsellor1", "counselor1");
        yuanshi.handled++;

        // 2. The caller presses 1: raised for risk, answered in the county's queue.
        peer().phone("counselor1").answersAfter(Duration.ofSeconds(3));
        c = closed(yuanshi(CallScript.from("13911160002").presses("1").talksFor(Duration.ofSeconds(10))));
        assertThat(c).containsEntry("risk_reason", "PRESSED_ONE").containsEntry("answered_via", "TIER1");
        yuanshi.answered(true, true, true).raised();
        ready("counsellor1", "counselor1");
        yuanshi.handled++;

        // 3. counsellor1 takes a long call; the next caller waits out the county's 30 s (app_queue reports that
        // as an abandon) and the city's counsellor2 answers: not in the area, not within 20 s.
        peer().phone("counselor1").answersAfter(Duration.ofSeconds(2));
        PeerCall longCall = yuanshi(CallScript.from("13911160003").talksFor(Duration.ofSeconds(3600)));
        awaitContact(longCall.uniqueId(), x -> x.get("answered_at") != null);
        yuanshi.answered(true, true, true);
        peer().phone("counselor2").answersAfter(Duration.ofSeconds(2));
        c = closed(yuanshi(CallScript.from("13911160004").talksFor(Duration.ofSeconds(10))));
        assertThat(c).containsEntry("answered_via", "TIER2").containsEntry("outcome", "ANSWERED");
        assertThat(((Number) c.get("queue_wait_ms")).longValue()).isGreaterThan(30_000);
        yuanshi.answered(false, false, true);

        // 4. While counsellor1 talks and counsellor2 wraps up: a caller gives up after 12 s, one after 2 s, and
        // one is still waiting when the figures are read.
        c = closed(yuanshi(CallScript.from("13911160005").waitsInQueueFor(Duration.ofSeconds(12))));
        assertThat(c).containsEntry("outcome", "ABANDONED");
        yuanshi.abandoned++;
        c = closed(yuanshi(CallScript.from("13911160006").waitsInQueueFor(Duration.ofSeconds(2))));
        assertThat(c).containsEntry("outcome", "SHORT_ABANDON");
        yuanshi.shortAbandoned++;
        PeerCall waiting = yuanshi(CallScript.from("13911160007").waitsInQueueFor(Duration.ofSeconds(25)));
        awaitContact(waiting.uniqueId(), x -> x.get("queued_at") != null);
        drain();
        yuanshi.waiting++;
        assertThat(measure(YUANSHI, dayStart)).as("while a caller waits")
                .isEqualTo(yuanshi.measures(waits(YUANSHI, dayStart), handleTimes(YUANSHI, dayStart)));
        assertThat(waiting.awaitEnd(SOON)).isTrue();
        assertThat(awaitClosed(waiting.uniqueId())).containsEntry("outcome", "ABANDONED");
        yuanshi.waiting--;
        yuanshi.abandoned++;
        longCall.hangUp();
        awaitClosed(longCall.uniqueId());

        // 5. A caller hangs up during the notice: never put through.
        c = closed(yuanshi(CallScript.from("13911160008").hangsUpAfter(Duration.ofSeconds(3))));
        assertThat(c).containsEntry("queued_at", null).containsEntry("answered_at", null);
        yuanshi.endedBeforeQueue++;

        // 6. A number no line lists: the service refuses it, the city's queue (its tier 1) answers.
        ready("counsellor1", "counselor1");
        ready("counsellor2", "counselor2");
        yuanshi.handled += 2;
        PeerCall unknown = call(CallScript.from("13911160009").to(UNKNOWN_LINE).talksFor(Duration.ofSeconds(10)));
        assertThat(unknown.awaitEnd(SOON)).isTrue();
        c = awaitClosed(unknown.uniqueId());
        assertThat(c).containsEntry("source", "FAIL_OPEN").containsEntry("division_code", CITY)
                .containsEntry("answered_via", "TIER1");
        city.answered(true, true, true);
        ready("counsellor1", "counselor1");
        ready("counsellor2", "counselor2");
        city.handled++;

        // 7. The service's FastAGI is down: the dialplan fails open into the county's queue, counsellor1 answers.
        serviceFastAgi(false);
        try {
            c = closed(yuanshi(CallScript.from("13911160010").talksFor(Duration.ofSeconds(10))));
        } finally {
            serviceFastAgi(true);
        }
        assertThat(c).containsEntry("source", "FAIL_OPEN").containsEntry("answered_via", "TIER1");
        yuanshi.answered(true, true, true);

        // 8. Nobody signed in: both tiers refuse the caller and the backup line answers, with the service up,
        Hotline.signIn("counsellor1", "OFFLINE", null);
        Hotline.signIn("counsellor2", "OFFLINE", null);
        await().atMost(SOON).until(() -> membersOf("PJSIP/counselor1").isEmpty() && membersOf("PJSIP/counselor2").isEmpty());
        yuanshi.handled++;
        c = closed(yuanshi(CallScript.from("13911160011").talksFor(Duration.ofSeconds(10))));
        assertThat(c).containsEntry("source", "ROUTE").containsEntry("answered_via", "BACKUP").containsEntry("outcome", "BACKUP");
        yuanshi.answeredByBackup++;
        // and with its FastAGI down (the contact comes from the CDRs once reconciled),
        serviceFastAgi(false);
        PeerCall unrouted;
        try {
            unrouted = yuanshi(CallScript.from("13911160012").talksFor(Duration.ofSeconds(10)));
            assertThat(unrouted.awaitEnd(SOON)).isTrue();
        } finally {
            serviceFastAgi(true);
        }
        reconcile();
        c = awaitClosed(unrouted.uniqueId());
        assertThat(c).containsEntry("source", "RECOVERED").containsEntry("answered_via", "BACKUP")
                .containsEntry("division_code", YUANSHI);
        yuanshi.answeredByBackup++;
        // and when even the backup line does not answer: the PBX ends the call.
        peer().phone("carrier").doesNotAnswer();
        c = closed(yuanshi(CallScript.from("13911160013")));
        assertThat(c).containsEntry("outcome", "UNANSWERED").containsEntry("answered_at", null);
        assertThat(c.get("queued_at")).isNotNull();
        yuanshi.unanswered++;

        // 9. The service is down (FastAGI and AMI) while counsellor1 answers a call: recovered from its CDRs.
        Hotline.available("counsellor1", YUANSHI, "counselor1");
        peer().phone("counselor1").answersAfter(Duration.ofSeconds(2));
        serviceDown();
        PeerCall unseen;
        try {
            unseen = yuanshi(CallScript.from("13911160014").talksFor(Duration.ofSeconds(10)));
            assertThat(unseen.awaitEnd(SOON)).isTrue();
        } finally {
            serviceBack();
        }
        c = awaitClosed(unseen.uniqueId());
        assertThat(c).containsEntry("source", "RECOVERED").containsEntry("answered_via", "TIER1")
                .containsEntry("queue_wait_ms", null);
        yuanshi.answered(true, false, false);

        drain();
        Instant dayEnd = peer().clock().now().plusSeconds(1);
        CallMeasures yuanshiExpected = yuanshi.measures(waits(YUANSHI, dayStart), handleTimes(YUANSHI, dayStart));
        CallMeasures cityExpected = city.measures(waits(CITY, dayStart), handleTimes(CITY, dayStart));
        CallMeasures total = yuanshiExpected.plus(cityExpected);

        // The one definition, for any period and breakdown a report asks for.
        List<HotlineFigures.Measured> whole = Blocking.await(() -> figures.measure(CITY, dayStart, dayEnd));
        assertThat(whole).hasSize(1);
        assertThat(whole.get(0).measures()).isEqualTo(total);
        assertThat(Blocking.await(() -> figures.measure(CITY, dayStart, dayEnd, HotlineFigures.By.LINE_DIVISION)))
                .extracting(HotlineFigures.Measured::lineDivision, HotlineFigures.Measured::measures)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CITY, cityExpected),
                        org.assertj.core.groups.Tuple.tuple(YUANSHI, yuanshiExpected));
        List<HotlineFigures.Measured> hours = Blocking.await(() -> figures.measure(CITY, dayStart, dayEnd,
                HotlineFigures.By.LINE_DIVISION, HotlineFigures.By.HOUR));
        assertThat(hours.stream().map(HotlineFigures.Measured::measures).reduce(CallMeasures.ZERO, CallMeasures::plus))
                .isEqualTo(total);
        assertThat(hours).allSatisfy(h -> assertThat(h.periodStart().getMinute()).isZero());

        // The hand count: 14 calls, 13 put through, 7 answered by a counsellor (6 in the area, 5 within 20 s,
        // 6 with a known wait and handle time), 2 by the backup line, 2 abandoned, 1 short, 1 unanswered.
        assertThat(total.received()).isEqualTo(14);
        assertThat(total.offered()).isEqualTo(13);
        assertThat(total.answered()).isEqualTo(7);
        assertThat(total.answerable()).isEqualTo(12);
        assertThat(total.answerRate()).isEqualTo(0.5833);
        assertThat(total.inAreaAnswerRate()).isEqualTo(0.5);
        assertThat(total.serviceLevel()).isEqualTo(0.4167);
        assertThat(total.abandonRate()).isEqualTo(0.1667);
        assertThat(total.asaSeconds()).isBetween(2.0, 12.0);
        assertThat(total.answeredWithHandleTime()).isEqualTo(6);
        assertThat(total.averageHandleSeconds()).isGreaterThan(10.0);

        // The wallboard shows the same figures: Yuanshi's (only these calls), and the city's, changed by them.
        assertThat(boardFigures(YUANSHI)).isEqualTo(withoutWaits(yuanshiExpected));
        CallMeasures cityAfter = boardFigures(CITY);
        assertThat(difference(cityAfter, cityBefore)).isEqualTo(withoutWaits(total));
        JsonNode board = board(CITY);
        for (String rate : List.of("answerRate", "inAreaAnswerRate", "serviceLevel", "abandonRate")) {
            assertThat(board.path("figures").path(rate).asDouble()).as(rate).isBetween(0.0, 1.0);
        }
        assertThat(board.path("figures").path("answered").asLong())
                .isLessThanOrEqualTo(board.path("figures").path("offered").asLong());
    }

    // ---- the hand count -----------------------------------------------------------------------------

    /** What the scripted calls were, counted by hand. */
    private static final class HandCount {
        long answered;
        long answeredInArea;
        long answeredWithinLevel;
        long answeredWithKnownWait;
        long answeredByBackup;
        long abandoned;
        long shortAbandoned;
        long unanswered;
        long waiting;
        long endedBeforeQueue;
        long raised;
        /** Answered calls that ended and whose counsellor's wrap-up is over. */
        long handled;

        HandCount answered(boolean inArea, boolean withinLevel, boolean knownWait) {
            answered++;
            answeredInArea += inArea ? 1 : 0;
            answeredWithinLevel += withinLevel ? 1 : 0;
            answeredWithKnownWait += knownWait ? 1 : 0;
            return this;
        }

        void raised() {
            raised++;
        }

        /** The figures these calls must give; the sums of waits and handle times are measured, not counted by hand. */
        CallMeasures measures(long waitMs, long handleMs) {
            long offered = answered + answeredByBackup + abandoned + shortAbandoned + unanswered + waiting;
            return new CallMeasures(offered + endedBeforeQueue, offered, answered, answeredByBackup, abandoned,
                    shortAbandoned, unanswered, waiting, endedBeforeQueue, 0, answeredInArea, answeredWithinLevel,
                    answeredWithKnownWait, waitMs, handled, handleMs, raised);
        }
    }

    /** The sum of the recorded waits of a line division's answered calls (the one figure not counted by hand). */
    private static long waits(String lineDivision, Instant since) {
        return ((Number) Db.value("SELECT coalesce(sum(queue_wait_ms), 0) FROM hotline_contact WHERE division_code = ? "
                + "AND offered_at >= ? AND answered_via IN ('TIER1', 'TIER2', 'PREFERRED')", lineDivision,
                java.sql.Timestamp.from(since))).longValue();
    }

    /** The sum of the recorded handle times (talk and wrap-up) of a line division's answered calls. */
    private static long handleTimes(String lineDivision, Instant since) {
        return ((Number) Db.value("SELECT coalesce(sum(talk_ms + wrap_up_ms), 0) FROM hotline_contact WHERE "
                + "division_code = ? AND offered_at >= ? AND answered_via IN ('TIER1', 'TIER2', 'PREFERRED') "
                + "AND status = 'CLOSED'", lineDivision, java.sql.Timestamp.from(since))).longValue();
    }

    private CallMeasures measure(String division, Instant from) {
        List<HotlineFigures.Measured> m = Blocking.await(() -> figures.measure(division, from, null));
        return m.isEmpty() ? CallMeasures.ZERO : m.get(0).measures();
    }

    // ---- the wallboard --------------------------------------------------------------------------------

    private JsonNode board(String division) throws Exception {
        return json.readTree(as("official1").queryParam("division", division).get("/api/hotline/wallboard")
                .then().statusCode(200).extract().asString());
    }

    /**
     * The counts the board shows, its rates checked to derive from them. The board shows the waits only as
     * their mean (ASA), so the counts are compared {@link #withoutWaits}.
     */
    private CallMeasures boardFigures(String division) throws Exception {
        JsonNode f = board(division).path("figures");
        CallMeasures m = withoutWaits(new CallMeasures(f.path("received").asLong(), f.path("offered").asLong(),
                f.path("answered").asLong(), f.path("answeredByBackup").asLong(), f.path("abandoned").asLong(),
                f.path("shortAbandoned").asLong(), f.path("unanswered").asLong(), f.path("waiting").asLong(),
                f.path("endedBeforeQueue").asLong(), f.path("inGreeting").asLong(), f.path("answeredInArea").asLong(),
                f.path("answeredWithinServiceLevel").asLong(), f.path("answered").asLong(), 0, 0, 0,
                f.path("raisedForRisk").asLong()));
        assertThat(f.path("answerable").asLong()).isEqualTo(m.answerable());
        assertThat(rate(f, "answerRate")).isEqualTo(m.answerRate());
        assertThat(rate(f, "inAreaAnswerRate")).isEqualTo(m.inAreaAnswerRate());
        assertThat(rate(f, "serviceLevel")).isEqualTo(m.serviceLevel());
        assertThat(rate(f, "abandonRate")).isEqualTo(m.abandonRate());
        return m;
    }

    private static Double rate(JsonNode figures, String name) {
        return figures.path(name).isNull() ? null : figures.path(name).asDouble();
    }

    /** The counts alone: every answered call as one with a known wait of none, and no handle times. */
    private static CallMeasures withoutWaits(CallMeasures m) {
        return new CallMeasures(m.received(), m.offered(), m.answered(), m.answeredByBackup(), m.abandoned(),
                m.shortAbandoned(), m.unanswered(), m.waiting(), m.endedBeforeQueue(), m.inGreeting(),
                m.answeredInArea(), m.answeredWithinServiceLevel(), m.answered(), 0, 0, 0, m.raisedForRisk());
    }

    private static CallMeasures difference(CallMeasures after, CallMeasures before) {
        return new CallMeasures(after.received() - before.received(), after.offered() - before.offered(),
                after.answered() - before.answered(), after.answeredByBackup() - before.answeredByBackup(),
                after.abandoned() - before.abandoned(), after.shortAbandoned() - before.shortAbandoned(),
                after.unanswered() - before.unanswered(), after.waiting() - before.waiting(),
                after.endedBeforeQueue() - before.endedBeforeQueue(), after.inGreeting() - before.inGreeting(),
                after.answeredInArea() - before.answeredInArea(),
                after.answeredWithinServiceLevel() - before.answeredWithinServiceLevel(),
                after.answered() - before.answered(), 0, 0, 0, after.raisedForRisk() - before.raisedForRisk());
    }

    // ---- the calls and the service ---------------------------------------------------------------------

    private static PeerCall yuanshi(CallScript script) {
        return call(script.to(YUANSHI_LINE));
    }

    /** The call ends and its contact closes; the contact. */
    private static Map<String, Object> closed(PeerCall call) {
        assertThat(call.awaitEnd(SOON)).as("the call ends").isTrue();
        return awaitClosed(call.uniqueId());
    }

    /** The counsellor takes calls again (after a call's wrap-up). */
    private static void ready(String username, String phone) {
        Hotline.signIn(username, "AVAILABLE", null);
        awaitMembers("PJSIP/" + phone, m -> !m.paused());
    }

    private static void pressOne(boolean asks) {
        as("admin1").body(Map.of("name", "元氏县心理援助热线", "divisionCode", YUANSHI, "asksPressOne", asks,
                        "tier1WaitSeconds", 30, "tier2WaitSeconds", 90, "backupNumber", "031112356",
                        "forwarded12356", false, "active", true))
                .put("/api/hotline/lines/" + YUANSHI_LINE).then().statusCode(200);
    }

    private static String agiAddress() {
        return "127.0.0.1:" + TestPbx.get().agiPort;
    }

    private static void serviceFastAgi(boolean reachable) {
        if (reachable) {
            peer().agiNetwork().heal(agiAddress());
        } else {
            peer().agiNetwork().fault(agiAddress(), AgiNetwork.Fault.REFUSE);
        }
    }

    private static void serviceDown() {
        serviceFastAgi(false);
        peer().amiUnreachable();
        await().atMost(SOON).until(() -> !pbx().linkUp());
    }

    private static void serviceBack() {
        serviceFastAgi(true);
        peer().amiReachable();
        await().atMost(SOON).until(() -> pbx().linkUp());
    }

    private void reconcile() throws Exception {
        drain();
        reconciler.schedule().get(SOON.toSeconds(), TimeUnit.SECONDS);
        // A pass already queued covers this request: one more makes sure a whole pass ran after it.
        reconciler.schedule().get(SOON.toSeconds(), TimeUnit.SECONDS);
    }

    private static void drain() {
        DispatcherAccess.drain(SOON);
    }
}
