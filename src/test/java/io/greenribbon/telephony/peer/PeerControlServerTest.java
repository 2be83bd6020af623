package io.greenribbon.telephony.peer;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control endpoint a person uses to place a simulated call on the local stack. Without a service on
 * the FastAGI port the real dialplan fails open: the call still reaches the counsellor who answers.
 */
class PeerControlServerTest {

    @Test
    void aCallPlacedOverHttpRunsTheRealDialplanAndCanBeWatched() throws Exception {
        try (AsteriskPeer peer = withoutService();
             PeerControlServer control = new PeerControlServer(peer, 0)) {
            peerQueueMember(peer);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> placed = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + control.port() + "/calls"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"from\":\"+8613800000009\",\"to\":\"031160130104\","
                            + "\"keys\":\"1\",\"answeredBy\":\"counselor1\",\"ringSeconds\":2,\"talkSeconds\":5}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(placed.statusCode()).isEqualTo(201);
            assertThat(placed.body()).contains("\"uniqueId\"", "PJSIP/carrier-");
            String id = placed.body().replaceAll("(?s).*\"uniqueId\" : \"([^\"]+)\".*", "$1");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                String state = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + control.port()
                        + "/calls/" + id)).build(), HttpResponse.BodyHandlers.ofString()).body();
                assertThat(state).contains("\"ended\" : true", "\"HOTLINE_FAILOPEN\" : \"1\"",
                        "\"MEMBERINTERFACE\" : \"PJSIP/counselor1\"", "\"HOTLINE_LINE\" : \"031160130104\"");
            });
        }
    }

    /**
     * Nobody is in any queue, so the call ends at the provincial backup line; the caller talks there for
     * talkSeconds and hangs up, as a real caller does, and the call is over (the backup line never hangs up
     * by itself).
     */
    @Test
    void aCallTheBackupLineAnswersEndsWhenTheCallerHasTalked() throws Exception {
        try (AsteriskPeer peer = withoutService();
             PeerControlServer control = new PeerControlServer(peer, 0)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> placed = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + control.port() + "/calls"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"from\":\"13800000010\",\"to\":\"031160130104\","
                            + "\"answeredBy\":\"counselor1\",\"ringSeconds\":2,\"talkSeconds\":20}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String id = placed.body().replaceAll("(?s).*\"uniqueId\" : \"([^\"]+)\".*", "$1");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                String state = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + control.port()
                        + "/calls/" + id)).build(), HttpResponse.BodyHandlers.ofString()).body();
                assertThat(state).contains("\"ended\" : true", "\"QUEUESTATUS\" : \"JOINEMPTY\"",
                        "\"DIALSTATUS\" : \"ANSWER\"");
            });
            assertThat(peer.channels()).isEmpty();
        }
    }

    /** The peer running telephony/, with nothing listening at the service's FastAGI address. */
    private static AsteriskPeer withoutService() {
        AsteriskPeer peer = AsteriskPeer.start(AsteriskPeer.options().configDir(Path.of("telephony")).speed(20)
                .site("__GREENRIBBON_AGI_HOST__:4573", "127.0.0.1:9")
                .site("__CARRIER_HOST__", "127.0.0.1")
                .site("__PROVINCE_BACKUP_NUMBER__", "03119999000")
                .site("__SERVICE_NETWORK__", "127.0.0.1/32")
                .site("__AMI_SECRET__", "control-test-secret"));
        peer.agiNetwork().fault("127.0.0.1:9", AgiNetwork.Fault.REFUSE);
        return peer;
    }

    /** The service is not running here, so the test adds the counsellor to the county queue itself. */
    private static void peerQueueMember(AsteriskPeer peer) throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", peer.amiPort())) {
            var out = s.getOutputStream();
            out.write(("Action: Login\r\nUsername: greenribbon\r\nSecret: control-test-secret\r\n\r\n"
                    + "Action: QueueAdd\r\nQueue: hl-130104\r\nInterface: PJSIP/counselor1\r\nMemberName: counsellor1\r\n\r\n"
                    + "Action: Logoff\r\n\r\n").getBytes());
            out.flush();
            s.getInputStream().readAllBytes();
        }
    }
}
