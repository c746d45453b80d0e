package io.langnghe.ingest.photos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Photos kept by content in a directory ({@code sha256-<hex>.<ext>}): the same photo sent twice is
 * stored once, and events carry only the reference. An S3-compatible store would keep the same names.
 */
public final class PhotoStore {

    private final Path directory;

    public PhotoStore(Path directory) {
        this.directory = directory;
    }

    /** @return the reference to put on the event */
    public String put(Photos.Photo photo) {
        String reference = "sha256-" + sha256(photo.bytes()) + "." + photo.kind().extension();
        Path target = directory.resolve(reference);
        try {
            Files.createDirectories(directory);
            if (Files.exists(target)) {
                return reference;
            }
            Path partial = Files.createTempFile(directory, ".upload-", ".part");
            Files.write(partial, photo.bytes());
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return reference;
        } catch (IOException e) {
            throw new UncheckedIOException("could not store photo " + reference, e);
        }
    }

    public byte[] get(String reference) {
        if (!reference.matches("sha256-[0-9a-f]{64}\\.(jpg|png|webp)")) {
            throw new IllegalArgumentException("not a photo reference: " + reference);
        }
        try {
            return Files.readAllBytes(directory.resolve(reference));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
