package io.langnghe.ingest.contact;

import io.langnghe.contracts.Contact;
import io.langnghe.contracts.Topic;
import io.langnghe.contracts.Topics;
import io.langnghe.contracts.kafka.KafkaLogin;
import io.langnghe.contracts.privacy.ContactCipher;
import io.langnghe.contracts.privacy.ContactDetails;
import io.langnghe.contracts.privacy.ContactKey;
import io.langnghe.contracts.privacy.KafkaContactKeys;
import io.langnghe.ingest.intake.IntakeUnavailableException;
import io.langnghe.ingest.intake.ProducerSettings;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Seals a resident's contact and address with their case's own key before the petition reaches Kafka
 * (Decree 13/2023/ND-CP): the key goes to the compacted {@code contact.keys.v1} first, acknowledged by
 * every in-sync replica, so no petition is ever stored whose key is not. A resend of the same petition
 * (same case id) reuses the key this instance already knows, so the copy routing-streams keeps stays
 * readable.
 */
@Singleton
public class ContactSealer implements AutoCloseable {

    private final Topic<String, ContactKey> topic;
    private final Producer<String, ContactKey> producer;
    private final KafkaContactKeys known;
    private final Duration patience;
    private final Clock clock = Clock.systemUTC();

    public ContactSealer(@Value("${kafka.bootstrap.servers}") String bootstrapServers,
                         @Value("${langnghe.topics-prefix:langnghe}") String topicsPrefix,
                         ProducerSettings settings, KafkaLogin login) {
        this.topic = Topics.withPrefix(topicsPrefix).contactKeys();
        Map<String, Object> config = new HashMap<>(login.clientProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "ingest-service-keys");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) settings.maxBlock().toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) settings.requestTimeout().toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) settings.deliveryTimeout().toMillis());
        this.producer = new KafkaProducer<>(config, topic.keySerde().serializer(), topic.valueSerde().serializer());
        this.patience = settings.maxBlock().plus(settings.deliveryTimeout()).plusSeconds(1);
        Map<String, Object> keysConfig = new HashMap<>(login.clientProperties());
        keysConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        keysConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingest-service-keys");
        this.known = new KafkaContactKeys(keysConfig, topic, Duration.ofSeconds(5));
    }

    /**
     * The contact with name, phone, e-mail, Zalo id and the address sealed under the key {@code caseId};
     * unchanged when it holds nothing that identifies the resident.
     *
     * @throws IntakeUnavailableException when Kafka does not acknowledge the key in time
     */
    public Contact seal(String caseId, Contact contact, String address) {
        Contact given = contact == null ? Contact.none() : contact;
        ContactDetails details = new ContactDetails(given.name(), given.phone(), given.email(), given.zaloUserId(), address);
        if (details.isEmpty()) {
            return contact;
        }
        if (!known.caughtUpOnce()) {
            // just started: a resend of a petition filed before the restart must find the key it was sealed with
            known.awaitCaughtUp(patience);
        }
        ContactKey key = known.known(caseId).orElseGet(() -> publish(ContactCipher.newKey(caseId, clock.instant())));
        return given.withSealed(ContactCipher.seal(details, key));
    }

    private ContactKey publish(ContactKey key) {
        try {
            producer.send(new ProducerRecord<>(topic.name(), key.keyId(), key)).get(patience.toMillis(), TimeUnit.MILLISECONDS);
            known.remember(key);
            return key;
        } catch (ExecutionException e) {
            throw new IntakeUnavailableException("Kafka did not acknowledge the contact key of " + key.keyId(), e.getCause());
        } catch (TimeoutException e) {
            throw new IntakeUnavailableException("no acknowledgement of a contact key from Kafka within " + patience, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeUnavailableException("interrupted while waiting for Kafka", e);
        } catch (KafkaException e) {
            throw new IntakeUnavailableException("Kafka refused the contact key of " + key.keyId(), e);
        }
    }

    @PreDestroy
    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        known.close();
    }
}
