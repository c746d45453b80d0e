package io.langnghe.ingest.photos;

import io.langnghe.localstack.Ports;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * Adobe's S3Mock, a real S3-compatible server, run as its own process from the executable jar that
 * Maven copies to {@code target/s3mock} (a Spring Boot application: it must not share our classpath).
 * Objects are kept under {@code target/s3mock/data}; the server stops with {@link #close()}.
 */
final class S3Mock implements AutoCloseable {

    static final String ACCESS_KEY = "test-access-key";
    static final String SECRET_KEY = "test-secret-key";

    private final Process process;
    private final int port;

    private S3Mock(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static S3Mock start() {
        Path jar = Path.of("target/s3mock/s3mock-exec.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: Maven copies it in process-test-resources (mvn test, not the IDE alone)");
        }
        int port = Ports.free();
        try {
            Path data = Files.createDirectories(Path.of("target/s3mock/data")).toAbsolutePath();
            Path root = Files.createTempDirectory(data, "run-");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", jar.toString(),
                    "--com.adobe.testing.s3mock.httpPort=" + port,
                    "--server.port=" + Ports.free(),
                    "--server.address=127.0.0.1",
                    "--com.adobe.testing.s3mock.store.root=" + root))
                    .redirectErrorStream(true)
                    .redirectOutput(root.resolveSibling(root.getFileName() + ".log").toFile())
                    .start();
            S3Mock server = new S3Mock(process, port);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("S3Mock stopped at start; see " + root + ".log");
                        }
                        return server.answers();
                    });
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** A client of our own, to look into the bucket as an operator would. */
    S3Client client() {
        return S3Client.builder()
                .endpointOverride(URI.create(endpoint()))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }


    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
