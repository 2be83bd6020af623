package io.greenribbon.testkit;

import io.greenribbon.telephony.peer.AsteriskPeer;
import io.greenribbon.telephony.peer.CdrWriter;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The PBX of the test run: the Asterisk peer, running the repository's own telephony/ configuration,
 * started once per test JVM (like {@link TestInfrastructure}) and shared by every {@code @QuarkusTest}.
 * Its clock runs {@link #SPEED} times faster than real time, so ringing and talk times in scenarios pass
 * quickly; event timestamps are in that PBX time.
 */
public final class TestPbx {

    /** How much faster than real time the test PBX runs (system property greenribbon.peer.speed). */
    public static final double SPEED = Double.parseDouble(System.getProperty("greenribbon.peer.speed", "10"));
    public static final String AMI_SECRET = "ami-secret-local-tests-only";
    /** The provincial backup number the test dialplan dials when nobody in the city answers. */
    public static final String BACKUP_NUMBER = "03119999000";

    private static TestPbx instance;

    public final AsteriskPeer peer;
    public final int agiPort;
    public final CdrWriter cdr;

    private TestPbx(AsteriskPeer peer, int agiPort, CdrWriter cdr) {
        this.peer = peer;
        this.agiPort = agiPort;
        this.cdr = cdr;
    }

    public static synchronized TestPbx get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance.peer::close, "test-pbx-stop"));
        }
        return instance;
    }

    private static TestPbx start() {
        PostgresServer db = TestInfrastructure.get().postgres;
        int agiPort = FreePorts.one();
        CdrWriter cdr = new CdrWriter(db.jdbcUrl(PostgresServer.DATABASE), "postgres", "postgres", "asterisk_cdr",
                "asterisk_cdr", ZoneOffset.UTC);
        AsteriskPeer peer = AsteriskPeer.start(AsteriskPeer.options()
                .configDir(Path.of("telephony"))
                .extraConfig(Path.of("src/test/resources/telephony/test-pbx"))
                .site("__GREENRIBBON_AGI_HOST__:4573", "127.0.0.1:" + agiPort)
                .site("__AMI_SECRET__", AMI_SECRET)
                .site("__AMI_BIND_ADDRESS__", "127.0.0.1")
                .site("__SERVICE_NETWORK__", "127.0.0.1/32")
                .site("__PROVINCE_BACKUP_NUMBER__", BACKUP_NUMBER)
                .site("__CARRIER_HOST__", "127.0.0.1")
                .sound("greenribbon/risk-case-imminent", java.time.Duration.ofSeconds(7))
                .sound("greenribbon/risk-case-unacknowledged", java.time.Duration.ofSeconds(8))
                .sound("greenribbon/risk-case-number", java.time.Duration.ofSeconds(2))
                .sound("greenribbon/risk-join-call", java.time.Duration.ofSeconds(2))
                .speed(SPEED)
                .zone(ZoneOffset.UTC)
                .cdr(cdr));
        return new TestPbx(peer, agiPort, cdr);
    }

    /** The service's configuration for this PBX. */
    public Map<String, String> serviceConfig() {
        return Map.of(
                "greenribbon.telephony.agi.bind-address", "127.0.0.1",
                "greenribbon.telephony.agi.port", String.valueOf(agiPort),
                "greenribbon.telephony.agi.allowed-clients", "127.0.0.1",
                "greenribbon.telephony.ami.host", "127.0.0.1",
                "greenribbon.telephony.ami.port", String.valueOf(peer.amiPort()),
                "greenribbon.telephony.ami.username", "greenribbon",
                "greenribbon.telephony.ami.secret", AMI_SECRET);
    }
}
