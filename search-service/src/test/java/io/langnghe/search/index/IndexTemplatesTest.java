package io.langnghe.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import io.langnghe.search.issues.IssuesIndex;
import io.langnghe.testsupport.SharedInfrastructure;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An index made by an older template follows the newer one at the service's start, without a reindex. The
 * issues index is refreshed only while it is searched (Elasticsearch's default refresh), in a new deployment
 * and in one made by the first template, which refreshed it every second; the cases index no longer builds
 * clusterId's global ordinals (one entry per issue ever kept) at every refresh.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexTemplatesTest {

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

    @Test
    void aCasesIndexOfTemplateSixStopsBuildingTheIssuesOrdinalsAtEachRefresh() throws Exception {
        CasesIndex index = CasesIndex.withPrefix(SharedInfrastructure.uniquePrefix());
        // what template 6 made: clusterId's global ordinals built at every refresh
        elasticsearch.indices().putIndexTemplate(t -> t.name(index.template()).indexPatterns(index.pattern()).version(6L)
                .template(tt -> tt.mappings(m -> m.properties("clusterId", p -> p.keyword(k -> k.eagerGlobalOrdinals(true))))));
        elasticsearch.indices().create(c -> c.index(index.current()).aliases(index.alias(), a -> a.isWriteIndex(true)));
        assertThat(eagerOrdinals(index, "clusterId")).isTrue();

        new IndexSetup(elasticsearch, index, "/elasticsearch/cases-template.json").ensure();

        assertThat(eagerOrdinals(index, "clusterId")).isFalse();
        // the fields the dashboard and the queue group by keep theirs: few values, whatever the history
        assertThat(eagerOrdinals(index, "department")).isTrue();
        assertThat(eagerOrdinals(index, "area")).isTrue();
    }

    @Test
    void aCasesIndexOfTemplateSevenIsRefreshedEveryHalfSecondOnUpgrade() throws Exception {
        CasesIndex index = CasesIndex.withPrefix(SharedInfrastructure.uniquePrefix());
        // what template 7 made: a case waited up to a second after it was indexed before officers could find it
        elasticsearch.indices().putIndexTemplate(t -> t.name(index.template()).indexPatterns(index.pattern()).version(7L)
                .template(tt -> tt.settings(s -> s.refreshInterval(r -> r.time("1s")))));
        elasticsearch.indices().create(c -> c.index(index.current()).aliases(index.alias(), a -> a.isWriteIndex(true)));
        assertThat(refreshInterval(index)).isEqualTo("1s");

        new IndexSetup(elasticsearch, index, "/elasticsearch/cases-template.json").ensure();

        assertThat(refreshInterval(index)).isEqualTo("500ms");
    }

    private boolean eagerOrdinals(CasesIndex index, String field) throws Exception {
        Property property = elasticsearch.indices().getMapping(g -> g.index(index.current())).result().get(index.current())
                .mappings().properties().get(field);
        return Boolean.TRUE.equals(property.keyword().eagerGlobalOrdinals());
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
