package io.langnghe.photos;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Where photos are kept (a petition's, an answer's proof), by content ({@code sha256-<hex>.<ext>}): the same photo sent twice
 * is stored once, and events carry only the reference. A directory by default, an S3-compatible
 * bucket in production ({@code langnghe.photos.store}); both keep the same names.
 */
public interface PhotoStore extends AutoCloseable {

    Pattern REFERENCE = Pattern.compile("sha256-[0-9a-f]{64}\\.(jpg|png|webp)");

    /** @return the reference to put on the event */
    String put(Photo photo);

    /** @throws PhotoMissingException when nothing is kept under the reference */
    byte[] get(String reference);

    @Override
    default void close() {
    }

    static String reference(Photo photo) {
        try {
            return "sha256-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo.bytes()))
                    + "." + photo.kind().extension();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** Only names this store made are read: nothing like "../../etc/passwd" reaches a file system or a bucket. */
    static void checkReference(String reference) {
        if (reference == null || !REFERENCE.matcher(reference).matches()) {
            throw new IllegalArgumentException("not a photo reference: " + reference);
        }
    }
}
