package io.langnghe.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A one-node Elasticsearch on 127.0.0.1, run from the {@code integ-test-zip} distribution as a child
 * process, with its own config, data and logs under {@code home}. That distribution has neither
 * analysis-common nor painless, and does not answer {@code GET /}: readiness is {@code _cluster/health}.
 */
public final class ElasticsearchServer implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(180);

    private final Path requestedHome;
    private final Path distributionCache;
    private final int httpPort;
    private final int transportPort;
    private Path home;
    private volatile ChildProcess process;
    private volatile boolean closed;

    /**
     * @param home              config, data and logs of this instance
     * @param distributionCache where the distribution is unpacked once and shared
     */
    public ElasticsearchServer(Path home, Path distributionCache, int httpPort, int transportPort) {
        this.requestedHome = home.toAbsolutePath();
        this.distributionCache = distributionCache.toAbsolutePath();
        this.httpPort = httpPort;
        this.transportPort = transportPort;
        this.home = requestedHome;
    }

    /** An instance on free ports, for tests; the distribution is unpacked once per machine. */
    public static ElasticsearchServer onFreePorts(Path home) {
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "langnghe-dist");
        return new ElasticsearchServer(home, cache, Ports.free(), Ports.free());
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public int transportPort() {
        return transportPort;
    }

    /** The directory actually used: as root it moves out of a tree the unprivileged user cannot reach. */
    public Path home() {
        return home;
    }

    public Path log() {
        return home.resolve("elasticsearch.log");
    }

    public ChildProcess process() {
        return process;
    }

    /** Starts the server and returns once the cluster health is green or yellow. */
    public ElasticsearchServer start() {
        try {
            boolean root = Unprivileged.isRoot();
            Path distribution = ElasticsearchDistribution.unpackInto(distributionCache);
            if (root) {
                Unprivileged.ensureUser();
                if (!Unprivileged.canRun(distribution.resolve("bin").resolve("elasticsearch"))) {
                    distribution = ElasticsearchDistribution.unpackInto(reachableDirectory(distributionCache));
                }
                home = prepareHome(requestedHome);
                Unprivileged.giveTree(home);
                if (!Unprivileged.canWrite(home)) {
                    home = prepareHome(reachableDirectory(requestedHome));
                    Unprivileged.giveTree(home);
                }
            } else {
                home = prepareHome(requestedHome);
            }
            List<String> command = new ArrayList<>();
            command.add(distribution.resolve("bin").resolve("elasticsearch").toString());
            command.addAll(List.of(
                    "-E", "cluster.name=langnghe",
                    "-E", "node.name=langnghe-1",
                    "-E", "discovery.type=single-node",
                    "-E", "xpack.security.enabled=false",
                    "-E", "network.host=127.0.0.1",
                    "-E", "http.port=" + httpPort,
                    "-E", "transport.port=" + transportPort,
                    "-E", "path.data=" + home.resolve("data"),
                    "-E", "path.logs=" + home.resolve("logs"),
                    // a nearly full shared disk must not turn the indices read-only
                    "-E", "cluster.routing.allocation.disk.threshold_enabled=false"));
            String heap = heap();
            Map<String, String> environment = Map.of(
                    "ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap,
                    "ES_JAVA_HOME", System.getProperty("java.home"),
                    "ES_PATH_CONF", home.resolve("config").toString());
            process = ChildProcess.start("elasticsearch", root ? Unprivileged.asUser(command) : command,
                    environment, home.resolve("logs"), log());
            stopIfClosed();
            awaitReady();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare Elasticsearch in " + home, e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** 512m suits the tests; a benchmark over a million cases asks for more with LANGNGHE_ES_HEAP=2g. */
    static String heap() {
        String given = System.getenv("LANGNGHE_ES_HEAP");
        if (given == null || given.isBlank()) {
            return "512m";
        }
        if (!given.strip().matches("\\d+[mMgG]")) {
            throw new IllegalArgumentException("LANGNGHE_ES_HEAP must look like 512m or 2g, not " + given);
        }
        return given.strip();
    }

    /** Config copied from the distribution on first start; data and logs kept across restarts. */
    private Path prepareHome(Path directory) throws IOException {
        Files.createDirectories(directory.resolve("data"));
        Files.createDirectories(directory.resolve("logs"));
        Path config = directory.resolve("config");
        if (!Files.exists(config.resolve("elasticsearch.yml"))) {
            Path source = ElasticsearchDistribution.unpackInto(distributionCache).resolve("config");
            try (Stream<Path> paths = Files.walk(source)) {
                for (Path path : paths.toList()) {
                    Path target = config.resolve(source.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return directory;
    }

    /** A directory under /var/tmp standing for {@code directory}, stable across runs so data survives. */
    private static Path reachableDirectory(Path directory) throws IOException {
        Path base = Path.of("/var/tmp", "langnghe-" + Unprivileged.USER);
        Files.createDirectories(base);
        base.toFile().setExecutable(true, false);
        base.toFile().setReadable(true, false);
        return base.resolve(directory.getFileName() + "-" + shortHash(directory.toString()));
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/_cluster/health"))
                .timeout(Duration.ofSeconds(3)).GET().build();
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (true) {
            process.checkAlive();
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                String body = response.body();
                if (response.statusCode() == 200
                        && (body.contains("\"status\":\"green\"") || body.contains("\"status\":\"yellow\""))) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Elasticsearch", e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Elasticsearch did not report a green or yellow health on " + url()
                        + " within " + READY_WITHIN.toSeconds() + " s; end of " + log() + ":\n" + process.logTail(40));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Elasticsearch", e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        if (process != null) {
            process.close();
        }
    }

    /** A close that raced the start (Ctrl-C while starting) must still stop the process. */
    private void stopIfClosed() {
        if (closed) {
            process.close();
            throw new IllegalStateException("stopped while starting");
        }
    }
}
