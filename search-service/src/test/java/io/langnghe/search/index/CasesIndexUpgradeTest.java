package io.langnghe.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import io.langnghe.testsupport.SharedInfrastructure;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ward's cases index made by an older template follows the newer one at the service's start, without a
 * reindex: clusterId's global ordinals (one entry per issue ever kept) are no longer built at every refresh.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CasesIndexUpgradeTest {

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
    void anIndexOfTemplateSixStopsBuildingTheIssuesOrdinalsAtEachRefresh() throws Exception {
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

    private boolean eagerOrdinals(CasesIndex index, String field) throws Exception {
        Property property = elasticsearch.indices().getMapping(g -> g.index(index.current())).result().get(index.current())
                .mappings().properties().get(field);
        return Boolean.TRUE.equals(property.keyword().eagerGlobalOrdinals());
    }
}
