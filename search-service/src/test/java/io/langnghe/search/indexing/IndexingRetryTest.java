package io.langnghe.search.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.langnghe.contracts.CaseState;
import io.langnghe.search.SharedStack;
import io.langnghe.search.TestCases;
import io.langnghe.search.index.CasesIndex;
import io.langnghe.search.index.IndexSetup;
import io.langnghe.testsupport.SharedInfrastructure;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** When Elasticsearch refuses a batch, the indexer keeps it uncommitted and writes it once it can. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexingRetryTest implements TestPropertyProvider {

    private final SharedStack stack = new SharedStack();

    @Inject
    ElasticsearchClient elasticsearch;

    @Inject
    IndexSetup indexSetup;

    @Inject
    KafkaSettings kafka;

    @Override
    public Map<String, String> getProperties() {
        return stack.properties();
    }

    @AfterAll
    void close() {
        stack.close();
    }

    @Test
    void aCaseWrittenWhileTheIndexIsClosedIsIndexedOnceItReopensAndOnlyThenCommitted() throws Exception {
        CasesIndex index = indexSetup.index();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> elasticsearch.indices().existsAlias(a -> a.name(index.alias())).value());
        elasticsearch.indices().close(c -> c.index(index.current()));
        CaseState state = TestCases.caseState().build();

        stack.publish(state);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers()))) {
            // Let the indexer fail a few times: nothing may be committed meanwhile.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> committed(admin) == 0L);

            elasticsearch.indices().open(o -> o.index(index.current()));

            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> elasticsearch.get(g -> g.index(index.alias()).id(state.caseId()), Map.class).found());
            await().atMost(Duration.ofSeconds(10)).until(() -> committed(admin) == 1L);
        }
    }

    /** The indexer's committed offsets summed over the partitions of cases.v1 (0 when none yet). */
    private long committed(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(kafka.indexerGroupId())
                .partitionsToOffsetAndMetadata().get();
        // the read model's one group commits issues and alerts too: the cases' partitions alone
        return offsets.entrySet().stream()
                .filter(e -> e.getKey().topic().equals(kafka.topics().cases().name()) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }
}
