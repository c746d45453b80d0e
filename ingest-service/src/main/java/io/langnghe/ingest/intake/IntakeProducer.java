package io.langnghe.ingest.intake;

import io.langnghe.contracts.Topic;
import io.langnghe.contracts.kafka.KafkaLogin;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * ingest-service's one acks=all, idempotent producer, configured once: a petition's contact key and the
 * petition itself go through it. One network thread then serves both, and concurrent petitions share
 * produce requests (one petition's key beside another's petition) instead of each write costing a request
 * of its own. A write completes only when every in-sync replica has the record.
 *
 * <p>{@link #writeAsync} parks no thread while Kafka answers: the acknowledgement completes the future on
 * the producer's network thread. {@code send} itself may block (up to max.block) only while it fetches a
 * topic's metadata; so a topic not acknowledged lately is sent from the blocking executor, never from the
 * caller's (an event loop, a network thread), and one acknowledged lately from the caller's thread.
 */
@Singleton
public class IntakeProducer implements AutoCloseable {

    /** Well within the producer's metadata.max.idle.ms (5 min), after which it forgets an idle topic. */
    private static final long METADATA_FRESH_NANOS = Duration.ofMinutes(1).toNanos();

    private final Producer<byte[], byte[]> producer;
    private final Duration patience;
    private final Executor blocking;
    private final Map<String, Long> acknowledgedAt = new ConcurrentHashMap<>();

    public IntakeProducer(@Value("${kafka.bootstrap.servers}") String bootstrapServers, ProducerSettings settings,
                          KafkaLogin login, @Named(TaskExecutors.BLOCKING) Executor blocking) {
        this.blocking = blocking;
        Map<String, Object> config = login.clientConfig(bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "ingest-service");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) settings.maxBlock().toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) settings.requestTimeout().toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) settings.deliveryTimeout().toMillis());
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) settings.linger().toMillis());
        // Client metrics pushed to the broker (KIP-714) need a broker plugin this pipeline does not use; left on,
        // the network thread still formats a telemetry message on every poll, 6% of its time at 200 petitions/s.
        config.put(ProducerConfig.ENABLE_METRICS_PUSH_CONFIG, false);
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
        return await(writeAsync(topic, key, value, what));
    }

    /**
     * Sends, and completes once every in-sync replica has the record, or with an
     * {@link IntakeUnavailableException} when Kafka does not acknowledge in time.
     */
    public <K, V> CompletableFuture<RecordMetadata> writeAsync(Topic<K, V> topic, K key, V value, String what) {
        byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
        byte[] valueBytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic.name(), keyBytes, valueBytes);
        CompletableFuture<RecordMetadata> acknowledged = new CompletableFuture<>();
        if (metadataFresh(topic.name())) {
            // Once send has taken the record, the producer answers within delivery.timeout.ms by itself (KIP-91):
            // a timer of our own per record would only wake the JDK's delay thread twice per petition.
            send(record, what, acknowledged);
        } else {
            blocking.execute(() -> send(record, what, acknowledged));
            // A send that waits for metadata gives up within max.block by itself; this only guards against a hang.
            acknowledged.orTimeout(patience.toMillis(), TimeUnit.MILLISECONDS);
        }
        return acknowledged.exceptionallyCompose(e -> CompletableFuture.failedFuture(unavailable(e, what)));
    }

    /** The value of a write (or of what follows it), as {@link #write} throws it. */
    public <T> T await(CompletableFuture<T> written) {
        try {
            return written.get(patience.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IntakeUnavailableException("Kafka did not acknowledge", e.getCause());
        } catch (TimeoutException e) {
            throw new IntakeUnavailableException("no acknowledgement from Kafka within " + patience, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeUnavailableException("interrupted while waiting for Kafka", e);
        }
    }

    private void send(ProducerRecord<byte[], byte[]> record, String what, CompletableFuture<RecordMetadata> acknowledged) {
        try {
            producer.send(record, (metadata, e) -> {
                if (e != null) {
                    acknowledgedAt.remove(record.topic());
                    acknowledged.completeExceptionally(new IntakeUnavailableException("Kafka did not acknowledge " + what, e));
                } else {
                    acknowledgedAt.put(record.topic(), System.nanoTime());
                    acknowledged.complete(metadata);
                }
            });
        } catch (KafkaException e) {
            acknowledgedAt.remove(record.topic());
            acknowledged.completeExceptionally(new IntakeUnavailableException("Kafka refused " + what, e));
        }
    }

    private boolean metadataFresh(String topic) {
        Long at = acknowledgedAt.get(topic);
        return at != null && System.nanoTime() - at < METADATA_FRESH_NANOS;
    }

    private IntakeUnavailableException unavailable(Throwable e, String what) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof IntakeUnavailableException unavailable) {
            return unavailable;
        }
        if (cause instanceof TimeoutException) {
            return new IntakeUnavailableException("no acknowledgement of " + what + " from Kafka within " + patience, cause);
        }
        return new IntakeUnavailableException("Kafka refused " + what, cause);
    }

    @PreDestroy
    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
