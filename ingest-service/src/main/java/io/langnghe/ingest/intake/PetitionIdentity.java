package io.langnghe.ingest.intake;

import io.langnghe.contracts.TrackingCode;
import io.langnghe.ingest.contact.ContactHasher;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * A petition's feedback id (also its case id) and the resident's tracking code. A fresh pair takes
 * every random bit from one draw of the strong generator: 122 for the id (a version-4 UUID) and 45 for
 * the code, where drawing the code symbol by symbol asked the generator nine times for the same 45 bits.
 * A pair for a petition with a stable identity (an Idempotency-Key, a meeting row, an SMS) is derived
 * from it, so a resend gets the same pair.
 */
record PetitionIdentity(String feedbackId, TrackingCode trackingCode) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int UUID_BYTES = 16;
    /** {@link TrackingCode#derive} takes its 45 bits from the first six bytes. */
    private static final int CODE_BYTES = 6;

    static PetitionIdentity fresh() {
        byte[] random = new byte[UUID_BYTES + CODE_BYTES];
        RANDOM.nextBytes(random);
        byte[] code = new byte[CODE_BYTES];
        System.arraycopy(random, UUID_BYTES, code, 0, CODE_BYTES);
        return new PetitionIdentity(version4(random).toString(), TrackingCode.derive(code));
    }

    static PetitionIdentity derived(String identity, ContactHasher hasher) {
        return new PetitionIdentity(UUID.nameUUIDFromBytes(("feedback:" + identity).getBytes(StandardCharsets.UTF_8)).toString(),
                TrackingCode.derive(hasher.mac("tracking:" + identity)));
    }

    /** As {@link UUID#randomUUID}: the first 16 bytes with the version (4) and the IETF variant set. */
    private static UUID version4(byte[] random) {
        random[6] = (byte) ((random[6] & 0x0f) | 0x40);
        random[8] = (byte) ((random[8] & 0x3f) | 0x80);
        ByteBuffer bits = ByteBuffer.wrap(random, 0, UUID_BYTES);
        return new UUID(bits.getLong(), bits.getLong());
    }
}
