package io.greenribbon.hotline.routing;

import java.time.Instant;
import java.util.Optional;

/**
 * What the service knows of a call when Asterisk asks: the caller's channel, the line dialled, the
 * caller's ORIGINAL number (normalised; empty when withheld) and, for a forwarded call, the number it
 * was forwarded through.
 */
public record CallFacts(String uniqueId, String lineId, Optional<String> callerNumber,
                        Optional<String> redirectingNumber, Instant at) {
}
