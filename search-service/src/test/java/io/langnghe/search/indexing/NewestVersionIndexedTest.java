package io.langnghe.search.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import io.langnghe.search.SharedStack;
import io.langnghe.search.TestCases;
import io.langnghe.search.index.IndexSetup;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.langnghe.testsupport.SharedInfrastructure;
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

/**
 * A case that changes many times in a moment (an issue growing, officers acting) ends up in the index
 * as its newest version, and a case erased right after its last change is gone, on the real servers.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewestVersionIndexedTest implements TestPropertyProvider {

    private final SharedStack stack = new SharedStack();

    @Inject
    ElasticsearchClient elasticsearch;

    @Inject
    IndexSetup indexSetup;

    @Inject
    KafkaSettings kafka;

    /** Records this class put on cases.v1, so a test knows when the indexer has committed past all of them. */
    private int published;

    @Override
    public Map<String, String> getProperties() {
        return stack.properties();
    }

    @AfterAll
    void close() {
        stack.close();
    }

    @Test
    void aCaseChangedSixTimesInAMomentIsSearchedAsItsSixthVersion() throws Exception {
        for (int version = 1; version <= 6; version++) {
            stack.publish(TestCases.caseState().caseId("busy-case").version(version).text("Cống tắc ngõ 45, lần " + version).build());
            published++;
        }

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            GetResponse<Map> found = elasticsearch.get(g -> g.index(indexSetup.index().alias()).id("busy-case"), Map.class);
            assertThat(found.version()).isEqualTo(6L);
            assertThat(found.source()).containsEntry("text", "Cống tắc ngõ 45, lần 6");
        });
    }

    @Test
    void aCaseErasedRightAfterItsLastChangeIsNotInTheIndex() throws Exception {
        stack.publish(TestCases.caseState().caseId("erased-case").version(1).build());
        stack.publish(TestCases.caseState().caseId("erased-case").version(2).build());
        stack.publishRaw("erased-case", null);
        published += 3;

        // committed past the tombstone means Elasticsearch confirmed the whole bulk it was in
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> committed(admin) == published);
        }
        assertThat(elasticsearch.get(g -> g.index(indexSetup.index().alias()).id("erased-case"), Map.class).found()).isFalse();
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
