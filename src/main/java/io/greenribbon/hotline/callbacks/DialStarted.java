package io.greenribbon.hotline.callbacks;

/** A callback attempt placed: the counsellor's phone rings now; the outcome follows on the console. */
public record DialStarted(long callbackId, String attemptId, String extension) {
}
