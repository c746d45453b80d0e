package io.langnghe.localstack;

import io.langnghe.contracts.Topics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;

/**
 * The launcher behind {@code ./langnghe}.
 * <ul>
 *   <li>{@code up <checkout>}: Kafka, Elasticsearch, the topics and the three services, in the foreground,
 *       on the ports of {@link StackPorts}; a child that exits is restarted ({@link Supervisor}), the children
 *       die with the launcher ({@link Watchdog}), one launcher per data directory ({@link StackLock});
 *       Ctrl-C stops them in reverse order.</li>
 *   <li>{@code infra <directory> [env-file]}: only Kafka and Elasticsearch on free ports, their endpoints
 *       written as {@code KAFKA_BOOTSTRAP_SERVERS=...} (the operator's listener), {@code KAFKA_SASL_BOOTSTRAP_SERVERS=...}
 *       (the services' listener, with ACLs) and {@code ELASTICSEARCH_URL=...} lines.</li>
 * </ul>
 */
public final class LocalStack {

    static final String DEMO_SECRET = "langnghe-demo";
    private static final Duration SERVICES_READY_WITHIN = Duration.ofSeconds(180);

    private final long startedAt = System.nanoTime();
    /** Everything started, stopped in reverse order. */
    private final List<AutoCloseable> started = new ArrayList<>();
    /** The children the supervisor restarts; the services among them are stopped first. */
    private final List<SupervisedChild<?>> supervised = new ArrayList<>();
    private final List<SupervisedChild<?>> services = new ArrayList<>();
    private volatile Supervisor supervisor;

    public static void main(String[] args) {
        System.setProperty("logback.configurationFile", "io/langnghe/localstack/launcher-logback.xml");
        if (args.length == 0) {
            System.err.println("usage: LocalStack up <checkout> | infra <directory> [env-file]");
            System.exit(2);
        }
        LocalStack stack = new LocalStack();
        ChildProcess.leaveStoppingOnExitToCaller();
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stopAll, "stop-local-stack"));
        exitWithProcess(Long.getLong("langnghe.exit-with"));
        try {
            switch (args[0]) {
                case "up" -> stack.up(Path.of(args.length > 1 ? args[1] : ".").toAbsolutePath().normalize());
                case "infra" -> stack.infra(Path.of(args[1]).toAbsolutePath(), args.length > 2 ? Path.of(args[2]) : null);
                default -> {
                    System.err.println("unknown command: " + args[0]);
                    System.exit(2);
                }
            }
            new CountDownLatch(1).await();
        } catch (StartFailed e) {
            System.err.println(e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** ./langnghe test passes its own pid: if the script is killed outright, the servers still stop. */
    private static void exitWithProcess(Long pid) {
        if (pid != null) {
            ProcessHandle.of(pid).ifPresentOrElse(
                    parent -> parent.onExit().thenRun(() -> System.exit(0)),
                    () -> System.exit(0));
        }
    }

    private void up(Path checkout) {
        Path home = Path.of(env("LANGNGHE_HOME", checkout.resolve(".langnghe").toString())).toAbsolutePath();
        StackPorts ports = portsFromEnvironment();
        StackLock.acquire(home).ifPresent(running -> {
            throw new StartFailed(running);
        });
        String givenKafka = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        String givenElasticsearch = System.getenv("ELASTICSEARCH_URL");
        checkPortsFree(ports, isBlank(givenKafka), isBlank(givenElasticsearch));
        for (Service service : Service.ALL) {
            String missing = service.missingBuild(checkout);
            if (missing != null) {
                throw new StartFailed(missing);
            }
        }
        // from here on, a launcher killed outright takes its children with it
        Watchdog.start(home.resolve("children.pids"));
        System.out.println("Lắng Nghe local stack, data in " + home);

        var kafka = isBlank(givenKafka)
                ? CompletableFuture.supplyAsync(() -> startSupervised(new SupervisedChild<>("kafka",
                        () -> new KafkaServer(home.resolve("kafka"), ports.kafka(), ports.kafkaController(), ports.kafkaSasl(),
                                System.getenv()),
                        KafkaServer::start, KafkaServer::process), "Kafka", KafkaServer::bootstrapServers))
                : CompletableFuture.completedFuture(report("Kafka (given)", givenKafka));
        var elasticsearch = isBlank(givenElasticsearch)
                ? CompletableFuture.supplyAsync(() -> startSupervised(new SupervisedChild<>("elasticsearch",
                        () -> new ElasticsearchServer(home.resolve("elasticsearch"), home.resolve("dist"),
                                ports.elasticsearch(), ports.elasticsearchTransport()),
                        ElasticsearchServer::start, ElasticsearchServer::process), "Elasticsearch", ElasticsearchServer::url))
                : CompletableFuture.completedFuture(report("Elasticsearch (given)", givenElasticsearch));
        String kafkaServers = join(kafka);
        String elasticsearchUrl = join(elasticsearch);

        Topics topics = Topics.withPrefix(env("LANGNGHE_TOPICS_PREFIX", Topics.DEFAULT_PREFIX));
        TopicCreator.create(kafkaServers, topics);
        report("Topics", topics.all().size() + " x " + topics.cases().name().replace(".cases.v1", ".*"));
        // our own broker: each service logs in as itself on the SASL listener, with only its ACLs
        Map<String, String> serviceKafka = isBlank(givenKafka)
                ? Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + ports.kafkaSasl())
                : Map.of();
        if (isBlank(givenKafka)) {
            String prefix = env("LANGNGHE_TOPICS_PREFIX", Topics.DEFAULT_PREFIX);
            report("Kafka ACLs", KafkaAcls.grant(kafkaServers, prefix).size() + " for " + prefix + ".*, services on 127.0.0.1:"
                    + ports.kafkaSasl() + " (SASL/SCRAM-SHA-512)");
        }

        MailCatcher mail = startMail();
        Map<String, String> serviceEnvironment = new HashMap<>(mail.serviceEnvironment());
        serviceEnvironment.putAll(serviceKafka);
        startServices(checkout, ports, home.resolve("logs"), kafkaServers, elasticsearchUrl, serviceEnvironment,
                !isBlank(givenKafka));
        printAddresses(ports, kafkaServers, elasticsearchUrl, home.resolve("logs"), mail);
        supervise();
    }

    private MailCatcher startMail() {
        try {
            MailCatcher mail = MailCatcher.start(System.getenv());
            register(mail);
            return mail;
        } catch (RuntimeException e) {
            throw new StartFailed("The mail server could not start (LANGNGHE_SMTP_PORT, LANGNGHE_IMAP_PORT; usual "
                    + MailCatcher.USUAL_SMTP + ", " + MailCatcher.USUAL_IMAP + "): " + e.getMessage());
        }
    }

    private static StackPorts portsFromEnvironment() {
        try {
            return StackPorts.from(System.getenv());
        } catch (IllegalArgumentException e) {
            throw new StartFailed(e.getMessage());
        }
    }

    /** From now on a child that exits is started again; too many restarts stop the stack with the reason. */
    private void supervise() {
        List<SupervisedChild<?>> children;
        synchronized (this) {
            children = new ArrayList<>(supervised);
        }
        Supervisor watching = new Supervisor(children, Duration.ofSeconds(1), System.out, reason -> {
            System.err.println(reason);
            System.exit(1);
        });
        supervisor = watching;
        watching.start();
    }

    private void infra(Path directory, Path envFile) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StartFailed("Cannot create " + directory + ": " + e.getMessage());
        }
        Path distributionCache = Path.of(System.getProperty("java.io.tmpdir"), "langnghe-dist");
        KafkaServer kafkaServer = KafkaServer.onFreePorts(directory.resolve("kafka"));
        var kafka = CompletableFuture.supplyAsync(() -> startKafka(kafkaServer));
        var elasticsearch = CompletableFuture.supplyAsync(() -> startElasticsearch(new ElasticsearchServer(
                directory.resolve("elasticsearch"), distributionCache, Ports.free(), Ports.free())));
        String lines = "KAFKA_BOOTSTRAP_SERVERS=" + join(kafka) + "\n"
                + "KAFKA_SASL_BOOTSTRAP_SERVERS=" + kafkaServer.saslBootstrapServers() + "\n"
                + "ELASTICSEARCH_URL=" + join(elasticsearch) + "\n";
        if (envFile == null) {
            System.out.print(lines);
            System.out.flush();
            return;
        }
        try {
            // whoever waits for the file must never read half of it
            Path partial = envFile.resolveSibling(envFile.getFileName() + ".partial");
            Files.writeString(partial, lines, StandardCharsets.UTF_8);
            Files.move(partial, envFile, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StartFailed("Cannot write " + envFile + ": " + e.getMessage());
        }
    }

    private void checkPortsFree(StackPorts ports, boolean kafka, boolean elasticsearch) {
        Map<Integer, String> needed = new LinkedHashMap<>();
        if (kafka) {
            needed.put(ports.kafka(), "Kafka");
            needed.put(ports.kafkaController(), "Kafka controller");
        }
        if (elasticsearch) {
            needed.put(ports.elasticsearch(), "Elasticsearch");
            needed.put(ports.elasticsearchTransport(), "Elasticsearch transport");
        }
        Service.ALL.forEach(service -> needed.put(ports.of(service), service.module()));
        needed.forEach((port, user) -> {
            if (!Ports.isFree(port)) {
                throw new StartFailed("Port " + port + " is already in use (" + user + "). "
                        + "Is another ./langnghe up running? Stop it or free the port.");
            }
        });
    }

    private String startKafka(KafkaServer kafka) {
        register(kafka);
        try {
            kafka.start();
        } catch (RuntimeException e) {
            throw new StartFailed("Kafka did not start: " + e.getMessage());
        }
        return report("Kafka", kafka.bootstrapServers());
    }

    private String startElasticsearch(ElasticsearchServer elasticsearch) {
        register(elasticsearch);
        try {
            elasticsearch.start();
        } catch (RuntimeException e) {
            throw new StartFailed("Elasticsearch did not start: " + e.getMessage());
        }
        return report("Elasticsearch", elasticsearch.url());
    }

    private <S extends AutoCloseable> String startSupervised(SupervisedChild<S> child, String part,
                                                            java.util.function.Function<S, String> address) {
        synchronized (this) {
            supervised.add(child);
        }
        register(child);
        try {
            return report(part, address.apply(child.start()));
        } catch (RuntimeException e) {
            throw new StartFailed(part + " did not start: " + e.getMessage());
        }
    }

    private void startServices(Path checkout, StackPorts ports, Path logs, String kafkaServers, String elasticsearchUrl,
                               Map<String, String> extra, boolean givenKafka) {
        Map<Service, SupervisedChild<ChildProcess>> running = new LinkedHashMap<>();
        Map<String, String> environment = new HashMap<>();
        environment.putAll(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafkaServers,
                "ELASTICSEARCH_URL", elasticsearchUrl,
                // the streams' local state belongs with the rest of the stack's data
                "LANGNGHE_STREAMS_STATE_DIR", logs.resolveSibling("streams").toString(),
                "LANGNGHE_PHOTOS_DIR", logs.resolveSibling("photos").toString(),
                // every message residents and staff would receive, one JSON line each
                "LANGNGHE_NOTIFY_OUTBOX", outbox(logs).toString(),
                "LANGNGHE_NOTIFY_TRACKING_URL", "http://localhost:" + ports.ingest() + "/track.html?code=",
                // ingest-service reads tracking from this stack's search-service, on whichever port it has
                "LANGNGHE_SEARCH_URL", "http://127.0.0.1:" + ports.search(),
                // search-service shows officers a case's messages from this stack's notification-service
                "LANGNGHE_NOTIFY_URL", "http://127.0.0.1:" + ports.notification(),
                "LANGNGHE_PUBLIC_URL", "http://localhost:" + ports.ingest()));
        environment.putAll(extra);
        for (Service service : Service.ALL) {
            Map<String, String> own = new HashMap<>(environment);
            if (!givenKafka) {
                own.putAll(service.principal().serviceEnvironment(System.getenv()));
            }
            if (service.module().equals("search-service")) {
                // ingest-service, on this machine, passes on who its residents are (X-Forwarded-For)
                own.put("LANGNGHE_TRUSTED_PROXIES", env("LANGNGHE_TRUSTED_PROXIES", "127.0.0.1"));
            }
            SupervisedChild<ChildProcess> child = SupervisedChild.ofProcess(service.module(), () -> service.start(
                    checkout, ports.of(service), own, logs.resolve(service.module() + ".log")));
            synchronized (this) {
                supervised.add(child);
                services.add(child);
            }
            register(child);
            child.start();
            running.put(service, child);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + SERVICES_READY_WITHIN.toNanos();
        while (!running.isEmpty()) {
            for (var entry : List.copyOf(running.entrySet())) {
                Service service = entry.getKey();
                ChildProcess process = entry.getValue().current();
                if (!process.isAlive()) {
                    throw new StartFailed(service.module() + " stopped while starting. End of " + process.log() + ":\n"
                            + process.logTail(30));
                }
                if (healthy(http, ports.of(service))) {
                    report(service.module(), "http://localhost:" + ports.of(service));
                    running.remove(service);
                }
            }
            if (System.nanoTime() > deadline && !running.isEmpty()) {
                var late = running.keySet().iterator().next();
                ChildProcess process = running.get(late).current();
                throw new StartFailed(late.module() + " did not report healthy on http://localhost:" + ports.of(late)
                        + "/health within " + SERVICES_READY_WITHIN.toSeconds() + " s. End of " + process.log() + ":\n"
                        + process.logTail(30));
            }
            pause();
        }
    }

    private static boolean healthy(HttpClient http, int port) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(3)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void printAddresses(StackPorts ports, String kafkaServers, String elasticsearchUrl, Path logs, MailCatcher mail) {
        boolean demoSecret = isBlank(System.getenv("LANGNGHE_SECRETS_JWT"));
        boolean demoPassword = isBlank(System.getenv("LANGNGHE_DEMO_PASSWORD"));
        String password = demoPassword ? DEMO_SECRET : "(from LANGNGHE_DEMO_PASSWORD)";
        System.out.printf("""

                Lắng Nghe is up (%.1f s).
                  residents      http://localhost:%8$d   the petition form and tracking page; POST /api/feedback
                  officers       http://localhost:%10$d   officer workspace and leader dashboard (log in below)
                  routing        http://localhost:%9$d   POST /api/classify
                  APIs           http://localhost:%8$d/swagger/ingest.yml, http://localhost:%10$d/swagger/search.yml
                  notifications  http://localhost:%11$d   GET /api/cases/{id}/messages (officers)
                  Kafka          %s
                  Elasticsearch  %s
                  logs           %s
                  messages       %s   (SMS, Zalo and e-mail to residents and staff, one JSON line each)
                  e-mail         %12$s
                Demo accounts (password %s): lanhdao, canbo.<department code>, tongdai, totruong.tdp-01, daibieu, quantri
                %s
                Ctrl-C stops everything.
                """, seconds(), kafkaServers, elasticsearchUrl, logs, outbox(logs), password,
                demoSecret || demoPassword
                        ? "Local stack only: every secret and password not set in the environment is \"" + DEMO_SECRET
                          + "\" (set LANGNGHE_SECRETS_JWT and LANGNGHE_DEMO_PASSWORD to change them)."
                        : "Secrets come from the environment (LANGNGHE_SECRETS_JWT, LANGNGHE_DEMO_PASSWORD).",
                ports.ingest(), ports.routing(), ports.search(), ports.notification(), mail.where());
        System.out.flush();
    }

    /** Where notification-service writes what it would send: $LANGNGHE_HOME/outbox/messages.jsonl. */
    private static Path outbox(Path logs) {
        return logs.resolveSibling("outbox").resolve("messages.jsonl");
    }

    private synchronized void register(AutoCloseable part) {
        started.add(part);
    }

    /** Services first, then Elasticsearch and Kafka: the reverse of the start. */
    private void stopAll() {
        List<AutoCloseable> parts;
        synchronized (this) {
            parts = new ArrayList<>(started);
            started.clear();
        }
        if (parts.isEmpty()) {
            return;
        }
        Supervisor watching = supervisor;
        if (watching != null) {
            watching.stop();
        }
        System.out.println("Stopping...");
        List<CompletableFuture<Void>> services = new ArrayList<>();
        List<AutoCloseable> servers = new ArrayList<>();
        for (AutoCloseable part : parts) {
            if (part instanceof ChildProcess || services.contains(part)) {
                services.add(CompletableFuture.runAsync(() -> closeQuietly(part)));
            } else {
                servers.add(part);
            }
        }
        services.forEach(CompletableFuture::join);
        // Elasticsearch and Kafka do not depend on each other
        servers.stream().map(part -> CompletableFuture.runAsync(() -> closeQuietly(part))).toList()
                .forEach(CompletableFuture::join);
        System.out.println("Stopped.");
        System.out.flush();
    }

    private static void closeQuietly(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            System.err.println("While stopping: " + e.getMessage());
        }
    }

    private String report(String part, String address) {
        System.out.printf("  %-22s ready at %-28s (%5.1f s)%n", part, address, seconds());
        System.out.flush();
        return address;
    }

    private double seconds() {
        return (System.nanoTime() - startedAt) / 1e9;
    }

    private static String join(CompletableFuture<String> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StartFailed failed) {
                throw failed;
            }
            throw new StartFailed(String.valueOf(e.getCause().getMessage()));
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return isBlank(value) ? fallback : value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartFailed("Interrupted");
        }
    }

    /** A start that cannot go on; its message is all the user needs, so no stack trace. */
    static final class StartFailed extends RuntimeException {
        StartFailed(String message) {
            super(message);
        }
    }
}
