package io.langnghe.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.search.Login;
import io.langnghe.search.SharedStack;
import io.langnghe.search.TestCases;
import io.langnghe.testsupport.SharedInfrastructure;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A reindex moves every case to a new index behind the same alias, while the service keeps running. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReindexTest implements TestPropertyProvider {

    private final SharedStack stack = new SharedStack();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ElasticsearchClient elasticsearch;

    @Override
    public Map<String, String> getProperties() {
        return stack.properties();
    }

    @AfterAll
    void close() {
        stack.close();
    }

    @Test
    void everyCaseIsFoundInTheNewIndexAndTheIndexerKeepsWritingToTheAlias() throws Exception {
        String leader = Login.token(client, "lanhdao");
        List<CaseState> cases = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            cases.add(TestCases.caseState().text("Cống số " + i + " bị tắc").build());
        }
        CaseState updated = TestCases.caseState().caseId(cases.get(0).caseId()).version(2)
                .trackingCode(cases.get(0).trackingCode()).status(CaseStatus.IN_PROGRESS).build();
        for (CaseState state : cases) {
            stack.publish(state);
        }
        stack.publish(updated);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> total(leader) == 30);
        CasesIndex index = CasesIndex.withPrefix(stack.prefix());
        List<Reindexer.Progress> shown = new ArrayList<>();

        Reindexer.Outcome outcome = new Reindexer(elasticsearch, index, SharedInfrastructure.kafkaBootstrapServers(),
                stack.topics().cases(), Clock.systemUTC()).run(shown::add);

        assertThat(outcome.removedIndices()).containsExactly(index.current());
        assertThat(outcome.read()).isEqualTo(31);
        assertThat(shown).isNotEmpty();
        assertThat(shown.get(shown.size() - 1).indexed()).isEqualTo(31);
        assertThat(elasticsearch.indices().getAlias(a -> a.name(index.alias())).result().keySet())
                .containsExactly(outcome.newIndex());
        assertThat(outcome.newIndex()).startsWith(index.alias() + "-v1-");
        assertThat(elasticsearch.indices().exists(e -> e.index(index.current())).value()).isFalse();
        // loaded without refreshes, then refreshed as the template says, like the index it replaced
        assertThat(elasticsearch.indices().getSettings(g -> g.index(outcome.newIndex())).result().get(outcome.newIndex())
                .settings().index().refreshInterval().time()).isEqualTo("500ms");
        assertThat(total(leader)).isEqualTo(30);
        for (CaseState state : cases) {
            JsonNode found = client.toBlocking().retrieve(
                    HttpRequest.GET("/api/cases/" + state.caseId()).bearerAuth(leader), JsonNode.class);
            assertThat(found.path("caseId").asText()).isEqualTo(state.caseId());
        }
        assertThat(client.toBlocking().retrieve(HttpRequest.GET("/api/cases/" + updated.caseId()).bearerAuth(leader),
                JsonNode.class).path("status").asText()).isEqualTo("in_progress");

        CaseState afterwards = TestCases.caseState().text("Đèn đường hỏng sau khi đổi chỉ mục").build();
        stack.publish(afterwards);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> total(leader) == 31);
        assertThat(elasticsearch.get(g -> g.index(outcome.newIndex()).id(afterwards.caseId()), CaseDocument.class).found())
                .isTrue();
    }

    private long total(String token) {
        return client.toBlocking().retrieve(HttpRequest.GET("/api/cases?size=1").bearerAuth(token), JsonNode.class)
                .path("total").asLong();
    }
}
