package io.greenribbon.hotline;

import io.greenribbon.telephony.Pbx;
import io.greenribbon.telephony.peer.CallScript;
import io.greenribbon.telephony.peer.PeerCall;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.greenribbon.hotline.Hotline.QIAOXI_LINE;
import static io.greenribbon.hotline.Hotline.QIAOXI_QUEUE;
import static io.greenribbon.hotline.Hotline.SOON;
import static io.greenribbon.hotline.Hotline.XINHUA_LINE;
import static io.greenribbon.hotline.Hotline.awaitClosed;
import static io.greenribbon.hotline.Hotline.awaitContact;
import static io.greenribbon.hotline.Hotline.awaitMembers;
import static io.greenribbon.hotline.Hotline.awaitPresence;
import static io.greenribbon.hotline.Hotline.call;
import static io.greenribbon.hotline.Hotline.membersOf;
import static io.greenribbon.hotline.Hotline.pbx;
import static io.greenribbon.hotline.Hotline.peer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The AMI link drops while calls go on (the network between the service and Asterisk fails; FastAGI still
 * works). Once Asterisk-Java has reconnected, the service puts its records and Asterisk's queues back in
 * line: a call that ended meanwhile is closed at the end its CDR gives, a call answered meanwhile is
 * followed to its end, queue membership and pause state follow presence again.
 */
@QuarkusTest
class ReconciliationTest {

    private static final String PHONE1 = "PJSIP/counselor1";
    private static final String GHOST = "PJSIP/ghost";

    @BeforeEach
    @AfterEach
    void reset() {
        Hotline.reset();
        Hotline.closeOpenContacts();
    }

    @Test
    void afterAReconnectCallsThatEndedAreClosedCallsAnsweredMeanwhileAreFollowedAndTheQueuesFollowPresence() {
        Hotline.available("counsellor1", "130104", "counselor1");
        Hotline.available("counsellor2", "130105", "counselor2");
        peer().phone("counselor1").answersAfter(Duration.ofSeconds(1));
        peer().phone("counselor2").answersAfter(Duration.ofSeconds(1));
        PeerCall ends = call(CallScript.from("13911160001").to(QIAOXI_LINE).presses("2").talksFor(Duration.ofSeconds(600)));
        awaitContact(ends.uniqueId(), c -> c.get("answered_at") != null);
        // A member someone added by hand, behind the service's back.
        pbx().queueAdd(QIAOXI_QUEUE, GHOST, "ghost", 0, true).await().atMost(Duration.ofSeconds(5));

        peer().amiUnreachable();
        PeerCall answeredMeanwhile;
        try {
            await().atMost(SOON).until(() -> !pbx().linkUp());
            // Unseen by the service: the first caller hangs up; a new caller (routed over FastAGI) is answered.
            ends.hangUp();
            assertThat(ends.awaitEnd(SOON)).isTrue();
            answeredMeanwhile = call(CallScript.from("13911160002").to(XINHUA_LINE).talksFor(Duration.ofSeconds(600)));
            await().atMost(SOON).until(() -> "PJSIP/counselor2".equals(answeredMeanwhile.variable("MEMBERINTERFACE")));
            // The service's presence stands while Asterisk cannot be told.
            Hotline.allowOnLine("supervisor1", "130104");
            Hotline.signIn("supervisor1", "AVAILABLE", null);
        } finally {
            peer().amiReachable();
        }
        await().atMost(SOON).until(() -> pbx().linkUp());

        Map<String, Object> ended = awaitClosed(ends.uniqueId());
        assertThat(ended).containsEntry("outcome", "ANSWERED").containsEntry("counsellor_username", "counsellor1")
                .containsEntry("end_estimated", false);
        awaitPresence("counsellor1", p -> "WRAP_UP".equals(p.get("state")));
        awaitMembers(PHONE1, m -> m.paused() && "wrap-up".equals(m.pausedReason()));

        Map<String, Object> talking = awaitContact(answeredMeanwhile.uniqueId(), c -> c.get("answered_at") != null);
        assertThat(talking).containsEntry("status", "OPEN").containsEntry("source", "ROUTE")
                .containsEntry("counsellor_username", "counsellor2").containsEntry("answered_via", "TIER1");
        long talkingId = (Long) talking.get("id");
        awaitPresence("counsellor2", p -> Long.valueOf(talkingId).equals(p.get("in_call_contact_id")));

        await().atMost(SOON).until(() -> membersOf(GHOST).isEmpty());
        assertThat(awaitMembers("PJSIP/supervisor", m -> !m.paused())).extracting(Pbx.QueueMemberState::queue)
                .containsExactlyInAnyOrder(QIAOXI_QUEUE, Hotline.CITY_QUEUE);

        // The call answered during the drop ends after the link is back: closed from its events, not estimated.
        answeredMeanwhile.hangUp();
        Map<String, Object> closed = awaitClosed(answeredMeanwhile.uniqueId());
        assertThat(closed).containsEntry("outcome", "ANSWERED").containsEntry("end_estimated", false);
        awaitPresence("counsellor2", p -> "WRAP_UP".equals(p.get("state")));
    }
}
