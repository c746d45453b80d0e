package io.langnghe.search.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.kafka.ServicePrincipal;
import io.langnghe.search.SharedStack;
import io.langnghe.search.TestCases;
import io.langnghe.search.index.IndexSetup;
import io.langnghe.testsupport.SharedInfrastructure;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker refusing the indexer's polls (here its read right on {@code cases.v1} taken away, as a
 * mistaken ACL change would) does not end the indexer: it keeps polling with back-off, commits nothing
 * meanwhile, and the cases written meanwhile are searchable once the right is back, with no restart.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PollRefusedTest implements TestPropertyProvider {

    private final SharedStack stack = new SharedStack();
    private final String operator = SharedInfrastructure.securedKafka().operatorBootstrapServers();

    @Inject
    ElasticsearchClient elasticsearch;

    @Inject
    IndexSetup indexSetup;

    @Inject
    ReadModelIndexer indexer;

    @Inject
    KafkaSettings kafka;

    @Override
    public Map<String, String> getProperties() {
        // the service logs in as search-service, so the broker's ACLs apply to it
        Map<String, String> properties = new HashMap<>(stack.properties());
        SharedInfrastructure.serviceKafkaProperties(ServicePrincipal.SEARCH).forEach((name, value) -> properties.put(name, String.valueOf(value)));
        // polls again within 2 s once the right is back, rather than after the 30 s a long outage earns
        properties.put("langnghe.indexer.max-retry-delay", "2s");
        return properties;
    }

    @AfterAll
    void close() {
        stack.close();
    }

    @Test
    void casesWrittenWhileTheBrokerRefusesThePollsAreIndexedOnceItAllowsThemAgain() throws Exception {
        AclBinding readCases = new AclBinding(new ResourcePattern(ResourceType.TOPIC, stack.topics().cases().name(), PatternType.LITERAL),
                new AccessControlEntry(ServicePrincipal.SEARCH.principal(), "*", AclOperation.READ, AclPermissionType.ALLOW));
        CaseState before = TestCases.caseState().caseId("fb-before").build();
        CaseState during = TestCases.caseState().caseId("fb-during").build();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, operator))) {
            publish(before);
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> indexed(before));

            await().atMost(Duration.ofSeconds(10)).until(() -> committed(admin) == 1L);

            admin.deleteAcls(List.of(readCases.toFilter())).all().get(30, TimeUnit.SECONDS);
            publish(during);
            // refused for a while: nothing more is committed (a fetch already under way may still bring the case
            // to Elasticsearch, then its commit is refused), and the indexer thread lives on
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                    .until(() -> committed(admin) == 1L && indexer.progress().running());

            admin.createAcls(List.of(readCases)).all().get(30, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> indexed(during) && committed(admin) == 2L);
            assertThat(indexer.progress().running()).isTrue();
        }
    }

    private void publish(CaseState state) throws Exception {
        try (KafkaProducer<String, CaseState> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, operator, ProducerConfig.ACKS_CONFIG, "all"),
                stack.topics().cases().keySerde().serializer(), stack.topics().cases().valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(stack.topics().cases().name(), state.caseId(), state)).get();
        }
    }

    /** The indexer's committed offsets summed over the partitions of cases.v1 (0 when none yet). */
    private long committed(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(kafka.indexerGroupId()).partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS);
        // the read model's one group commits issues and alerts too: the cases' partitions alone
        return offsets.entrySet().stream()
                .filter(e -> e.getKey().topic().equals(kafka.topics().cases().name()) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    private boolean indexed(CaseState state) throws Exception {
        return elasticsearch.get(g -> g.index(indexSetup.index().alias()).id(state.caseId()), Map.class).found();
    }
}
