package io.greenribbon.telephony.pbx;

import java.time.Duration;

/**
 * Carries out, on the event leader of this deployment, a kind of command another deployment wrote for this
 * deployment's PBX ({@link PbxRelay}). Runs on the relay's own thread, which may block.
 */
public interface PbxCommandHandler {

    /** The kind of command handled (the {@code kind} column). */
    String kind();

    /**
     * Carries out one command.
     *
     * @param payload what the requesting deployment wrote, unsealed
     * @param age     how long ago it was written (a call to place may be too late by now)
     */
    void handle(String payload, Duration age);
}
