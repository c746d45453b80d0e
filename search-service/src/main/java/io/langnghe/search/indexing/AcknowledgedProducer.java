package io.langnghe.search.indexing;

import io.langnghe.contracts.Topic;
import io.langnghe.search.problem.Problem;
import io.langnghe.search.problem.ProblemException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends to one topic and returns only once every in-sync replica has the record (acks=all,
 * idempotent): whoever is told "accepted" never loses what they did. Kafka out of reach is a 503
 * problem, within the 15 seconds a person will wait.
 */
public final class AcknowledgedProducer<V> implements AutoCloseable {

    private static final long ACK_WAIT_SECONDS = 15;

    private final Topic<String, V> topic;
    private final KafkaProducer<String, V> producer;

    public AcknowledgedProducer(KafkaSettings kafka, Topic<String, V> topic) {
        this(kafka, topic, topic.valueSerde().serializer());
    }

    /** With a value serializer of its own (one that signs, say). */
    public AcknowledgedProducer(KafkaSettings kafka, Topic<String, V> topic, Serializer<V> values) {
        this.topic = topic;
        Map<String, Object> config = kafka.connection();
        config.putAll(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 12_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000));
        this.producer = new KafkaProducer<>(config, topic.keySerde().serializer(), values);
    }

    public void send(String key, V value) {
        try {
            producer.send(new ProducerRecord<>(topic.name(), key, value)).get(ACK_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(Problem.commandsUnavailable(), e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new ProblemException(Problem.commandsUnavailable(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
