package io.greenribbon.telephony.peer;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The peer against the recordings of a real Asterisk 22.10.1 (/work/shared/asterisk/transcripts): each
 * test runs the service's side of a recorded scenario (the same AMI actions at the same times, a FastAGI
 * server sending the same commands, the same caller and phones) and compares every byte the peer sent
 * with what Asterisk sent, modulo times, ids and counters (see {@link WireCompare}).
 *
 * <p>The recordings' dialplan-class VarSet events and RTCPSent (media statistics) are not compared: the
 * peer sets the variables the dialplan sets, not every internal one of app_queue and app_dial, and it
 * carries no media.
 */
class AsteriskPeerFidelityTest {

    private static final Set<String> NOT_COMPARED = Set.of("VarSet", "RTCPSent");
    /**
     * How much faster than real time the call scenarios run. Durations are compared to 400 ms of PBX time,
     * so a stall of the test machine counts this many times over: 4 leaves room for a loaded CI machine.
     */
    private static final int CALL_SPEED = 4;

    @Test
    void loginPingCoreSettingsUnknownActionLogoff() throws Exception {
        sessionScenario("01a-ami-login-ping-logoff", p -> { });
    }

    @Test
    void failedLoginsAndActionsBeforeLogin() throws Exception {
        sessionScenario("01b-ami-login-failure", p -> { });
    }

    @Test
    void md5ChallengeLoginWithEventsOff() throws Exception {
        sessionScenario("01c-ami-challenge-md5-login", p -> { });
    }

    @Test
    void asteriskShutdownAndRestart() throws Exception {
        sessionScenario("01d-ami-asterisk-shutdown", p -> { });
    }

    @Test
    void queueMemberManagement() throws Exception {
        sessionScenario("02-queue-member-management", p -> { });
    }

    @Test
    void inboundCallAnsweredThroughTheQueue() throws Exception {
        callScenario("03-inbound-queue-answered", p -> p.phone("counselor1").answersAfter(Duration.ofMillis(1000)));
    }

    @Test
    void callerAbandonsWhileWaiting() throws Exception {
        callScenario("04-queue-caller-abandon", p -> { });
    }

    @Test
    void ringNoAnswerAutopauses() throws Exception {
        callScenario("05a-ring-no-answer-autopause", p -> p.phone("counselor1").doesNotAnswer());
    }

    @Test
    void busyMemberAutopauses() throws Exception {
        callScenario("05b-member-busy-autopause", p -> p.phone("counselor1").isBusy());
    }

    @Test
    void originateCallbackAnswered() throws Exception {
        callScenario("06a-originate-callback-success", p -> {
            p.phone("counselor1").answersAfter(Duration.ofMillis(1000));
            p.phone("pstn").answersAfter(Duration.ofMillis(1000), Duration.ofMillis(4000));
        });
    }

    @Test
    void originateFailures() throws Exception {
        callScenario("06b-originate-failures", p -> p.phone("counselor1").isBusy().doesNotAnswer().doesNotRespond());
    }

    @Test
    void agiServerDownFailsOpen() throws Exception {
        callScenario("07a-agi-server-down-failopen", p -> {
            p.agiNetwork().fault("127.0.0.1:4599", AgiNetwork.Fault.REFUSE);
            p.phone("counselor1").answersAfter(Duration.ofMillis(1000));
        });
    }

    @Test
    void callerHangsUpDuringAnAgiCommand() throws Exception {
        callScenario("07b-agi-caller-hangup-during-command", p -> { });
    }

    @Test
    void callerHangsUpWhileTheServiceIsIdle() throws Exception {
        callScenario("07c-agi-caller-hangup-while-service-idle", p -> { });
    }

    @Test
    void redirectOfAConnectedCall() throws Exception {
        callScenario("08a-redirect-connected-call", p -> {
            p.phone("counselor1").answersAfter(Duration.ofMillis(1000));
            p.phone("supervisor").answersAfter(Duration.ofMillis(1000));
        });
    }

    @Test
    void blindTransferOfAConnectedCall() throws Exception {
        callScenario("08b-blind-transfer-ami", p -> {
            p.phone("counselor1").answersAfter(Duration.ofMillis(1000));
            p.phone("supervisor").answersAfter(Duration.ofMillis(1000));
        });
    }

    // ---- transcripts 10: this repository's own telephony/ on Asterisk 22.10.1 ---------------------------
    // Asterisk ran on between the recordings, so the queues' statistics carry over from earlier calls; each
    // test starts them where the previous recording (or the recorder's calls before 10a) left them.

    /** The service is down: the notice, both tiers refuse the caller, the backup line answers; the caller hangs up. */
    @Test
    void serviceDownTheBackupLineAnswers() throws Exception {
        backupScenario("10a-project-service-down-backup", true, p -> p.phone("carrier").answersAfter(Duration.ofSeconds(1)));
    }

    /** The service routes, the caller presses 1, nobody is signed in: the backup line answers. */
    @Test
    void pressOneWithNobodySignedInTheBackupLineAnswers() throws Exception {
        backupScenario("10b-project-press1-backup", false, p -> p.phone("carrier").answersAfter(Duration.ofSeconds(1)));
    }

    /** counsellor1 signs in during the recording and answers in the county's queue; wrap-up after. */
    @Test
    void aCounsellorSignsInAndAnswersInTheCountyQueue() throws Exception {
        projectScenario("10c-project-queue-answered", p -> {
            p.restoreQueueStatistics("hl-130104", 4, 1, 4, 1, 1, 21);
            p.phone("counselor1").answersAfter(Duration.ofSeconds(1));
        });
    }

    /**
     * counsellor1 rings out in the county's queue (Auto-Pause everywhere, so the caller leaves tier 1, which
     * app_queue reports as an abandon), the city's tier is empty, the backup line answers.
     */
    @Test
    void ringNoAnswerThenTheBackupLineAnswers() throws Exception {
        backupScenario("10d-project-ring-no-answer-then-backup", false, p -> {
            p.restoreQueueStatistics("hl-130104", 5, 1, 5, 1, 1, 17);
            p.restoreQueueStatistics("hl-1301", 1, 0, 1, 0, 1, 5);
            p.phone("counselor1").doesNotAnswer();
            p.phone("carrier").answersAfter(Duration.ofSeconds(1));
        });
    }

    /** A number no line lists: the service refuses it, the dialplan plays the notice, the city's queue answers. */
    @Test
    void anUnknownLineReachesTheCityQueue() throws Exception {
        projectScenario("10e-project-unknown-line", p -> {
            p.restoreQueueStatistics("hl-130104", 5, 1, 5, 1, 1, 17);
            p.phone("counselor1").answersAfter(Duration.ofSeconds(1));
        });
    }

    /**
     * Transcript 09's command catalogue: the recorded commands, sent at their recorded times, get the
     * recorded replies (ANSWER, CHANNEL STATUS, variables, DATABASE, EXEC, STREAM FILE, 510, 520 usage,
     * WAIT FOR DIGIT, RECEIVE CHAR, HANGUP and the unsolicited HANGUP, commands after the hang-up).
     */
    @Test
    void agiCommandCatalogue() throws Exception {
        TranscriptFile agi = TranscriptFile.read("09-agi-command-replies.agi.txt");
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
             AsteriskPeer peer = AsteriskPeer.start(AsteriskPeer.options().configDir(TranscriptReplay.FIXTURE)
                     .site("__AGI_PORT__", String.valueOf(server.getLocalPort())).speed(8).phonesRegistered(false))) {
            double speed = 8;
            PeerCall call = peer.call(CallScript.from("+8631166668888").callerName("AGI Test").to("agitest")
                    .onTrunk("catalogue"));
            List<String> got = new ArrayList<>();
            try (java.net.Socket s = server.accept()) {
                long start = System.nanoTime();
                double base = agi.agiLines("agi1", true).get(0).t();
                var in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                        java.nio.charset.StandardCharsets.UTF_8));
                String l;
                while ((l = in.readLine()) != null && !l.isEmpty()) {
                    // the environment: not compared (a Local channel there, an inbound one here)
                }
                var out = s.getOutputStream();
                for (TranscriptFile.Line cmd : agi.agiLines("agi1", false)) {
                    long due = start + (long) ((cmd.t() - base) * 1e9 / speed);
                    while (System.nanoTime() < due) {
                        Thread.sleep(1);
                    }
                    out.write((cmd.text() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    out.flush();
                    TranscriptReplayReplies.read(in, got);
                }
            }
            assertThat(call.awaitEnd(Duration.ofSeconds(10))).isTrue();
            List<String> recorded = new ArrayList<>();
            boolean envDone = false;
            for (TranscriptFile.Line line : agi.agiLines("agi1", true)) {
                if (envDone) {
                    recorded.add(line.text().replace("Local/agitest@local-test-00000000;2", call.channelName()));
                } else if (line.text().isEmpty()) {
                    envDone = true;
                }
            }
            assertThat(recorded).hasSizeGreaterThan(30);
            assertThat(got).isEqualTo(recorded);
        }
    }

    private void sessionScenario(String name, Consumer<AsteriskPeer> setup) throws Exception {
        try (TranscriptReplay replay = new TranscriptReplay(name, 4, setup)) {
            replay.run();
            List<String> problems = new ArrayList<>();
            for (String conn : replay.amiConnections()) {
                problems.addAll(prefix(conn, new WireCompare().compare(replay.recordedAmi(conn), replay.peerAmi(conn), false)));
                problems.addAll(prefix(conn, framing(replay.rawPeerAmi(conn))));
            }
            assertThat(problems).as(name).isEmpty();
        }
    }

    private void callScenario(String name, Consumer<AsteriskPeer> setup) throws Exception {
        try (TranscriptReplay replay = new TranscriptReplay(name, CALL_SPEED, setup)) {
            compareCall(name, replay);
        }
    }

    private void projectScenario(String name, Consumer<AsteriskPeer> setup) throws Exception {
        try (TranscriptReplay replay = TranscriptReplay.project(name, CALL_SPEED, setup)) {
            compareCall(name, replay);
        }
    }

    /**
     * A call of telephony/ that ends at the backup line, compared as every call is, and its end in Asterisk's
     * order across channels too: the caller's hang-up, both leaving the bridge, the bridge going, the caller's
     * channel gone, then the backup leg's. The CDR events are left out of that order: Asterisk dispatches them
     * on a thread of their own (10a has the Dial's before the bridge goes, 10b after, 10d after the Hangups).
     */
    private void backupScenario(String name, boolean serviceDown, Consumer<AsteriskPeer> setup) throws Exception {
        try (TranscriptReplay replay = TranscriptReplay.project(name, CALL_SPEED, setup)) {
            if (serviceDown) {
                replay.agiRefused();
            }
            compareCall(name, replay);
            assertThat(callEnd(replay.peerAmi("ami1"))).as(name + ": the end of the call, in order")
                    .isEqualTo(callEnd(replay.recordedAmi("ami1")))
                    .startsWith("HangupRequest caller").endsWith("Hangup caller", "Hangup leg");
        }
    }

    private static final Set<String> CALL_END = Set.of("HangupRequest", "SoftHangupRequest", "BridgeLeave",
            "BridgeDestroy", "Hangup");

    /** From the caller's HangupRequest on, the call's end events, each with whose channel it is. */
    private static List<String> callEnd(List<AmiMessage> messages) {
        String caller = messages.stream().filter(m -> m.get("Event").orElse("").equals("Newchannel")
                && m.require("ChannelState").equals("4")).findFirst().orElseThrow().require("Channel");
        List<String> end = new ArrayList<>();
        for (AmiMessage m : messages) {
            String event = m.get("Event").orElse("");
            String channel = m.get("Channel").orElse(null);
            if (end.isEmpty() && !(event.equals("HangupRequest") && caller.equals(channel))) {
                continue;
            }
            if (CALL_END.contains(event)) {
                end.add(event + (channel == null ? "" : caller.equals(channel) ? " caller" : " leg"));
            }
        }
        return end;
    }

    private void compareCall(String name, TranscriptReplay replay) throws Exception {
        replay.run();
        List<String> problems = new ArrayList<>();
        for (String conn : replay.amiConnections()) {
            problems.addAll(prefix(conn, new WireCompare().compare(compared(replay.recordedAmi(conn)),
                    compared(replay.peerAmi(conn)), true)));
            problems.addAll(prefix(conn, framing(replay.rawPeerAmi(conn))));
        }
        for (String conn : replay.agiConnections()) {
            List<String> recorded = replay.recordedAgi(conn).stream().map(WireCompare::normalizeAgi).toList();
            List<String> peer = replay.peerAgi(conn).stream().map(WireCompare::normalizeAgi).toList();
            if (!recorded.equals(peer)) {
                problems.add(conn + ": FastAGI lines differ\n  recorded: " + recorded + "\n  peer:     " + peer);
            }
        }
        if (!problems.isEmpty() && System.getProperty("peer.dump") != null) {
            replay.peerAmi("ami1").forEach(m -> System.out.println("PEER " + m));
        }
        assertThat(problems).as(name).isEmpty();
    }


    private static List<AmiMessage> compared(List<AmiMessage> messages) {
        return messages.stream().filter(m -> !NOT_COMPARED.contains(m.get("Event").orElse(""))).toList();
    }

    /** Every AMI line the peer sent ended with CRLF. */
    private static List<String> framing(List<String> raw) {
        return raw.stream().filter(l -> l.endsWith("[LF-terminated]")).map(l -> "not CRLF-terminated: " + l).toList();
    }

    private static List<String> prefix(String conn, List<String> problems) {
        return problems.stream().map(p -> conn + " " + p).toList();
    }
}
