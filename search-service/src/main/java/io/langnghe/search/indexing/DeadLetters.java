package io.langnghe.search.indexing;

import io.langnghe.contracts.DeadLetter;
import io.langnghe.contracts.Topic;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Records of {@code cases.v1} (and {@code alerts.v1}, {@code issues.v1}) that cannot be read go, whole, to {@code feedback.dlq.v1} keyed by
 * their original key: the indexer moves past them, and nothing is lost.
 */
@Singleton
public class DeadLetters implements AutoCloseable {

    static final String FAILED_BY = "search-service";

    private final Topic<String, DeadLetter> topic;
    private final KafkaProducer<byte[], DeadLetter> producer;
    private final Counter sent;

    public DeadLetters(KafkaSettings kafka, MeterRegistry metrics) {
        this.topic = kafka.topics().feedbackDlq();
        Map<String, Object> config = kafka.connection();
        config.putAll(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
        this.producer = new KafkaProducer<>(config,
                new ByteArraySerializer(),
                topic.valueSerde().serializer());
        this.sent = metrics.counter("langnghe.search.dead.letters");
    }

    public static DeadLetter of(ConsumerRecord<byte[], byte[]> record, String error) {
        Base64.Encoder base64 = Base64.getEncoder();
        return new DeadLetter(
                DeadLetter.SCHEMA_VERSION,
                record.topic(),
                record.partition(),
                record.offset(),
                record.key() == null ? null : base64.encodeToString(record.key()),
                record.value() == null ? null : base64.encodeToString(record.value()),
                error,
                FAILED_BY,
                Instant.now());
    }

    /** For each document Elasticsearch refused for good, the latest record of the bulk keyed by its id, and why. */
    public static List<Unreadable> latestOfEach(Iterable<ConsumerRecord<byte[], byte[]>> records, List<Refusal> refusals) {
        Map<String, ConsumerRecord<byte[], byte[]>> latest = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (record.key() != null) {
                latest.put(new String(record.key(), StandardCharsets.UTF_8), record);
            }
        }
        List<Unreadable> refused = new ArrayList<>();
        for (Refusal refusal : refusals) {
            ConsumerRecord<byte[], byte[]> record = latest.get(refusal.id());
            if (record != null) {
                refused.add(new Unreadable(record, "Elasticsearch refused " + refusal.id() + ": " + refusal.reason()));
            }
        }
        return refused;
    }

    /** Returns once Kafka acknowledged every dead letter, so the offsets may be committed after. */
    public void sendAll(List<Unreadable> unreadable) throws ExecutionException, InterruptedException {
        sendAll(topic, unreadable);
    }

    /** The same, to another dead-letter topic (the index's, for cases Elasticsearch refused). */
    public void sendAll(Topic<String, DeadLetter> to, List<Unreadable> unreadable) throws ExecutionException, InterruptedException {
        List<Future<?>> acks = unreadable.stream()
                .<Future<?>>map(u -> producer.send(new ProducerRecord<>(to.name(), u.record().key(), of(u.record(), u.error()))))
                .toList();
        for (Future<?> ack : acks) {
            ack.get();
        }
        sent.increment(acks.size());
    }

    @Override
    @PreDestroy
    public void close() {
        producer.close();
    }

    /** A record that cannot be read, and why. */
    public record Unreadable(ConsumerRecord<byte[], byte[]> record, String error) {
    }
}
