package io.greenribbon.telephony.peer;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the Asterisk peer as the PBX of a local stack: AMI on --ami-port, FastAGI to the service at
 * --agi (host:port), the control endpoint on --control-port, CDRs into PostgreSQL when --cdr-url is given.
 *
 * <pre>
 * java ... io.greenribbon.telephony.peer.AsteriskPeerMain --config telephony --ami-port 5038 \
 *      --ami-secret local-secret --agi 127.0.0.1:4573 --control-port 5039 \
 *      [--cdr-url jdbc:postgresql://127.0.0.1:5432/greenribbon --cdr-user postgres --cdr-password ... ] [--speed 1]
 *      [--system-name sjz]
 * curl -s -X POST localhost:5039/calls -d '{"from":"+8613800000001","to":"031160130104","keys":"1",
 *      "answeredBy":"counselor1","ringSeconds":3,"talkSeconds":60}'
 * </pre>
 */
public final class AsteriskPeerMain {

    private AsteriskPeerMain() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        String secret = args.getOrDefault("ami-secret", "local-secret");
        AsteriskPeer.Options options = AsteriskPeer.options()
                .configDir(Path.of(args.getOrDefault("config", "telephony")))
                .amiPort(Integer.parseInt(args.getOrDefault("ami-port", "5038")))
                .speed(Double.parseDouble(args.getOrDefault("speed", "1")))
                .systemName(args.getOrDefault("system-name", ""))
                .zone(ZoneOffset.UTC)
                .site("__GREENRIBBON_AGI_HOST__:4573", args.getOrDefault("agi", "127.0.0.1:4573"))
                .site("__AMI_SECRET__", secret)
                .site("__AMI_BIND_ADDRESS__", "127.0.0.1")
                .site("__SERVICE_NETWORK__", "127.0.0.1/32")
                .site("__PROVINCE_BACKUP_NUMBER__", args.getOrDefault("backup-number", "03119999000"))
                .site("__CARRIER_HOST__", "127.0.0.1");
        CdrWriter cdr = null;
        if (args.containsKey("cdr-url")) {
            cdr = new CdrWriter(args.get("cdr-url"), args.getOrDefault("cdr-user", "postgres"),
                    args.getOrDefault("cdr-password", ""), args.getOrDefault("cdr-role", "asterisk_cdr"),
                    "asterisk_cdr", ZoneOffset.UTC);
            options.cdr(cdr);
        }
        AsteriskPeer peer = AsteriskPeer.start(options);
        PeerControlServer control = new PeerControlServer(peer, Integer.parseInt(args.getOrDefault("control-port", "5039")));
        CdrWriter writer = cdr;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            control.close();
            peer.close();
            if (writer != null) {
                writer.close();
            }
        }));
        System.out.printf("[asterisk-peer] AMI on 127.0.0.1:%d (user greenribbon), FastAGI to %s, control on "
                        + "http://127.0.0.1:%d%n[asterisk-peer] place a call: curl -s -X POST 127.0.0.1:%d/calls -d "
                        + "'{\"from\":\"+8613800000001\",\"to\":\"031160130104\",\"keys\":\"1\",\"answeredBy\":\"counselor1\","
                        + "\"ringSeconds\":3,\"talkSeconds\":60}'%n",
                peer.amiPort(), args.getOrDefault("agi", "127.0.0.1:4573"), control.port(), control.port());
        new CountDownLatch(1).await();
    }
}
