package io.langnghe.photos;

import io.langnghe.access.LangngheSecrets;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

import java.nio.file.Path;

/**
 * The blob store of petition photos, by {@code langnghe.photos.store}: {@code directory} (the default:
 * {@code langnghe.photos.directory}, or {@code photos/} in the data directory, {@code $LANGNGHE_HOME} or
 * {@code .langnghe}, when unset: never under /tmp, which a reboot may empty) or {@code s3}
 * ({@code langnghe.photos.s3.*}).
 */
@Factory
public class PhotoStoreFactory {

    @Singleton
    @Bean(preDestroy = "close")
    PhotoStore photoStore(@Value("${langnghe.photos.store:directory}") String store,
                          @Value("${langnghe.photos.directory:}") String directory,
                          S3PhotoSettings s3, LangngheSecrets secrets) {
        return switch (store.strip()) {
            case "directory" -> new DirectoryPhotoStore(directory == null || directory.isBlank()
                    ? dataDirectory().resolve("photos")
                    : Path.of(directory));
            case "s3" -> S3PhotoStore.connect(s3, secrets.get("photos-s3-access-key"), secrets.get("photos-s3-secret-key"));
            default -> throw new ConfigurationException("langnghe.photos.store must be directory or s3, not '" + store + "'");
        };
    }

    /** Where the local stack keeps its data: $LANGNGHE_HOME, else .langnghe in the working directory. */
    static Path dataDirectory() {
        String home = System.getenv("LANGNGHE_HOME");
        return Path.of(home == null || home.isBlank() ? ".langnghe" : home).toAbsolutePath();
    }
}
