package io.langnghe.ingest.intake;

import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.Topic;
import io.langnghe.contracts.Topics;
import io.langnghe.contracts.kafka.KafkaLogin;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes petitions to {@code <prefix>.feedback.received.v1}, keyed by feedback id, and returns only
 * when every in-sync replica has the record (acks=all, idempotent producer). A plain KafkaProducer
 * rather than a {@code @KafkaClient}, so that each limit of the send is visible and bounded here.
 */
@Singleton
public class FeedbackPublisher implements AutoCloseable {

    private final Topic<String, FeedbackReceived> topic;
    private final Producer<String, FeedbackReceived> producer;
    private final Duration patience;

    public FeedbackPublisher(@Value("${kafka.bootstrap.servers}") String bootstrapServers,
                             @Value("${langnghe.topics-prefix:langnghe}") String topicsPrefix,
                             ProducerSettings settings, KafkaLogin login) {
        this.topic = Topics.withPrefix(topicsPrefix).feedbackReceived();
        Map<String, Object> config = new HashMap<>();
        config.putAll(login.clientProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "ingest-service");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) settings.maxBlock().toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) settings.requestTimeout().toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) settings.deliveryTimeout().toMillis());
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) settings.linger().toMillis());
        this.producer = new KafkaProducer<>(config, topic.keySerde().serializer(), topic.valueSerde().serializer());
        // The producer gives up by itself within max.block + delivery timeout; this only guards against a hang.
        this.patience = settings.maxBlock().plus(settings.deliveryTimeout()).plusSeconds(1);
    }

    public String topicName() {
        return topic.name();
    }

    /**
     * Sends and waits for the acknowledgement.
     *
     * @throws IntakeUnavailableException when Kafka does not acknowledge in time
     */
    public RecordMetadata publish(FeedbackReceived feedback) {
        try {
            Future<RecordMetadata> ack = producer.send(new ProducerRecord<>(topic.name(), feedback.feedbackId(), feedback));
            return ack.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SerializationException bug) {
                throw bug;
            }
            throw new IntakeUnavailableException("Kafka did not acknowledge petition " + feedback.feedbackId(), e.getCause());
        } catch (TimeoutException e) {
            throw new IntakeUnavailableException("no acknowledgement from Kafka within " + patience, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeUnavailableException("interrupted while waiting for Kafka", e);
        } catch (SerializationException e) {
            throw e;
        } catch (KafkaException e) {
            throw new IntakeUnavailableException("Kafka refused petition " + feedback.feedbackId(), e);
        }
    }

    @PreDestroy
    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
