package io.langnghe.contracts.privacy;

import java.time.Instant;

/**
 * One case's data key: value of the compacted {@code contact.keys.v1}, keyed by {@code keyId} (the case id).
 * Erasing a resident writes a tombstone for this key: every sealed copy of their contact, in any topic,
 * changelog, dead letter or backup, can then no longer be read.
 *
 * @param algorithm {@value ContactCipher#ALGORITHM}
 * @param key       the 256-bit AES key, base64
 */
public record ContactKey(int schemaVersion, String keyId, String algorithm, String key, Instant createdAt) {

    public static final int SCHEMA_VERSION = 1;

    /** Never the key itself: a key in a log line would outlive its erasure. */
    @Override
    public String toString() {
        return "ContactKey[keyId=" + keyId + ", algorithm=" + algorithm + ", createdAt=" + createdAt + "]";
    }
}
