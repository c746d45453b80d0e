package io.langnghe.ingest.channels;

import io.langnghe.contracts.ContactOptOut;
import io.langnghe.contracts.Topic;
import io.langnghe.contracts.Topics;
import io.langnghe.contracts.kafka.KafkaLogin;
import io.langnghe.ingest.intake.IntakeUnavailableException;
import io.langnghe.ingest.intake.ProducerSettings;
import io.langnghe.text.VietnameseText;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * "STOP" or "HUY" texted or sent on Zalo is not a petition: it ends the ward's messages to that contact.
 * Written to the compacted {@code contact.optouts.v1} keyed by the contact's hash (never the number),
 * acknowledged by Kafka before the resident is told.
 */
@Singleton
public class OptOuts implements AutoCloseable {

    private static final Set<String> STOP_WORDS = Set.of("stop", "huy");

    private final Topic<String, ContactOptOut> topic;
    private final KafkaProducer<String, ContactOptOut> producer;
    private final Duration patience;
    private final Clock clock = Clock.systemUTC();

    public OptOuts(@Value("${kafka.bootstrap.servers}") String bootstrapServers,
                   @Value("${langnghe.topics-prefix:langnghe}") String topicsPrefix, ProducerSettings settings, KafkaLogin login) {
        this.topic = Topics.withPrefix(topicsPrefix).contactOptOuts();
        Map<String, Object> config = new HashMap<>();
        config.putAll(login.clientProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "ingest-service-optouts");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) settings.maxBlock().toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) settings.deliveryTimeout().toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) settings.requestTimeout().toMillis());
        this.producer = new KafkaProducer<>(config, topic.keySerde().serializer(), topic.valueSerde().serializer());
        this.patience = settings.maxBlock().plus(settings.deliveryTimeout()).plusSeconds(1);
    }

    /** "STOP", "stop.", "Hủy", "HUY" and the like: the whole message is the one word. */
    public static boolean isStop(String text) {
        return text != null && STOP_WORDS.contains(VietnameseText.fold(text).replaceAll("[^a-z]", ""));
    }

    public void optOut(String contactHash, String channel) {
        ContactOptOut optOut = new ContactOptOut(ContactOptOut.SCHEMA_VERSION, contactHash, channel, true, clock.instant());
        try {
            producer.send(new ProducerRecord<>(topic.name(), contactHash, optOut)).get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IntakeUnavailableException("Kafka did not acknowledge an opt-out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeUnavailableException("interrupted while waiting for Kafka", e);
        }
    }

    @PreDestroy
    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
