package io.langnghe.ingest.contact;

import io.langnghe.contracts.Contact;
import io.langnghe.contracts.Topic;
import io.langnghe.contracts.Topics;
import io.langnghe.contracts.kafka.KafkaLogin;
import io.langnghe.contracts.privacy.ContactCipher;
import io.langnghe.contracts.privacy.ContactDetails;
import io.langnghe.contracts.privacy.ContactKey;
import io.langnghe.contracts.privacy.KafkaContactKeys;
import io.langnghe.ingest.intake.IntakeProducer;
import io.langnghe.ingest.intake.IntakeUnavailableException;
import io.langnghe.ingest.intake.ProducerSettings;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

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
    private final IntakeProducer producer;
    private final KafkaContactKeys known;
    private final Duration patience;
    private final Clock clock = Clock.systemUTC();
    private final Executor blocking;

    public ContactSealer(@Value("${kafka.bootstrap.servers}") String bootstrapServers,
                         @Value("${langnghe.topics-prefix:langnghe}") String topicsPrefix,
                         ProducerSettings settings, KafkaLogin login, IntakeProducer producer,
                         @Named(TaskExecutors.BLOCKING) Executor blocking) {
        this.blocking = blocking;
        this.topic = Topics.withPrefix(topicsPrefix).contactKeys();
        this.producer = producer;
        this.patience = settings.maxBlock().plus(settings.deliveryTimeout()).plusSeconds(1);
        Map<String, Object> keysConfig = login.clientConfig(bootstrapServers);
        keysConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingest-service-keys");
        keysConfig.put(ConsumerConfig.ENABLE_METRICS_PUSH_CONFIG, false);
        this.known = new KafkaContactKeys(keysConfig, topic, Duration.ofSeconds(5));
    }

    /**
     * The contact with name, phone, e-mail, Zalo id and the address sealed under the key {@code caseId};
     * unchanged when it holds nothing that identifies the resident.
     *
     * @throws IntakeUnavailableException when Kafka does not acknowledge the key in time
     */
    public Contact seal(String caseId, Contact contact, String address) {
        return producer.await(sealAsync(caseId, contact, address));
    }

    /** As {@link #seal}, completing once the key (when a new one was needed) is acknowledged. */
    public CompletableFuture<Contact> sealAsync(String caseId, Contact contact, String address) {
        Contact given = contact == null ? Contact.none() : contact;
        ContactDetails details = new ContactDetails(given.name(), given.phone(), given.email(), given.zaloUserId(), address);
        if (details.isEmpty()) {
            return CompletableFuture.completedFuture(contact);
        }
        if (!known.caughtUpOnce()) {
            // just started: a resend of a petition filed before the restart must find the key it was sealed with
            return CompletableFuture.runAsync(() -> known.awaitCaughtUp(patience), blocking)
                    .thenCompose(caughtUp -> sealed(caseId, given, details));
        }
        return sealed(caseId, given, details);
    }

    private CompletableFuture<Contact> sealed(String caseId, Contact given, ContactDetails details) {
        Optional<ContactKey> reused = known.known(caseId);
        ContactKey key = reused.orElseGet(() -> ContactCipher.newKey(caseId, clock.instant()));
        // Sealed here, on the caller's thread: the acknowledgement arrives on the producer's one network thread,
        // which serves every petition and should only hand it on. The sealed contact is released only once the key is stored.
        Contact sealed = given.withSealed(ContactCipher.seal(details, key));
        return reused.isPresent() ? CompletableFuture.completedFuture(sealed) : publish(key).thenApply(stored -> sealed);
    }

    private CompletableFuture<ContactKey> publish(ContactKey key) {
        return producer.writeAsync(topic, key.keyId(), key, "the contact key of " + key.keyId())
                .thenApply(acknowledged -> {
                    known.remember(key);
                    return key;
                });
    }

    @PreDestroy
    @Override
    public void close() {
        known.close();
    }
}
