package io.langnghe.localstack;

import io.langnghe.contracts.kafka.KafkaLogin;
import io.langnghe.contracts.kafka.ServicePrincipal;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A one-node Kafka cluster in KRaft combined mode (broker and controller), run from the
 * {@code kafka_2.13} artifact in a child JVM on 127.0.0.1. The log directory is formatted once and
 * kept, so a restart on the same directory keeps every record.
 * <p>
 * Two client listeners: the services' SASL_PLAINTEXT one ({@link #saslBootstrapServers()}), where each
 * logs in with SCRAM-SHA-512 as its own principal and ACLs ({@link KafkaAcls}) decide what it may do,
 * and the operator's PLAINTEXT one ({@link #bootstrapServers()}) on the loopback address, whose
 * anonymous user is a super user: the launcher, the tools and the tests not yet given a login use it.
 */
public final class KafkaServer implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(120);

    private final Path home;
    private final int port;
    private final int controllerPort;
    private final int saslPort;
    private final Map<String, String> environment;
    private volatile ChildProcess process;
    private volatile boolean closed;

    public KafkaServer(Path home, int port, int controllerPort) {
        this(home, port, controllerPort, Ports.free(), System.getenv());
    }

    /**
     * @param saslPort    the services' SASL listener
     * @param environment where the principals' passwords are read ({@link ServicePrincipal#password})
     */
    public KafkaServer(Path home, int port, int controllerPort, int saslPort, Map<String, String> environment) {
        this.home = home.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.saslPort = saslPort;
        this.environment = Map.copyOf(environment);
    }

    /** A broker on free ports, for tests. */
    public static KafkaServer onFreePorts(Path home) {
        return new KafkaServer(home, Ports.free(), Ports.free(), Ports.free(), System.getenv());
    }

    /** The operator's listener: no login, every right. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The services' listener: SASL/SCRAM-SHA-512, one principal each, ACLs. */
    public String saslBootstrapServers() {
        return "127.0.0.1:" + saslPort;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path log() {
        return home.resolve("kafka.log");
    }

    public ChildProcess process() {
        return process;
    }

    /** Starts the broker and returns once it answers an admin request. */
    public KafkaServer start() {
        try {
            Files.createDirectories(home);
            Path properties = writeServerProperties();
            Path logback = writeLogbackConfig();
            if (!Files.exists(home.resolve("data").resolve("meta.properties"))) {
                ChildProcess.run("kafka-storage-format",
                        java(logback, "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                                "-c", properties.toString(), "--ignore-formatted"),
                        home, log(), 120);
            }
            process = ChildProcess.start("kafka", java(logback, KafkaChild.class.getName(), properties.toString()),
                    Map.of(), home, log());
            stopIfClosed();
            awaitReady();
            KafkaAcls.createUsers(bootstrapServers(), environment);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare Kafka in " + home, e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        // wait for the listener first: an admin client on a closed port logs a warning per retry
        while (!Ports.accepts(port)) {
            process.checkAlive();
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Kafka did not listen on " + bootstrapServers() + " within "
                        + READY_WITHIN.toSeconds() + " s; end of " + log() + ":\n" + process.logTail(40));
            }
            pause();
        }
        try (Admin admin = Admin.create(config)) {
            while (true) {
                process.checkAlive();
                try {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("Kafka did not answer on " + bootstrapServers() + " within "
                                + READY_WITHIN.toSeconds() + " s; end of " + log() + ":\n" + process.logTail(40));
                    }
                    pause();
                }
            }
        }
    }

    private Path writeServerProperties() throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",SASL_PLAINTEXT://127.0.0.1:" + saslPort
                + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port + ",SASL_PLAINTEXT://127.0.0.1:" + saslPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT");
        // SCRAM users live in the cluster's metadata (KafkaAcls.createUsers); the broker side needs no password
        p.setProperty("sasl.enabled.mechanisms", KafkaLogin.SCRAM);
        p.setProperty("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        p.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        // the loopback operator listener and the controller's own connections are anonymous
        p.setProperty("super.users", ServicePrincipal.ADMIN.principal() + ";User:ANONYMOUS");
        p.setProperty("log.dirs", home.resolve("data").toString());
        // one node: every internal topic has a single replica
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("num.partitions", "3");
        // topics are declared in event-contracts and created explicitly; a typo must not create one
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        Path file = home.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "written by io.langnghe.localstack.KafkaServer");
        }
        return file;
    }

    /** The broker logs through slf4j and logback; keep INFO lines in kafka.log, not on the console. */
    private Path writeLogbackConfig() throws IOException {
        Path file = home.resolve("kafka-logback.xml");
        try (InputStream in = KafkaServer.class.getResourceAsStream("kafka-logback.xml")) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private List<String> java(Path logback, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m", "-Xmx512m",
                "-Djava.awt.headless=true",
                "-Dlogback.configurationFile=" + logback,
                "-cp", classpath(),
                mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * The broker's classpath as resolved when local-stack was built, plus local-stack itself: the same
     * for every caller, whatever a test module's own classpath holds.
     */
    static String classpath() {
        try (InputStream in = KafkaServer.class.getResourceAsStream("kafka-classpath.txt")) {
            if (in == null) {
                throw new IllegalStateException("kafka-classpath.txt is missing: build local-stack with Maven");
            }
            String dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            for (String entry : dependencies.split(java.io.File.pathSeparator)) {
                if (!Files.exists(Path.of(entry))) {
                    throw new IllegalStateException("The Kafka broker's classpath names " + entry
                            + ", which is gone; rebuild local-stack (mvn -pl local-stack install)");
                }
            }
            Path self = Path.of(KafkaServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return self + java.io.File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
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
