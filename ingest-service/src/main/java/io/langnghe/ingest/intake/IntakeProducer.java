package io.langnghe.ingest.intake;

import io.langnghe.contracts.Topic;
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
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * ingest-service's one acks=all, idempotent producer, configured once: a petition's contact key and the
 * petition itself go through it. One network thread then serves both, and concurrent petitions share
 * produce requests (one petition's key beside another's petition) instead of each write costing a request
 * of its own. A write returns only when every in-sync replica has the record.
 */
@Singleton
public class IntakeProducer implements AutoCloseable {

    private final Producer<byte[], byte[]> producer;
    private final Duration patience;

    public IntakeProducer(@Value("${kafka.bootstrap.servers}") String bootstrapServers, ProducerSettings settings,
                          KafkaLogin login) {
        Map<String, Object> config = login.clientConfig(bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "ingest-service");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) settings.maxBlock().toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) settings.requestTimeout().toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) settings.deliveryTimeout().toMillis());
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) settings.linger().toMillis());
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        // The producer gives up by itself within max.block + delivery timeout; this only guards against a hang.
        this.patience = settings.maxBlock().plus(settings.deliveryTimeout()).plusSeconds(1);
    }

    /**
     * Sends and waits for the acknowledgement. A value that cannot be serialised is a bug and is thrown
     * as such, before anything is sent.
     *
     * @param what names the record in the error, e.g. "petition 42" or "the contact key of 42"
     * @throws IntakeUnavailableException when Kafka does not acknowledge in time
     */
    public <K, V> RecordMetadata write(Topic<K, V> topic, K key, V value, String what) {
        byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
        byte[] valueBytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        try {
            return producer.send(new ProducerRecord<>(topic.name(), keyBytes, valueBytes)).get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IntakeUnavailableException("Kafka did not acknowledge " + what, e.getCause());
        } catch (TimeoutException e) {
            throw new IntakeUnavailableException("no acknowledgement of " + what + " from Kafka within " + patience, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeUnavailableException("interrupted while waiting for Kafka", e);
        } catch (KafkaException e) {
            throw new IntakeUnavailableException("Kafka refused " + what, e);
        }
    }

    @PreDestroy
    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
