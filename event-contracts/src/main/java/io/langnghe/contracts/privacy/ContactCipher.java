package io.langnghe.contracts.privacy;

import io.langnghe.contracts.Contact;
import io.langnghe.contracts.Json;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * Seals and opens a resident's contact with their case's own key: AES-256-GCM from the JDK, a fresh
 * 12-byte nonce per seal, and the key id as associated data, so a sealed contact copied onto another
 * case does not open with that case's key.
 */
public final class ContactCipher {

    public static final String ALGORITHM = "AES-256-GCM";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    // looking a Cipher up costs more than initialising one; each seal or open initialises its thread's afresh
    private static final ThreadLocal<ThreadCipher> CIPHERS = ThreadLocal.withInitial(ThreadCipher::new);

    private ContactCipher() {
    }

    /** A fresh random key for one case. */
    public static ContactKey newKey(String keyId, Instant createdAt) {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        String text = Base64.getEncoder().encodeToString(key);
        // a new case's contact is sealed right after, on this thread: it need not decode the key again
        CIPHERS.get().remember(text, new SecretKeySpec(key, "AES"));
        return new ContactKey(ContactKey.SCHEMA_VERSION, keyId, ALGORITHM, text, createdAt);
    }

    public static Contact.Sealed seal(ContactDetails details, ContactKey key) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce);
            byte[] sealed = cipher.doFinal(Json.mapper().writeValueAsBytes(details));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return new Contact.Sealed(key.keyId(), Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal with " + ALGORITHM, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @throws UnreadableContactException when the key is not this contact's or the ciphertext was altered
     */
    public static ContactDetails open(Contact.Sealed sealed, ContactKey key) {
        if (!sealed.keyId().equals(key.keyId())) {
            throw new UnreadableContactException("contact sealed with key " + sealed.keyId() + ", not " + key.keyId());
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.ciphertext());
            if (in.length <= NONCE_BYTES) {
                throw new UnreadableContactException("sealed contact of " + sealed.keyId() + " is too short");
            }
            byte[] nonce = Arrays.copyOf(in, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce);
            byte[] clear = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return Json.mapper().readValue(clear, ContactDetails.class);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new UnreadableContactException("sealed contact of " + sealed.keyId() + " does not open with its key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open with " + ALGORITHM, e);
        } catch (IOException e) {
            throw new UnreadableContactException("sealed contact of " + sealed.keyId() + " is not a contact", e);
        }
    }

    private static Cipher cipher(int mode, ContactKey key, byte[] nonce) throws GeneralSecurityException {
        if (!ALGORITHM.equals(key.algorithm())) {
            throw new UnreadableContactException("unknown key algorithm " + key.algorithm());
        }
        ThreadCipher mine = CIPHERS.get();
        Cipher cipher = mine.cipher;
        cipher.init(mode, mine.spec(key.key()), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(key.keyId().getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /**
     * A thread's Cipher and the last key it used, decoded: a case's key is sealed with and opened again
     * and again, and one key per thread bounds what is held.
     */
    private static final class ThreadCipher {
        private final Cipher cipher;
        private String keyText;
        private SecretKeySpec spec;

        ThreadCipher() {
            try {
                cipher = Cipher.getInstance(TRANSFORMATION);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM is part of every JVM", e);
            }
        }

        SecretKeySpec spec(String text) {
            if (!text.equals(keyText)) {
                remember(text, new SecretKeySpec(Base64.getDecoder().decode(text), "AES"));
            }
            return spec;
        }

        void remember(String text, SecretKeySpec decoded) {
            keyText = text;
            spec = decoded;
        }
    }

    /** A sealed contact that cannot be opened with the key given. */
    public static final class UnreadableContactException extends RuntimeException {
        UnreadableContactException(String message) {
            super(message);
        }

        UnreadableContactException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
