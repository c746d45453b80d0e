package io.langnghe.search.issues;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.langnghe.search.index.CasesIndex;
import io.langnghe.search.index.ElasticsearchFactory;
import io.langnghe.search.index.IndexSetup;
import io.langnghe.testsupport.SharedInfrastructure;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issues index is refreshed only while it is searched (Elasticsearch's default refresh), in a new
 * deployment and in one whose index was made by the first template, which refreshed it every second.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IssuesIndexRefreshTest {

    private RestClient rest;
    private ElasticsearchClient elasticsearch;

    @BeforeAll
    void connect() {
        rest = RestClient.builder(HttpHost.create(SharedInfrastructure.elasticsearchUrl())).build();
        elasticsearch = ElasticsearchFactory.client(rest);
    }

    @AfterAll
    void close() throws Exception {
        rest.close();
    }

    @Test
    void aNewIssuesIndexNamesNoRefreshInterval() throws Exception {
        CasesIndex index = CasesIndex.named(SharedInfrastructure.uniquePrefix(), "issues");

        new IndexSetup(elasticsearch, index, IssuesIndex.TEMPLATE_RESOURCE).ensure();

        assertThat(refreshInterval(index)).isNull();
    }

    @Test
    void anIssuesIndexOfTheFirstTemplateLeavesItsRefreshEverySecondOnUpgrade() throws Exception {
        CasesIndex index = CasesIndex.named(SharedInfrastructure.uniquePrefix(), "issues");
        // what the first template made: an index refreshed every second whether searched or not
        elasticsearch.indices().putIndexTemplate(t -> t.name(index.template()).indexPatterns(index.pattern()).version(1L)
                .template(tt -> tt.settings(s -> s.refreshInterval(r -> r.time("1s")))));
        elasticsearch.indices().create(c -> c.index(index.current()).aliases(index.alias(), a -> a.isWriteIndex(true)));
        assertThat(refreshInterval(index)).isEqualTo("1s");

        new IndexSetup(elasticsearch, index, IssuesIndex.TEMPLATE_RESOURCE).ensure();

        assertThat(refreshInterval(index)).isNull();
        assertThat(elasticsearch.indices().getIndexTemplate(g -> g.name(index.template())).indexTemplates().get(0)
                .indexTemplate().version()).isEqualTo(2L);
    }

    /** The interval set on the index itself, null when it follows Elasticsearch's default. */
    private String refreshInterval(CasesIndex index) throws Exception {
        var settings = elasticsearch.indices().getSettings(g -> g.index(index.current())).result().get(index.current()).settings();
        if (settings == null || settings.index() == null || settings.index().refreshInterval() == null) {
            return null;
        }
        return settings.index().refreshInterval().time();
    }
}
