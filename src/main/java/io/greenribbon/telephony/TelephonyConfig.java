package io.greenribbon.telephony;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The service's link to the PBX: its FastAGI server and its AMI client. */
@ConfigMapping(prefix = "greenribbon.telephony")
public interface TelephonyConfig {

    /** The FastAGI server Asterisk asks during calls. */
    Agi agi();

    /** The AMI connection to Asterisk. */
    Ami ami();

    /** Which replica consumes the PBX's events when several run. */
    Leader leader();

    /**
     * The PBX this deployment serves: its Asterisk's {@code systemname} (asterisk.conf), which prefixes the
     * Uniqueid of every channel it creates, or {@code default} for the one PBX of a site that sets none. The
     * service refuses a PBX that reports another systemname. A lowercase DNS label of at most 19 characters
     * (Asterisk keeps 19; the Helm chart names resources after it).
     */
    @WithDefault("default")
    String pbxId();

    /**
     * What the replicas of this deployment share and another deployment claiming the same PBX does not (the
     * Helm chart sets the release and the PBX). A second deployment for a PBX whose claim is alive stays
     * unready and sends nothing to it.
     */
    @WithDefault("greenribbon")
    String deploymentId();

    interface Agi {
        /** Whether to run the FastAGI server. */
        @WithDefault("true")
        boolean enabled();

        /** The address to listen on (all interfaces by default: Asterisk connects from its own host). */
        @WithDefault("0.0.0.0")
        String bindAddress();

        /** The port Asterisk's dialplan connects to (agi://host:4573/route); 0 picks a free port (tests). */
        @WithDefault("4573")
        int port();

        /** Threads kept for FastAGI sessions. */
        @WithDefault("20")
        int poolSize();

        /**
         * The most sessions at once: a session lasts as long as the caller hears the notice and the press-1
         * prompt (about 15 s), so 600 hold 500 callers in them, with room for sessions still finishing, or
         * about 35 new calls a second per replica. A request beyond it is refused at once and leaves
         * AJ_AGISTATUS unset, so the dialplan fails open.
         */
        @WithDefault("600")
        int maxPoolSize();

        /** The Asterisk servers allowed to connect: addresses or CIDR networks, e.g. 10.20.0.0/16. */
        @WithDefault("127.0.0.1")
        List<String> allowedClients();

        /** How long to wait for one reply from Asterisk before giving up on a session. */
        @WithDefault("30S")
        Duration readTimeout();
    }

    interface Ami {
        /** Whether to connect to Asterisk's AMI. */
        @WithDefault("true")
        boolean enabled();

        /** Asterisk's host. */
        @WithDefault("127.0.0.1")
        String host();

        /** Asterisk's AMI port. */
        @WithDefault("5038")
        int port();

        /** The AMI user (manager.conf). */
        @WithDefault("greenribbon")
        String username();

        /** The AMI user's secret; from the deployment's secrets, never from the repository. */
        Optional<String> secret();

        /** How long one AMI command may take before it fails as pbx-unavailable. */
        @WithDefault("5S")
        Duration actionTimeout();

        /** How often to retry the first login while Asterisk is unreachable. */
        @WithDefault("5S")
        Duration retryInterval();

        /**
         * How often to ping Asterisk; a link that stays silent for three intervals is dropped and
         * re-established (a half-open TCP connection is otherwise never noticed).
         */
        @WithDefault("10S")
        Duration pingInterval();

        /** Threads that send AMI commands. */
        @WithDefault("4")
        int commandThreads();

        /** Events buffered for the dispatcher; when full, the AMI reader waits (Asterisk then drops the link). */
        @WithDefault("100000")
        int eventQueueCapacity();
    }

    interface Leader {
        /**
         * The class of the PostgreSQL advisory lock that elects the replica consuming AMI events; the lock is
         * (this, a hash of {@link #pbxId()}), so deployments of different PBXs elect their leaders apart.
         */
        @WithDefault("4573038")
        int lockKey();

        /**
         * How often a replica that does not lead tries to take over, the leader checks its lock, and every
         * replica renews its deployment's claim on the PBX.
         */
        @WithDefault("5S")
        Duration checkInterval();

        /**
         * How long a deployment's claim on its PBX lasts without a renewal before another deployment may
         * take the PBX over (the first is then presumed gone).
         */
        @WithDefault("30S")
        Duration claimExpiresAfter();
    }
}
