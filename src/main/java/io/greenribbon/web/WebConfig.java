package io.greenribbon.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

/** The web console's settings ({@code greenribbon.web.*}). */
@ConfigMapping(prefix = "greenribbon.web")
public interface WebConfig {

    /**
     * The key (at least 32 characters, the same on every replica) of the session cookie, of the sign-in
     * state and of the forms' CSRF tokens: {@code GREENRIBBON_WEB_SESSION_SECRET} in production.
     */
    String sessionSecret();

    /** The time zone every time on a page is shown in. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Cookies only over HTTPS, and https:// in the addresses the console sends users to (behind a TLS proxy). */
    @WithDefault("false")
    boolean secure();
}
