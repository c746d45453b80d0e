package io.langnghe.testsupport;

import io.langnghe.contracts.Topics;
import io.langnghe.contracts.kafka.KafkaLogin;
import io.langnghe.contracts.kafka.ServicePrincipal;
import io.langnghe.contracts.kafka.TopicAccess;
import io.langnghe.localstack.ElasticsearchServer;
import io.langnghe.localstack.KafkaAcls;
import io.langnghe.localstack.KafkaServer;
import io.langnghe.localstack.TopicCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Real Kafka and Elasticsearch for integration tests, started at most once per JVM and shared.
 * Each part is resolved on its own, in this order:
 * <ol>
 *   <li>the endpoint given as system property or environment variable {@code KAFKA_BOOTSTRAP_SERVERS} /
 *       {@code ELASTICSEARCH_URL} (what {@code ./langnghe test} does);</li>
 *   <li>a Testcontainers container when a Docker engine answers;</li>
 *   <li>the local stack's servers, run from Maven artifacts on free ports.</li>
 * </ol>
 * Tests isolate themselves on the shared servers with {@link #uniquePrefix()}; they never skip.
 */
public final class SharedInfrastructure {

    public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String ELASTICSEARCH_URL = "ELASTICSEARCH_URL";
    /** The services' listener of the broker {@code ./langnghe test} starts: SASL/SCRAM-SHA-512 with ACLs. */
    public static final String KAFKA_SASL_BOOTSTRAP_SERVERS = "KAFKA_SASL_BOOTSTRAP_SERVERS";

    private static final Logger LOG = LoggerFactory.getLogger(SharedInfrastructure.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private static String kafka;
    private static KafkaServer localKafka;
    private static SecuredKafka securedKafka;
    private static String elasticsearch;
    private static Path scratch;

    private SharedInfrastructure() {
    }

    /** Bootstrap servers of a running Kafka broker, e.g. {@code 127.0.0.1:41235}. */
    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = resolve(KAFKA_BOOTSTRAP_SERVERS, "Kafka",
                    Containers::kafka,
                    () -> {
                        localKafka = KafkaServer.onFreePorts(scratch().resolve("kafka")).start();
                        return localKafka.bootstrapServers();
                    });
        }
        return kafka;
    }

    /**
     * What a test client needs to reach the broker as one of the pipeline's principals: bootstrap servers
     * of the SASL listener and the principal's login, with only the rights of {@link TopicAccess} on the
     * topics of {@link #createTopics}. Add the client's own properties to a copy.
     */
    public static Map<String, Object> kafkaClientProperties(ServicePrincipal principal) {
        return KafkaLogin.as(principal, System.getenv()).clientConfig(securedKafka().saslBootstrapServers());
    }

    /** The same, as a Micronaut service's {@code kafka.*} properties (bootstrap servers and login). */
    public static Map<String, Object> serviceKafkaProperties(ServicePrincipal principal) {
        Map<String, Object> properties = new HashMap<>();
        kafkaClientProperties(principal).forEach((name, value) -> properties.put("kafka." + name, value));
        return properties;
    }

    /**
     * The broker with the services' SASL listener: the shared one when it has it ({@code ./langnghe test},
     * or the local server started here), otherwise (a container, a given broker without one) a local
     * server of its own.
     */
    public static synchronized SecuredKafka securedKafka() {
        if (securedKafka == null) {
            String shared = kafkaBootstrapServers();
            String given = given(KAFKA_SASL_BOOTSTRAP_SERVERS);
            if (given != null) {
                securedKafka = new SecuredKafka(shared, given);
            } else if (localKafka != null) {
                securedKafka = new SecuredKafka(localKafka.bootstrapServers(), localKafka.saslBootstrapServers());
            } else {
                KafkaServer own = KafkaServer.onFreePorts(scratch().resolve("kafka-sasl")).start();
                LOG.info("Kafka: the shared broker has no SASL listener; started one at {}", own.saslBootstrapServers());
                securedKafka = new SecuredKafka(own.bootstrapServers(), own.saslBootstrapServers());
            }
        }
        return securedKafka;
    }

    /**
     * A broker's two listeners: the operator's (no login, every right; what {@link #kafkaBootstrapServers}
     * gives) and the services' (a login each, ACLs).
     */
    public record SecuredKafka(String operatorBootstrapServers, String saslBootstrapServers) {
    }

    /** Base URL of a running Elasticsearch, e.g. {@code http://127.0.0.1:39201}. */
    public static synchronized String elasticsearchUrl() {
        if (elasticsearch == null) {
            elasticsearch = resolve(ELASTICSEARCH_URL, "Elasticsearch",
                    Containers::elasticsearch,
                    () -> ElasticsearchServer.onFreePorts(scratch().resolve("elasticsearch")).start().url());
        }
        return elasticsearch;
    }

    /** A fresh prefix for topics and indices, like {@code t3fa9c01b}: lowercase, no dots or underscores. */
    public static String uniquePrefix() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return "t" + HexFormat.of().formatHex(bytes);
    }

    /**
     * Creates every topic of the pipeline under this prefix on the shared broker, and gives each service's
     * principal its rights on them ({@link TopicAccess}), so a test may run a client as that service.
     */
    public static Topics createTopics(String prefix) {
        Topics topics = Topics.withPrefix(prefix);
        TopicCreator.create(kafkaBootstrapServers(), topics);
        SecuredKafka secured = securedKafka();
        if (!secured.operatorBootstrapServers().equals(kafkaBootstrapServers())) {
            TopicCreator.create(secured.operatorBootstrapServers(), topics);
        }
        KafkaAcls.grant(secured.operatorBootstrapServers(), prefix);
        return topics;
    }

    /** A reader of the shared broker's topics. */
    public static TopicProbe topicProbe() {
        return new TopicProbe(kafkaBootstrapServers());
    }

    private static String resolve(String variable, String part, Supplier<String> container, Supplier<String> local) {
        String given = given(variable);
        if (given != null) {
            LOG.info("{}: using the given endpoint {} ({})", part, given, variable);
            return given;
        }
        if (Containers.dockerAvailable()) {
            long start = System.nanoTime();
            String endpoint = container.get();
            LOG.info("{}: started with Testcontainers at {} in {} ms", part, endpoint, (System.nanoTime() - start) / 1_000_000);
            return endpoint;
        }
        long start = System.nanoTime();
        String endpoint = local.get();
        LOG.info("{}: no Docker engine, started the local stack's server at {} in {} ms", part, endpoint,
                (System.nanoTime() - start) / 1_000_000);
        return endpoint;
    }

    private static String given(String variable) {
        String value = System.getProperty(variable);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * Scratch space for the local servers, deleted when the JVM ends. Traversable by others: as root,
     * Elasticsearch runs as an unprivileged user that must reach its data directory.
     */
    private static Path scratch() {
        if (scratch == null) {
            try {
                scratch = Files.createTempDirectory("langnghe-test-");
                Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwx--x--x"));
                Path directory = scratch;
                // registered first, so it runs alongside the servers' own stop hooks; deleting is best effort
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteLater(directory), "delete-test-scratch"));
            } catch (IOException e) {
                throw new UncheckedIOException("No temporary directory for the test servers", e);
            }
        }
        return scratch;
    }

    private static void deleteLater(Path directory) {
        // the servers stop in their own hooks; give them the time to, then remove what they wrote
        List<ProcessHandle> children = ProcessHandle.current().children().toList();
        children.forEach(child -> child.onExit().orTimeout(40, java.util.concurrent.TimeUnit.SECONDS)
                .exceptionally(timeout -> child).join());
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover temporary directory is harmless
        }
    }
}
