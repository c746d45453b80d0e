package io.langnghe.search;

import io.langnghe.contracts.Alert;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.IssueState;
import io.langnghe.contracts.Topics;
import io.langnghe.testsupport.SharedInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;

import java.util.Map;

/**
 * One test class's corner of the shared Kafka and Elasticsearch: its own topics and indices (a
 * fresh prefix), the properties that point search-service at them, and a way to publish cases.
 */
public final class SharedStack implements AutoCloseable {

    private final String prefix = SharedInfrastructure.uniquePrefix();
    private final Topics topics = SharedInfrastructure.createTopics(prefix);
    private KafkaProducer<String, CaseState> producer;

    public Map<String, String> properties() {
        return Map.of(
                "kafka.bootstrap.servers", SharedInfrastructure.kafkaBootstrapServers(),
                "langnghe.elasticsearch.url", SharedInfrastructure.elasticsearchUrl(),
                "langnghe.topics-prefix", prefix,
                "langnghe.elasticsearch.index-prefix", prefix,
                "langnghe.local-stack", "true",
                // tests poll the tracking door while Elasticsearch catches up; PublicDoorLimitsTest sets it low
                "langnghe.public-reads.per-ip-per-door", "1000000",
                // Any free port: a running local stack (8090) or another test JVM does not collide.
                "micronaut.server.port", "-1");
    }

    public Topics topics() {
        return topics;
    }

    public String prefix() {
        return prefix;
    }

    /** Publishes a case state as routing-streams would, and waits for Kafka's acknowledgement (where it was stored). */
    public org.apache.kafka.clients.producer.RecordMetadata publish(CaseState state) throws Exception {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"),
                    topics.cases().keySerde().serializer(),
                    topics.cases().valueSerde().serializer());
        }
        return producer.send(new ProducerRecord<>(topics.cases().name(), state.caseId(), state)).get();
    }

    /** Publishes an early warning as routing-streams would. */
    public void publish(Alert alert) throws Exception {
        try (KafkaProducer<String, Alert> alerts = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"),
                topics.alerts().keySerde().serializer(), topics.alerts().valueSerde().serializer())) {
            alerts.send(new ProducerRecord<>(topics.alerts().name(), alert.alertId(), alert)).get();
        }
    }

    /** Publishes an issue's state as routing-streams' early warning would, or its tombstone when {@code state} is null. */
    public void publishIssue(String issueId, IssueState state) throws Exception {
        try (KafkaProducer<String, IssueState> issues = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"),
                topics.issues().keySerde().serializer(), topics.issues().valueSerde().serializer())) {
            issues.send(new ProducerRecord<>(topics.issues().name(), issueId, state)).get();
        }
    }

    /** Publishes raw bytes, for records that are not cases at all. */
    public void publishRaw(String key, byte[] value) throws Exception {
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(topics.cases().name(), key.getBytes(StandardCharsets.UTF_8), value)).get();
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
