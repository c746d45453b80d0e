package io.langnghe.testsupport;

import io.langnghe.contracts.Topics;
import io.langnghe.contracts.kafka.KafkaLogin;
import io.langnghe.contracts.kafka.ServicePrincipal;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The broker's doors, tried on the real broker's SASL listener as each service would: a service writes
 * what its job needs and is refused the rest, so a stolen ingest password cannot forge an officer's
 * command or read the cases with their contacts, and a wrong password gets nothing.
 */
class KafkaAccessTest {

    private static Topics topics;

    @BeforeAll
    static void topicsWithAccess() {
        topics = SharedInfrastructure.createTopics(SharedInfrastructure.uniquePrefix());
        // ACLs and users reach the broker through its metadata log: wait until ingest may write its own topic
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> write(ServicePrincipal.INGEST, topics.feedbackReceived().name()));
    }

    @Test
    void ingestServiceWritesPetitionsButNotCommands() {
        assertThat(write(ServicePrincipal.INGEST, topics.feedbackReceived().name())).isTrue();

        assertThatThrownBy(() -> write(ServicePrincipal.INGEST, topics.caseCommands().name()))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> write(ServicePrincipal.INGEST, topics.cases().name()))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void ingestServiceCannotReadTheCases() {
        assertThatThrownBy(() -> readFromStart(ServicePrincipal.INGEST, topics.cases().name()))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void searchServiceWritesCommandsAndAcknowledgementsButNotCases() {
        assertThat(write(ServicePrincipal.SEARCH, topics.caseCommands().name())).isTrue();
        assertThat(write(ServicePrincipal.SEARCH, topics.alertAcks().name())).isTrue();
        assertThat(readFromStart(ServicePrincipal.SEARCH, topics.cases().name())).isNotNegative();

        assertThatThrownBy(() -> write(ServicePrincipal.SEARCH, topics.cases().name()))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> write(ServicePrincipal.SEARCH, topics.alerts().name()))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void onlyRoutingStreamsWritesCasesAndAlerts() {
        assertThat(write(ServicePrincipal.ROUTING, topics.cases().name())).isTrue();
        assertThat(write(ServicePrincipal.ROUTING, topics.alerts().name())).isTrue();

        assertThatThrownBy(() -> write(ServicePrincipal.NOTIFICATION, topics.cases().name()))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> properties = new HashMap<>(SharedInfrastructure.kafkaClientProperties(ServicePrincipal.INGEST));
        properties.putAll(KafkaLogin.scram(ServicePrincipal.INGEST.user(), "not-the-password").clientProperties());

        assertThatThrownBy(() -> write(properties, topics.feedbackReceived().name()))
                .hasRootCauseInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void noLoginAtAllIsRefusedOnTheServicesListener() {
        Map<String, Object> properties = new HashMap<>(SharedInfrastructure.kafkaClientProperties(ServicePrincipal.INGEST));
        properties.putAll(KafkaLogin.plaintext().clientProperties());
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);

        // a PLAINTEXT client on a SASL listener never gets its metadata: the send times out instead of landing
        assertThatThrownBy(() -> write(properties, topics.feedbackReceived().name()))
                .hasRootCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
    }

    private static boolean write(ServicePrincipal principal, String topic) {
        return write(SharedInfrastructure.kafkaClientProperties(principal), topic);
    }

    private static boolean write(Map<String, Object> login, String topic) {
        Map<String, Object> properties = new HashMap<>(login);
        properties.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (var producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k-1", "{\"text\":\"Đèn đường hỏng\"}")).get(20, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            throw new IllegalStateException("refused: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the topic from its start without a consumer group; returns how many records it found. */
    private static int readFromStart(ServicePrincipal principal, String topic) {
        Map<String, Object> properties = new HashMap<>(SharedInfrastructure.kafkaClientProperties(principal));
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        try (var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1), new TopicPartition(topic, 2));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            return consumer.poll(Duration.ofSeconds(2)).count();
        }
    }
}
