package io.greenribbon.console;

import java.time.Instant;

/**
 * What a console receives: a topic (for example {@code risk.alert} or {@code hotline.wallboard}), when it
 * was published, and a small payload. Payloads carry ids and states, never identities: a console that
 * needs a record reads it through the API, where access is decided and audited.
 */
public record ConsoleMessage(String topic, Instant at, Object payload) {
}
