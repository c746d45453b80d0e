package io.langnghe.ingest.contact;

import io.langnghe.contracts.Topic;
import io.langnghe.contracts.Topics;
import io.langnghe.contracts.privacy.ContactCipher;
import io.langnghe.contracts.privacy.ContactKey;
import io.langnghe.contracts.privacy.KafkaContactKeys;
import io.langnghe.testsupport.SharedInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The contact keys' follower, as ingest uses it: a key it wrote and remembers is not decoded again when it
 * comes back, yet whatever comes after it on the topic still counts: another writer's key for the same
 * case replaces it, and an erasure reads as erased.
 */
class ContactKeysFollowerTest {

    private static final Instant AT = Instant.parse("2026-03-02T01:15:00Z");

    private Topic<String, ContactKey> topic;
    private KafkaContactKeys keys;
    private KafkaProducer<String, ContactKey> elsewhere;

    @BeforeEach
    void follow() {
        Topics topics = SharedInfrastructure.createTopics(SharedInfrastructure.uniquePrefix());
        topic = topics.contactKeys();
        String kafka = SharedInfrastructure.kafkaBootstrapServers();
        keys = new KafkaContactKeys(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka), topic, Duration.ofSeconds(10));
        elsewhere = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all"),
                topic.keySerde().serializer(), topic.valueSerde().serializer());
        assertThat(keys.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
    }

    @AfterEach
    void stop() {
        elsewhere.close();
        keys.close();
    }

    @Test
    void anotherWritersKeyForTheSameCaseAfterOursIsLearned() throws Exception {
        ContactKey ours = written(ContactCipher.newKey("case-1", AT));
        keys.remember(ours);
        ContactKey theirs = written(ContactCipher.newKey("case-1", AT.plusSeconds(1)));

        await().atMost(Duration.ofSeconds(20)).until(() -> keys.known("case-1").map(ContactKey::key).equals(Optional.of(theirs.key())));
        assertThat(keys.find("case-1")).hasValueSatisfying(k -> assertThat(k.key()).isEqualTo(theirs.key()));
    }

    @Test
    void ourKeyBackFromTheTopicIsStillHeldAndItsErasureReadsAsErased() throws Exception {
        ContactKey ours = written(ContactCipher.newKey("case-2", AT));
        keys.remember(ours);
        assertThat(keys.awaitCaughtUp(Duration.ofSeconds(20))).isTrue();
        assertThat(keys.find("case-2")).hasValueSatisfying(k -> assertThat(k.key()).isEqualTo(ours.key()));

        elsewhere.send(new ProducerRecord<>(topic.name(), "case-2", null)).get();

        await().atMost(Duration.ofSeconds(20)).until(() -> keys.known("case-2").isEmpty());
        assertThat(keys.find("case-2")).isEmpty();
    }

    private ContactKey written(ContactKey key) throws Exception {
        elsewhere.send(new ProducerRecord<>(topic.name(), key.keyId(), key)).get();
        return key;
    }
}
