package io.greenribbon.rooms;

/** What a room offers for a session. */
public enum Facility {
    /** A space where a client can talk without being overheard or seen from outside. */
    PRIVATE,
    SOUNDPROOF,
    /** A telephone line for sessions held by phone. */
    PHONE_LINK,
    /** A video link for sessions held by video. */
    VIDEO_LINK
}
