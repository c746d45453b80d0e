package io.langnghe.search.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.DeadLetter;
import io.langnghe.contracts.JsonSerde;
import io.langnghe.search.SharedStack;
import io.langnghe.search.TestCases;
import io.langnghe.search.index.IndexSetup;
import io.langnghe.testsupport.SharedInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A case Elasticsearch refuses for good (a batch id longer than a keyword can hold) goes to the index's
 * dead letters with Elasticsearch's reason; the cases around it are indexed and everything is committed.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexRefusalTest implements TestPropertyProvider {

    private final SharedStack stack = new SharedStack();

    @Inject
    ElasticsearchClient elasticsearch;

    @Inject
    IndexSetup indexSetup;

    @Inject
    KafkaSettings kafka;

    @Inject
    MeterRegistry metrics;

    @Override
    public Map<String, String> getProperties() {
        return stack.properties();
    }

    @AfterAll
    void close() {
        stack.close();
    }

    @Test
    void aCaseRefusedForGoodIsSetAsideAndTheCasesBehindItAreIndexed() throws Exception {
        CaseState before = TestCases.caseState().build();
        CaseState refused = TestCases.caseState().batchId("x".repeat(40_000)).build();
        CaseState after = TestCases.caseState().build();

        stack.publish(before);
        long refusedAt = stack.publish(refused).offset();
        stack.publish(after);

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> found(before) && found(after));
        List<ConsumerRecord<String, String>> letters = SharedInfrastructure.topicProbe()
                .awaitRecords(stack.topics().indexDlq().name(), 1, Duration.ofSeconds(30));
        assertThat(letters).hasSize(1);
        DeadLetter letter = new JsonSerde<>(DeadLetter.class).deserializer()
                .deserialize("", letters.get(0).value().getBytes(StandardCharsets.UTF_8));
        assertThat(letters.get(0).key()).isEqualTo(refused.caseId());
        assertThat(letter.sourceTopic()).isEqualTo(stack.topics().cases().name());
        assertThat(letter.offset()).as("the refused record's own offset in its partition").isEqualTo(refusedAt);
        assertThat(letter.error()).startsWith("Elasticsearch refused " + refused.caseId() + ": 400 ")
                .contains("batchId");
        assertThat(found(refused)).isFalse();
        assertThat(metrics.counter("langnghe.search.cases.refused").count()).isEqualTo(1.0);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> committed(admin) == 3L);
        }
    }

    private boolean found(CaseState state) throws Exception {
        return elasticsearch.get(g -> g.index(indexSetup.index().alias()).id(state.caseId()), Map.class).found();
    }

    private long committed(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(kafka.indexerGroupId())
                .partitionsToOffsetAndMetadata().get();
        // the read model's one group commits issues and alerts too: the cases' partitions alone
        return offsets.entrySet().stream()
                .filter(e -> e.getKey().topic().equals(kafka.topics().cases().name()) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }
}
