package io.langnghe.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Elasticsearch server from the {@code integ-test-zip} artifact, unpacked once into a cache
 * directory and shared read-only by every instance (each instance has its own config, data and logs).
 */
public final class ElasticsearchDistribution {

    private ElasticsearchDistribution() {
    }

    public static String version() {
        return settings().getProperty("elasticsearch.version");
    }

    /** Unpacks the zip into {@code cache/elasticsearch-<version>} unless it is already there. */
    public static Path unpackInto(Path cache) {
        Path target = cache.toAbsolutePath().resolve("elasticsearch-" + version());
        if (Files.isExecutable(target.resolve("bin").resolve("elasticsearch"))) {
            return target;
        }
        Path zip = zip();
        try {
            Files.createDirectories(cache);
            // unpack beside the target and move it in one step: concurrent test JVMs may race here
            Path scratch = Files.createTempDirectory(cache, "unpacking-");
            unzip(zip, scratch);
            try {
                Files.move(scratch.resolve("elasticsearch-" + version()), target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                // another JVM moved its copy in first (rename onto a full directory fails): use that one
                if (!Files.isExecutable(target.resolve("bin").resolve("elasticsearch"))) {
                    throw raced;
                }
            }
            deleteTree(scratch);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack " + zip + " into " + cache, e);
        }
    }

    private static Path zip() {
        Path zip = Path.of(settings().getProperty("elasticsearch.zip"));
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("The Elasticsearch distribution " + zip
                    + " is missing from the local Maven repository; build local-stack with Maven (without -o) to fetch it");
        }
        return zip;
    }

    private static void unzip(Path zip, Path into) throws IOException {
        var directory = PosixFilePermissions.fromString("rwxr-xr-x");
        var file = PosixFilePermissions.fromString("rw-r--r--");
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : archive.stream().toList()) {
                Path path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) {
                    throw new IOException("Entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    Files.setPosixFilePermissions(path, directory);
                    continue;
                }
                Files.createDirectories(path.getParent());
                try (InputStream in = archive.getInputStream(entry)) {
                    Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
                }
                // the zip keeps no modes: scripts in bin/ and native helpers must be executable
                boolean executable = path.getParent().getFileName().toString().equals("bin")
                        || path.toString().contains("/platform/") && path.toString().contains("/bin/");
                Files.setPosixFilePermissions(path, executable ? directory : file);
            }
        }
    }

    static Properties settings() {
        try (InputStream in = ElasticsearchDistribution.class.getResourceAsStream("/local-stack.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("local-stack.properties is missing: build local-stack with Maven", e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
