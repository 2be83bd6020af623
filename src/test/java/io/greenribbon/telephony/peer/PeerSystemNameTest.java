package io.greenribbon.telephony.peer;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PBX with asterisk.conf's systemname, as a province's PBXs run: Asterisk puts the name in front of every
 * Uniqueid and Linkedid ("probe-1795687278.3", the probe of the transcripts' README), in a SystemName header
 * right after the Timestamp of every event, and in CoreSettings; a PBX without one does none of that.
 */
class PeerSystemNameTest {

    @Test
    void theSystemNamePrefixesUniqueidsAndHeadsEveryEvent() throws Exception {
        try (AsteriskPeer peer = start("probe")) {
            List<String> lines = AmiListener.listen(peer, "greenribbon", "service-secret");
            PeerCall call = backupCall(peer);
            assertThat(call.uniqueId()).matches("probe-\\d+\\.\\d+");
            await(() -> lines.contains("Event: Cdr"));

            List<List<String>> events = AmiListener.events(lines);
            assertThat(events).filteredOn(e -> !e.get(0).equals("Event: FullyBooted")).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.get(3)).isEqualTo("SystemName: probe"));
            assertThat(events).filteredOn(e -> e.get(0).equals("Event: Newchannel"))
                    .allSatisfy(e -> assertThat(e).anyMatch(l -> l.matches("Uniqueid: probe-\\d+\\.\\d+"))
                            .anyMatch(l -> l.matches("Linkedid: probe-\\d+\\.\\d+")));
            assertThat(coreSettings(peer)).contains("SystemName: probe");
        }
    }

    @Test
    void aPbxWithoutASystemNameHasNeither() throws Exception {
        try (AsteriskPeer peer = start("")) {
            List<String> lines = AmiListener.listen(peer, "greenribbon", "service-secret");
            PeerCall call = backupCall(peer);
            assertThat(call.uniqueId()).matches("\\d+\\.\\d+");
            await(() -> lines.contains("Event: Cdr"));
            assertThat(lines).noneMatch(l -> l.startsWith("SystemName:"));
            assertThat(coreSettings(peer)).contains("SystemName: ");
        }
    }

    private static AsteriskPeer start(String systemName) {
        AsteriskPeer peer = AsteriskPeer.start(AsteriskPeer.options().configDir(java.nio.file.Path.of("telephony"))
                .systemName(systemName).speed(20).site("__GREENRIBBON_AGI_HOST__:4573", "127.0.0.1:9")
                .site("__CARRIER_HOST__", "127.0.0.1").site("__SERVICE_NETWORK__", "127.0.0.1/32")
                .site("__AMI_SECRET__", "service-secret"));
        peer.agiNetwork().fault("127.0.0.1:9", AgiNetwork.Fault.REFUSE);
        return peer;
    }

    /** A call nobody in the city takes (no queue member; the service down): the backup line answers it. */
    private static PeerCall backupCall(AsteriskPeer peer) {
        PeerCall call = peer.call(CallScript.from("+8613800000011").to("12356").talksFor(Duration.ofSeconds(2)));
        assertThat(call.awaitEnd(Duration.ofSeconds(20))).isTrue();
        return call;
    }

    private static List<String> coreSettings(AsteriskPeer peer) throws Exception {
        try (java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), peer.amiPort())) {
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            s.getOutputStream().write(("Action: Login\r\nUsername: greenribbon\r\nSecret: service-secret\r\nEvents: off\r\n\r\n"
                    + "Action: CoreSettings\r\nActionID: cs-1\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            List<String> response = new java.util.ArrayList<>();
            String line;
            boolean ours = false;
            while ((line = in.readLine()) != null) {
                ours |= line.equals("ActionID: cs-1");
                if (ours && line.isEmpty()) {
                    return response;
                }
                if (ours) {
                    response.add(line);
                }
            }
            return response;
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
