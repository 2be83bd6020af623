package io.greenribbon.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "greenribbon.console")
public interface ConsoleConfig {

    /** The PostgreSQL notification channel that carries console messages to every replica. */
    @WithDefault("greenribbon_console")
    String channel();

    /** How long to wait before listening again after the notification connection dropped. */
    @WithDefault("PT1S")
    Duration reconnectDelay();
}
