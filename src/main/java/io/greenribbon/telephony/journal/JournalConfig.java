package io.greenribbon.telephony.journal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;

/** Where PBX events the database could not take are held until it is back, and how many. */
@ConfigMapping(prefix = "greenribbon.journal")
public interface JournalConfig {

    /**
     * The directory of the journal files (one per lane). It must outlive the service's process: the Helm
     * chart mounts a volume of its own here. Only one process may use a directory at a time.
     */
    @WithDefault("/var/lib/greenribbon/journal")
    Path directory();

    /** The most events one lane holds; an event beyond it is dropped (and counted) instead of held. */
    @WithDefault("50000")
    int maxEvents();

    /**
     * Events held longer than this are not written any more when the database is back (they are dropped
     * and counted): the calls they belong to are as old as the CDRs the reconciliation reads.
     */
    @WithDefault("P2D")
    Duration maxAge();

    /** How often a lane tries its oldest event again while the database does not take it. */
    @WithDefault("1S")
    Duration retryEvery();
}
