package io.langnghe.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.langnghe.localstack.StackPorts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The stack as a user runs it: the real launcher ({@code LocalStack up}) in a child process, on free ports
 * and in a data directory of its own, so the faults reach exactly what {@code ./langnghe up} runs.
 * Kafka and Elasticsearch are the launcher's own unless given (the shortened suite uses the test's).
 */
public final class LaunchedStack implements AutoCloseable {

    /** The parts a fault can reach, by what their command line contains. */
    public enum Part {
        INGEST("ingest-service", "io.langnghe.ingest.IngestApplication"),
        ROUTING("routing-streams", "io.langnghe.routing.RoutingApplication"),
        SEARCH("search-service", "io.langnghe.search.SearchApplication"),
        KAFKA("kafka", "io.langnghe.localstack.KafkaChild"),
        // the server JVM, not its command-line launcher
        ELASTICSEARCH("elasticsearch", "org.elasticsearch.bootstrap.Elasticsearch");

        private final String label;
        private final String marker;

        Part(String label, String marker) {
            this.label = label;
            this.marker = marker;
        }

        public String label() {
            return label;
        }
    }

    private static final Duration UP_WITHIN = Duration.ofMinutes(6);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process launcher;
    private final StackPorts ports;
    private final String prefix;
    private final String kafka;
    private final String elasticsearch;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Duration routingClockAhead = Duration.ZERO;

    private LaunchedStack(Process launcher, StackPorts ports, String prefix, String kafka, String elasticsearch) {
        this.launcher = launcher;
        this.ports = ports;
        this.prefix = prefix;
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
    }

    /**
     * Starts the launcher and returns once it says the stack is up.
     *
     * @param givenKafka         bootstrap servers to use, or null for the launcher's own broker
     * @param givenElasticsearch URL to use, or null for the launcher's own Elasticsearch
     */
    public static LaunchedStack start(Path checkout, Path home, String prefix, String givenKafka, String givenElasticsearch) {
        Map<String, String> environment = new HashMap<>(StackPorts.freeAsEnvironment());
        StackPorts ports = StackPorts.from(environment);
        environment.put("LANGNGHE_HOME", home.toString());
        environment.put("LANGNGHE_TOPICS_PREFIX", prefix);
        environment.put("LANGNGHE_INDEX_PREFIX", prefix);
        // the clock-jump fault moves routing-streams' deadline clock; checked often, so a second firing would show
        environment.put("LANGNGHE_ROUTING_CLOCK_MOVABLE", "true");
        environment.put("LANGNGHE_ROUTING_DEADLINES_CHECK_EVERY", "5s");
        if (givenKafka != null) {
            environment.put("KAFKA_BOOTSTRAP_SERVERS", givenKafka);
        }
        if (givenElasticsearch != null) {
            environment.put("ELASTICSEARCH_URL", givenElasticsearch);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx128m", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), "io.langnghe.localstack.LocalStack", "up", checkout.toString())
                .redirectErrorStream(true);
        builder.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
        builder.environment().remove("ELASTICSEARCH_URL");
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(home);
            Process launcher = builder.start();
            String kafka = givenKafka != null ? givenKafka : "127.0.0.1:" + ports.kafka();
            String elasticsearch = givenElasticsearch != null ? givenElasticsearch : "http://127.0.0.1:" + ports.elasticsearch();
            LaunchedStack stack = new LaunchedStack(launcher, ports, prefix, kafka, elasticsearch);
            stack.awaitUp();
            return stack;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the launcher", e);
        }
    }

    private void awaitUp() {
        CompletableFuture<Void> up = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                    System.err.println("[launcher] " + line);
                    if (line.contains("Lắng Nghe is up")) {
                        up.complete(null);
                    }
                }
            } catch (IOException e) {
                // the launcher is gone; its exit says the rest
            }
            up.completeExceptionally(new IllegalStateException("The launcher ended before the stack was up:\n"
                    + String.join("\n", lines)));
        }, "launcher-output");
        reader.setDaemon(true);
        reader.start();
        try {
            up.get(UP_WITHIN.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("The stack did not come up within " + UP_WITHIN + ": " + e.getMessage(), e);
        }
    }

    public String ingest() {
        return "http://127.0.0.1:" + ports.ingest();
    }

    public String search() {
        return "http://127.0.0.1:" + ports.search();
    }

    public String routing() {
        return "http://127.0.0.1:" + ports.routing();
    }

    public String kafka() {
        return kafka;
    }

    public String elasticsearch() {
        return elasticsearch;
    }

    public String prefix() {
        return prefix;
    }

    /** The launcher's lines so far (its supervisor's restart lines among them). */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The running process of a part: a descendant of the launcher whose command line names it. */
    public Optional<ProcessHandle> process(Part part) {
        return launcher.descendants()
                .filter(ProcessHandle::isAlive)
                .filter(p -> commandLine(p).contains(part.marker))
                .findFirst();
    }

    /** kill -9 of the part's whole process group (the part and whatever it started). */
    public long kill(Part part) {
        ProcessHandle process = process(part).orElseThrow(() -> new IllegalStateException(part.label + " is not running"));
        signal("KILL", process.pid());
        return process.pid();
    }

    /** SIGSTOP: the part is frozen, its sockets open but silent, as a hung machine would be. */
    public void freeze(Part part) {
        signal("STOP", process(part).orElseThrow().pid());
    }

    public void thaw(Part part) {
        signal("CONT", process(part).orElseThrow().pid());
    }

    private static void signal(String signal, long pid) {
        try {
            // the group first (each part runs under setsid, so its pid is its group's); the pid alone otherwise
            Process kill = new ProcessBuilder("sh", "-c", "kill -" + signal + " -- -" + pid + " 2>/dev/null || kill -" + signal + " " + pid)
                    .redirectErrorStream(true).start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Moves routing-streams' deadline clock forward (never the machine's), as the administrator; returns
     * the instant the deadline watch now takes as now.
     */
    public Instant moveRoutingClock(Duration by) {
        try {
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(search() + "/login"))
                    .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"quantri\",\"password\":\"langnghe-demo\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String token = JSON.readTree(login.body()).path("access_token").asText();
            HttpResponse<String> moved = http.send(HttpRequest.newBuilder(URI.create(routing() + "/api/clock"))
                    .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"moveForward\":\"" + by + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (moved.statusCode() != 200) {
                throw new IllegalStateException("moving the clock answered " + moved.statusCode() + ": " + moved.body());
            }
            Instant now = Instant.parse(JSON.readTree(moved.body()).path("now").asText());
            routingClockAhead = Duration.between(Instant.now(), now);
            return now;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Now, as routing-streams' deadline watch takes it (ahead of the wall clock after a clock jump). */
    public Instant routingClockNow() {
        return Instant.now().plus(routingClockAhead);
    }

    /** True when the three services answer 200 on /health. */
    public boolean healthy() {
        return healthy(ingest()) && healthy(routing()) && healthy(search());
    }

    private boolean healthy(String service) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(service + "/health")).timeout(Duration.ofSeconds(3)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits (bounded) until the part runs again and every service is healthy; returns when that was. */
    public Instant awaitHealthy(Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (healthy()) {
                return Instant.now();
            }
            if (!launcher.isAlive()) {
                throw new IllegalStateException("The launcher stopped:\n" + String.join("\n", lastLines(30)));
            }
            Pause.of(Duration.ofMillis(500));
        }
        throw new IllegalStateException("The stack was not healthy again within " + within + "; launcher:\n"
                + String.join("\n", lastLines(30)));
    }

    private List<String> lastLines(int count) {
        List<String> all = lines();
        return new ArrayList<>(all.subList(Math.max(0, all.size() - count), all.size()));
    }

    private static String commandLine(ProcessHandle process) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", String.valueOf(process.pid()), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return process.info().commandLine().orElse("");
        }
    }

    /** SIGTERM to the launcher, which stops its children in order. */
    @Override
    public void close() {
        launcher.destroy();
        try {
            if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
                launcher.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            launcher.destroyForcibly();
        }
    }
}
