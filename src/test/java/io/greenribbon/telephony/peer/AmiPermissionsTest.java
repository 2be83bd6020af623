package io.greenribbon.telephony.peer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The peer's AMI enforces manager.conf as Asterisk does: a session only hears the event classes its user
 * may read (the product's least-privilege user hears no dialplan, agi or dtmf events), and an action needs
 * one of its write classes.
 */
class AmiPermissionsTest {

    @Test
    void eventsAreFilteredByReadClassesAndActionsByWriteClasses(@TempDir Path extra) throws Exception {
        Files.writeString(extra.resolve("manager.conf"), """
                [observer]
                secret = observer-secret
                permit = 127.0.0.1/32
                read = all
                write = agent
                """);
        try (AsteriskPeer peer = AsteriskPeer.start(AsteriskPeer.options().configDir(Path.of("telephony")).extraConfig(extra)
                .speed(20).site("__GREENRIBBON_AGI_HOST__:4573", "127.0.0.1:9").site("__CARRIER_HOST__", "127.0.0.1")
                .site("__SERVICE_NETWORK__", "127.0.0.1/32").site("__AMI_SECRET__", "service-secret"))) {
            peer.agiNetwork().fault("127.0.0.1:9", AgiNetwork.Fault.REFUSE);
            List<String> service = AmiListener.listen(peer, "greenribbon", "service-secret");
            List<String> observer = AmiListener.listen(peer, "observer", "observer-secret");
            PeerCall call = peer.call(CallScript.from("+8613800000010").to("12356").presses("1")
                    .talksFor(Duration.ofSeconds(2)));
            assertThat(call.awaitEnd(Duration.ofSeconds(20))).isTrue();
            Thread.sleep(300);
            assertThat(observer).contains("Event: VarSet", "Event: Newexten", "Event: Newchannel", "Event: Hangup");
            assertThat(service).contains("Event: Newchannel", "Event: Hangup", "Event: Cdr")
                    .doesNotContain("Event: VarSet", "Event: Newexten", "Event: AGIExecStart", "Event: DTMFEnd",
                            "Event: SuccessfulAuth");

            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), peer.amiPort())) {
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = s.getOutputStream();
                out.write(("Action: Login\r\nUsername: observer\r\nSecret: observer-secret\r\nEvents: off\r\n\r\n"
                        + "Action: Originate\r\nActionID: o-1\r\nChannel: PJSIP/counselor1\r\nContext: hotline-callback\r\n"
                        + "Exten: 13800138000\r\nPriority: 1\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                List<String> lines = new ArrayList<>();
                String line;
                while ((line = in.readLine()) != null && !line.equals("ActionID: o-1")) {
                    lines.add(line);
                }
                assertThat(line).isEqualTo("ActionID: o-1");
                assertThat(in.readLine()).isEqualTo("Message: Permission denied");
                assertThat(lines).contains("Response: Error");
            }
        }
    }
}
