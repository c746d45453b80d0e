package io.langnghe.testsupport;

import io.langnghe.contracts.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs wherever the build runs: without Docker it proves that the local stack's servers start and work. */
class SharedInfrastructureTest {

    @Test
    void aRecordWrittenToTheSharedKafkaIsReadBack() throws Exception {
        String prefix = SharedInfrastructure.uniquePrefix();
        Topics topics = SharedInfrastructure.createTopics(prefix);
        String topic = topics.feedbackReceived().name();

        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, "f-1", "{\"text\":\"Cống bị tắc\"}")).get(30, TimeUnit.SECONDS);
        }

        var records = SharedInfrastructure.topicProbe().awaitRecords(topic, 1, Duration.ofSeconds(30));
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("f-1");
            assertThat(record.value()).isEqualTo("{\"text\":\"Cống bị tắc\"}");
        });
        assertThat(SharedInfrastructure.topicProbe().count(topics.alerts().name(), Duration.ofSeconds(10))).isZero();
    }

    @Test
    void creatingTheTopicsTwiceIsHarmless() {
        String prefix = SharedInfrastructure.uniquePrefix();
        SharedInfrastructure.createTopics(prefix);
        Topics again = SharedInfrastructure.createTopics(prefix);

        assertThat(SharedInfrastructure.topicProbe().readAll(again.cases().name(), Duration.ofSeconds(10))).isEmpty();
    }

    @Test
    void theSharedElasticsearchReportsAUsableCluster() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(SharedInfrastructure.elasticsearchUrl() + "/_cluster/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).containsAnyOf("\"status\":\"green\"", "\"status\":\"yellow\"");
    }

    @Test
    void prefixesAreFreshLowercaseWords() {
        assertThat(SharedInfrastructure.uniquePrefix()).matches("t[0-9a-f]{8}")
                .isNotEqualTo(SharedInfrastructure.uniquePrefix());
    }
}
