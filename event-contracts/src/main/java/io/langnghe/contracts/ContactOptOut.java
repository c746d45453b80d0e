package io.langnghe.contracts;

import java.time.Instant;

/**
 * A resident's "STOP"/"HUY" (or a later message undoing it): value of the compacted {@code contact.optouts.v1},
 * keyed by {@code contactHash}, the same salted hash the case's contact carries, so no number travels.
 *
 * @param channel  where the resident said it: sms or zalo
 * @param optedOut true: send this contact nothing more
 */
public record ContactOptOut(int schemaVersion, String contactHash, String channel, boolean optedOut, Instant at) {

    public static final int SCHEMA_VERSION = 1;
}
