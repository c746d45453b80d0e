package io.langnghe.testsupport;

import io.langnghe.contracts.Contact;
import io.langnghe.contracts.Topics;
import io.langnghe.contracts.privacy.ContactDetails;
import io.langnghe.contracts.privacy.DisclosedContact;
import io.langnghe.contracts.privacy.KafkaContactKeys;
import org.apache.kafka.clients.consumer.ConsumerConfig;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens the contacts a test's services sealed, with the keys on the test's own {@code contact.keys.v1}:
 * what a reader holding the keys would see.
 */
public final class SealedContacts implements AutoCloseable {

    private static final Map<String, SealedContacts> OF_PREFIX = new ConcurrentHashMap<>();

    private final KafkaContactKeys keys;

    /** One reader of each test's key topic, kept for the test JVM's life (its thread is a daemon). */
    public static SealedContacts of(Topics topics) {
        return OF_PREFIX.computeIfAbsent(topics.contactKeys().name(), name -> new SealedContacts(topics));
    }

    public SealedContacts(Topics topics) {
        this.keys = new KafkaContactKeys(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers()),
                topics.contactKeys(), Duration.ofSeconds(10));
    }

    /** The contact and address in clear, as sealed or as given in clear. */
    public ContactDetails open(Contact contact, String clearAddress) {
        return disclose(contact, clearAddress).details();
    }

    public DisclosedContact disclose(Contact contact, String clearAddress) {
        return keys.disclose(contact, clearAddress);
    }

    @Override
    public void close() {
        keys.close();
    }
}
