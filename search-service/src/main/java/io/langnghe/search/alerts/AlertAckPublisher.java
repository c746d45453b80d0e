package io.langnghe.search.alerts;

import io.langnghe.contracts.AlertAck;
import io.langnghe.contracts.Topic;
import io.langnghe.search.indexing.KafkaSettings;
import io.langnghe.search.problem.Problem;
import io.langnghe.search.problem.ProblemException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Puts acknowledgements on {@code alert.acks.v1}, keyed by the alert's subject (so compaction keeps
 * the latest per subject), and returns only once every in-sync replica has it: the early warning
 * then stays quiet about that subject until it worsens.
 */
@Singleton
public class AlertAckPublisher implements AutoCloseable {

    private static final long ACK_WAIT_SECONDS = 15;

    private final Topic<String, AlertAck> topic;
    private final KafkaProducer<String, AlertAck> producer;

    public AlertAckPublisher(KafkaSettings kafka) {
        this.topic = kafka.topics().alertAcks();
        this.producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 12_000,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                        ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000),
                topic.keySerde().serializer(),
                topic.valueSerde().serializer());
    }

    public void send(AlertAck ack) {
        try {
            producer.send(new ProducerRecord<>(topic.name(), ack.subject(), ack)).get(ACK_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(Problem.commandsUnavailable(), e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new ProblemException(Problem.commandsUnavailable(), e);
        }
    }

    @Override
    @PreDestroy
    public void close() {
        producer.close();
    }
}
