package io.langnghe.photos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Photos in a directory, one file per reference: the default store, for one machine. */
public final class DirectoryPhotoStore implements PhotoStore {

    private final Path directory;

    public DirectoryPhotoStore(Path directory) {
        this.directory = directory;
    }

    @Override
    public String put(Photo photo) {
        String reference = PhotoStore.reference(photo);
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

    @Override
    public byte[] get(String reference) {
        PhotoStore.checkReference(reference);
        try {
            return Files.readAllBytes(directory.resolve(reference));
        } catch (NoSuchFileException e) {
            throw new PhotoMissingException(reference, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
