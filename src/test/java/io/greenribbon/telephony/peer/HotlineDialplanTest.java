package io.greenribbon.telephony.peer;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's own dialplan (telephony/) on the peer, with the service down (its FastAGI address refuses
 * connections) so that only the dialplan decides: a tier nobody can take the call in is skipped without
 * asking app_queue, and nothing but the outage is logged; the caller is never sent the identity of whom
 * the PBX calls for them, while those called see the caller's own number; the backup line and callbacks
 * go out through a carrier that never answers SIP OPTIONS.
 */
class HotlineDialplanTest {

    private static final String AGI = "127.0.0.1:9";
    private static final String SECRET = "dialplan-test-secret";
    private static final String QIAOXI = "031160130104";
    private static final Duration END = Duration.ofSeconds(20);
    /** What Asterisk logs for every call while the service's FastAGI address refuses connections. */
    private static final List<String> SERVICE_DOWN = List.of(
            "res_agi.c: Connecting to '127.0.0.1:9' failed for url 'agi://127.0.0.1:9/route': Connection refused",
            "res_agi.c: Couldn't connect to any host.  FastAGI failed.");

    private AsteriskPeer peer;
    private Ami ami;

    @BeforeEach
    void start() throws IOException {
        peer = AsteriskPeer.start(AsteriskPeer.options().configDir(Path.of("telephony")).speed(20)
                .site("__GREENRIBBON_AGI_HOST__:4573", AGI)
                .site("__CARRIER_HOST__", "127.0.0.1")
                .site("__PROVINCE_BACKUP_NUMBER__", "03119999000")
                .site("__SERVICE_NETWORK__", "127.0.0.1/32")
                .site("__AMI_SECRET__", SECRET));
        peer.agiNetwork().fault(AGI, AgiNetwork.Fault.REFUSE);
        ami = new Ami(peer);
    }

    @AfterEach
    void stop() throws IOException {
        ami.close();
        peer.close();
    }

    @Test
    void anEmptyCountyTierIsSkippedWithoutAskingAppQueueAndTheCityAnswers() {
        ami.add("hl-1301", "counselor1");
        peer.phone("counselor1").answersAfter(Duration.ofSeconds(1));

        PeerCall call = peer.call(CallScript.from("13900000201").to(QIAOXI).talksFor(Duration.ofSeconds(3)));
        assertThat(call.awaitEnd(END)).isTrue();
        assertThat(call.variable("MEMBERINTERFACE")).isEqualTo("PJSIP/counselor1");
        assertThat(call.variable("QUEUENAME")).isEqualTo("hl-1301");
        assertThat(ami.events("QueueCallerJoin")).extracting(e -> e.get("Queue")).containsExactly("hl-1301");
        assertThat(warnings(call)).as("the outage, and nothing about the empty county queue").isEqualTo(SERVICE_DOWN);
    }

    @Test
    void aTierWhoseCounsellorsArePausedOrUnreachableIsSkipped() {
        ami.add("hl-130104", "counselor1");
        ami.add("hl-130104", "supervisor");
        ami.pause("hl-130104", "counselor1");
        peer.phone("supervisor").registered(false);
        ami.add("hl-1301", "counselor2");
        peer.phone("counselor2").answersAfter(Duration.ofSeconds(1));

        PeerCall call = peer.call(CallScript.from("13900000202").to(QIAOXI).talksFor(Duration.ofSeconds(3)));
        assertThat(call.awaitEnd(END)).isTrue();
        assertThat(call.variable("MEMBERINTERFACE")).isEqualTo("PJSIP/counselor2");
        assertThat(ami.events("QueueCallerJoin")).extracting(e -> e.get("Queue")).containsExactly("hl-1301");
        assertThat(warnings(call)).isEqualTo(SERVICE_DOWN);
    }

    @Test
    void aTierWhoseOnlyCounsellorIsOnACallIsJoinedForItsWait() {
        ami.add("hl-130104", "counselor1");
        peer.phone("counselor1").answersAfter(Duration.ofSeconds(1));
        PeerCall first = peer.call(CallScript.from("13900000203").to(QIAOXI));
        Awaitility.await().atMost(END).until(() -> "PJSIP/counselor1".equals(first.variable("MEMBERINTERFACE")));

        PeerCall second = peer.call(CallScript.from("13900000204").to(QIAOXI).talksFor(Duration.ofSeconds(2)));
        assertThat(second.awaitEnd(END)).isTrue();
        first.hangUp();
        assertThat(ami.events("QueueCallerJoin")).filteredOn(e -> e.get("CallerIDNum").equals("13900000204"))
                .extracting(e -> e.get("Queue")).as("a busy counsellor may be free within the tier's wait")
                .containsExactly("hl-130104");
        assertThat(second.variable("DIALSTATUS")).as("then the empty city tier is skipped: the backup line")
                .isEqualTo("ANSWER");
        assertThat(warnings(second)).isEqualTo(SERVICE_DOWN);
    }

    @Test
    void theBackupLineSeesTheCallersNumberAndTheCallerIsNotToldWhomThePbxCalled() {
        PeerCall call = peer.call(CallScript.from("13900000205").to(QIAOXI).talksFor(Duration.ofSeconds(2)));
        assertThat(call.awaitEnd(END)).isTrue();
        assertThat(call.variable("DIALSTATUS")).isEqualTo("ANSWER");
        Map<String, String> dial = ami.events("DialBegin").get(0);
        assertThat(dial).containsEntry("DialString", "03119999000@carrier").containsEntry("CallerIDNum", "13900000205")
                .containsEntry("DestConnectedLineNum", "13900000205");
        assertThat(call.connectedLineUpdates()).as("no re-INVITE with P-Asserted-Identity <s@PBX>").isEmpty();
        assertThat(ami.events("NewConnectedLine")).noneMatch(e -> e.get("Channel").equals(call.channelName()));
        assertThat(warnings(call)).isEqualTo(SERVICE_DOWN);
    }

    @Test
    void aCallerTransferredToASupervisorKeepsTheirNumberAndIsToldNeitherTheCounsellorNorTheSupervisor() {
        ami.add("hl-130104", "counselor1");
        peer.phone("counselor1").answersAfter(Duration.ofSeconds(1));
        peer.phone("supervisor").answersAfter(Duration.ofSeconds(1));
        PeerCall call = peer.call(CallScript.from("13900000206").to(QIAOXI));
        Awaitility.await().atMost(END).until(() -> "PJSIP/counselor1".equals(call.variable("MEMBERINTERFACE")));

        ami.send("Action: Redirect\r\nChannel: " + call.channelName() + "\r\nContext: hotline-transfer\r\n"
                + "Exten: supervisor\r\nPriority: 1\r\n");
        Awaitility.await().atMost(END).until(() -> ami.events("DialEnd").stream()
                .anyMatch(e -> e.get("DestChannel").startsWith("PJSIP/supervisor-") && "ANSWER".equals(e.get("DialStatus"))));
        call.hangUp();
        assertThat(call.awaitEnd(END)).isTrue();

        Map<String, String> toSupervisor = ami.events("DialBegin").stream()
                .filter(e -> e.get("DestChannel").startsWith("PJSIP/supervisor-")).findFirst().orElseThrow();
        assertThat(toSupervisor).containsEntry("CallerIDNum", "13900000206")
                .containsEntry("DestConnectedLineNum", "13900000206");
        assertThat(call.variable("HOTLINE_CALLER")).isEqualTo("13900000206");
        assertThat(call.connectedLineUpdates()).as("neither the line's number nor the supervisor's extension").isEmpty();
    }

    @Test
    void theBackupLineAndCallbacksGoOutThroughACarrierThatNeverAnswersOptions() {
        peer.phone("carrier").answersOptions(false);

        PeerCall call = peer.call(CallScript.from("13900000207").to(QIAOXI).talksFor(Duration.ofSeconds(2)));
        assertThat(call.awaitEnd(END)).isTrue();
        assertThat(call.variable("DIALSTATUS")).as("the provincial backup line answers").isEqualTo("ANSWER");
        assertThat(warnings(call)).isEqualTo(SERVICE_DOWN);

        peer.phone("counselor1").answersAfter(Duration.ofSeconds(1));
        peer.phone("carrier").answersAfter(Duration.ofSeconds(1), Duration.ofSeconds(2));
        ami.send("Action: Originate\r\nActionID: cb-1\r\nChannel: PJSIP/counselor1\r\nContext: hotline-callback\r\n"
                + "Exten: 13900000207\r\nPriority: 1\r\nCallerID: \"Hotline\" <031160130100>\r\nAsync: true\r\n");
        Awaitility.await().atMost(END).until(() -> ami.events("DialEnd").stream()
                .anyMatch(e -> e.get("DestChannel").startsWith("PJSIP/carrier-") && e.get("Channel").startsWith("PJSIP/counselor1-")
                        && "ANSWER".equals(e.get("DialStatus"))));
    }

    private List<String> warnings(PeerCall call) {
        return call.logged().stream().map(l -> l.substring(l.indexOf("] ") + 2)).toList();
    }

    /** The service's AMI login on the peer: sends actions, and keeps every event it hears. */
    private static final class Ami implements AutoCloseable {
        private final Socket socket;
        private final List<Map<String, String>> messages = java.util.Collections.synchronizedList(new ArrayList<>());

        Ami(AsteriskPeer peer) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), peer.amiPort());
            Thread reader = new Thread(this::read, "dialplan-test-ami");
            reader.setDaemon(true);
            reader.start();
            send("Action: Login\r\nUsername: greenribbon\r\nSecret: " + SECRET + "\r\n");
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> messages.stream()
                    .anyMatch(m -> "Authentication accepted".equals(m.get("Message"))));
        }

        void add(String queue, String extension) {
            send("Action: QueueAdd\r\nQueue: " + queue + "\r\nInterface: PJSIP/" + extension + "\r\nMemberName: "
                    + extension + "\r\nStateInterface: PJSIP/" + extension + "\r\n");
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> events("QueueMemberAdded").stream()
                    .anyMatch(e -> queue.equals(e.get("Queue")) && e.get("Interface").equals("PJSIP/" + extension)));
        }

        void pause(String queue, String extension) {
            send("Action: QueuePause\r\nQueue: " + queue + "\r\nInterface: PJSIP/" + extension + "\r\nPaused: true\r\n"
                    + "Reason: wrap-up\r\n");
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> events("QueueMemberPause").stream()
                    .anyMatch(e -> queue.equals(e.get("Queue")) && e.get("Interface").equals("PJSIP/" + extension)));
        }

        void send(String action) {
            try {
                socket.getOutputStream().write((action + "\r\n").getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        List<Map<String, String>> events(String name) {
            synchronized (messages) {
                return messages.stream().filter(m -> name.equals(m.get("Event"))).toList();
            }
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                Map<String, String> message = new LinkedHashMap<>();
                String line;
                while ((line = in.readLine()) != null) {
                    int colon = line.indexOf(": ");
                    if (line.isEmpty()) {
                        if (!message.isEmpty()) {
                            messages.add(message);
                        }
                        message = new LinkedHashMap<>();
                    } else if (colon > 0) {
                        message.putIfAbsent(line.substring(0, colon), line.substring(colon + 2));
                    }
                }
            } catch (IOException closed) {
                // the test ended the session
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
