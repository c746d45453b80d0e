package io.langnghe.ingest.photos;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.nio.file.Path;

/** The directory blob store of petition photos: {@code langnghe.photos.directory}, or java.io.tmpdir when unset. */
@Factory
public class PhotoStoreFactory {

    @Singleton
    PhotoStore photoStore(@Value("${langnghe.photos.directory:}") String directory) {
        Path path = directory == null || directory.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "langnghe-photos")
                : Path.of(directory);
        return new PhotoStore(path);
    }
}
