package io.langnghe.ingest.contact;

import io.langnghe.access.LangngheSecrets;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Keyed hash of a resident's phone (or, later, a Zalo or SMS sender id): the ward can count distinct
 * reporters and spot repeat callers without reading numbers, and without the key nobody can reverse
 * the hash by trying every phone number (there are only about 10^9 of them).
 */
@Singleton
public class ContactHasher {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    /** One initialised Mac per thread: looking the algorithm up and keying it cost more than hashing a phone. */
    private final ThreadLocal<Mac> macs;

    @Inject
    public ContactHasher(LangngheSecrets secrets) {
        this(secrets.get("contact-hash"));
    }

    public ContactHasher(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    public String hash(String identifier) {
        return HexFormat.of().formatHex(mac(identifier));
    }

    /** The raw keyed hash; callers put their own prefix on the identifier so uses never collide. */
    public byte[] mac(String identifier) {
        // doFinal resets the Mac to its key, ready for the next identifier
        return macs.get().doFinal(identifier.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }
}
