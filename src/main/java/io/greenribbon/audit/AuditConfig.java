package io.greenribbon.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "greenribbon.audit")
public interface AuditConfig {

    /** The id of the HMAC key new audit entries are chained with. */
    String chainKeyId();

    /** The chain's HMAC keys as {@code id:base64} pairs (at least 32 bytes each); old ids stay so old entries verify. */
    String chainKeys();

    /** The most entries the appender writes in one transaction (group commit). */
    @WithDefault("500")
    int maxBatch();

    /** The most entries one access-log query returns. */
    @WithDefault("500")
    int maxQueryRows();

    /** The most entries one export of the access log holds (more is refused: choose a shorter period). */
    @WithDefault("50000")
    int maxExportRows();

    /** The time zone the access log's exports write times in. */
    @WithDefault("Asia/Shanghai")
    java.time.ZoneId zone();

    /** How many ranges of the chain are verified at once (each on its own connection, one shared snapshot). */
    @WithDefault("4")
    int verifyParallelism();

    /** Rows fetched per round trip while verifying the chain. */
    @WithDefault("10000")
    int verifyFetchSize();
}
