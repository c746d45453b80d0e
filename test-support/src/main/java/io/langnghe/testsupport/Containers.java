package io.langnghe.testsupport;

import io.langnghe.localstack.ElasticsearchDistribution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;

import java.nio.file.Files;
import java.nio.file.Path;

/** Kafka and Elasticsearch in containers, for machines where a Docker engine answers. */
final class Containers {

    private static final Logger LOG = LoggerFactory.getLogger(Containers.class);
    private static Boolean dockerAvailable;

    private Containers() {
    }

    static synchronized boolean dockerAvailable() {
        if (dockerAvailable == null) {
            try {
                dockerAvailable = mightHaveDocker() && DockerClientFactory.instance().isDockerAvailable();
            } catch (Throwable noEngine) {
                LOG.debug("No Docker engine", noEngine);
                dockerAvailable = false;
            }
        }
        return dockerAvailable;
    }

    /** Asking Testcontainers where nothing points to an engine logs a page of errors; skip that. */
    private static boolean mightHaveDocker() {
        String home = System.getProperty("user.home");
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        return System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(home, ".testcontainers.properties"))
                || Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
                || Files.exists(Path.of(home, ".docker", "desktop", "docker.sock"))
                || runtime != null && Files.exists(Path.of(runtime, "docker.sock"));
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' own reaper when the JVM ends
    static String kafka() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:" + kafkaVersion())
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_NUM_PARTITIONS", "3")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        kafka.start();
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "stop-kafka-container"));
        return kafka.getBootstrapServers();
    }

    @SuppressWarnings("resource")
    static String elasticsearch() {
        ElasticsearchContainer elasticsearch = new ElasticsearchContainer(
                "docker.elastic.co/elasticsearch/elasticsearch:" + ElasticsearchDistribution.version())
                .withEnv("xpack.security.enabled", "false")
                .withEnv("discovery.type", "single-node")
                .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
        elasticsearch.start();
        Runtime.getRuntime().addShutdownHook(new Thread(elasticsearch::stop, "stop-elasticsearch-container"));
        return "http://" + elasticsearch.getHttpHostAddress();
    }

    private static String kafkaVersion() {
        String version = org.apache.kafka.common.utils.AppInfoParser.getVersion();
        return version == null || version.equals("unknown") ? "3.9.1" : version;
    }
}
