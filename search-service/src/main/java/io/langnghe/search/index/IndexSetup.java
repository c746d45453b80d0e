package io.langnghe.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import co.elastic.clients.elasticsearch.indices.get_index_template.IndexTemplateItem;
import co.elastic.clients.elasticsearch.indices.PutIndexTemplateRequest;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.elasticsearch.client.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Makes sure the cases index exists before anything is written: the index template from
 * {@code elasticsearch/cases-template.json}, then {@code <prefix>-cases-v1} behind the alias
 * {@code <prefix>-cases}. Safe to run at every start and by several replicas at once.
 */
@Singleton
public class IndexSetup {

    private static final Logger LOG = LoggerFactory.getLogger(IndexSetup.class);
    private static final String TEMPLATE_RESOURCE = "/elasticsearch/cases-template.json";

    private final ElasticsearchClient client;
    private final CasesIndex index;
    private final String templateResource;

    @Inject
    public IndexSetup(ElasticsearchClient client, ElasticsearchSettings settings) {
        this(client, settings.casesIndex(), TEMPLATE_RESOURCE);
    }

    /** The same set-up for another index of this deployment (alerts), from its own template. */
    public IndexSetup(ElasticsearchClient client, CasesIndex index, String templateResource) {
        this.client = client;
        this.index = index;
        this.templateResource = templateResource;
    }

    public CasesIndex index() {
        return index;
    }

    public void ensure() throws IOException {
        PutIndexTemplateRequest newer = putTemplateUnlessNewerExists();
        if (client.indices().existsAlias(a -> a.name(index.alias())).value()) {
            if (newer != null && newer.template() != null && newer.template().mappings() != null) {
                // Fields added by the newer template become searchable at once in the index in use, for every
                // document written from now on; `./langnghe reindex` fills them in for the older ones.
                client.indices().putMapping(m -> m.index(index.alias()).properties(newer.template().mappings().properties()));
                LOG.info("Added the fields of template version {} to {}", newer.version(), index.alias());
            }
            if (newer != null && newer.template() != null) {
                followRefreshInterval(index.alias(), newer.template().settings());
            }
            return;
        }
        try {
            client.indices().create(c -> c
                    .index(index.current())
                    .aliases(index.alias(), a -> a.isWriteIndex(true)));
            LOG.info("Created index {} behind alias {}", index.current(), index.alias());
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
            // Another replica created the index first; adding the alias again changes nothing.
            client.indices().updateAliases(u -> u
                    .actions(a -> a.add(add -> add
                            .index(index.current())
                            .alias(index.alias())
                            .isWriteIndex(true))));
        }
    }

    /** The template's refresh interval back on an index loaded without refreshes (a reindex, a benchmark's load). */
    public void refreshAsTemplated(String indexName) throws IOException {
        followRefreshInterval(indexName, templateRequest().template().settings());
    }

    /**
     * The index takes the template's refresh interval. None named is Elasticsearch's default (a null resets
     * it), under which an index nobody searched for 30 s is refreshed only once searched again.
     */
    private void followRefreshInterval(String indexName, IndexSettings settings) throws IOException {
        Time interval = settings == null ? null : settings.refreshInterval();
        if (interval != null) {
            client.indices().putSettings(p -> p.index(indexName).settings(s -> s.refreshInterval(interval)));
            LOG.info("Refresh interval of {} set to {}", indexName, interval.isOffset() ? interval.offset() : interval.time());
            return;
        }
        if (!(client._transport() instanceof RestClientTransport rest)) {
            return;
        }
        Request request = new Request("PUT", "/" + indexName + "/_settings");
        // the typed client drops a null setting, so the low-level one sends it
        request.setJsonEntity("{\"index\":{\"refresh_interval\":null}}");
        rest.restClient().performRequest(request);
        LOG.info("Refresh interval of {} set to Elasticsearch's default", indexName);
    }

    /** @return the template put, or null when the installed one is as new or newer */
    private PutIndexTemplateRequest putTemplateUnlessNewerExists() throws IOException {
        PutIndexTemplateRequest ours = templateRequest();
        long installed = installedTemplateVersion();
        // During a rolling upgrade an older replica must not put back the older mapping.
        if (installed >= ours.version()) {
            return null;
        }
        client.indices().putIndexTemplate(ours);
        LOG.info("Put index template {} version {} for {}", index.template(), ours.version(), index.pattern());
        return installed < 0 ? null : ours;
    }

    private long installedTemplateVersion() throws IOException {
        try {
            return client.indices().getIndexTemplate(g -> g.name(index.template())).indexTemplates().stream()
                    .map(IndexTemplateItem::indexTemplate)
                    .map(t -> t.version() == null ? 0L : t.version())
                    .findFirst()
                    .orElse(-1L);
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return -1L;
            }
            throw e;
        }
    }

    private PutIndexTemplateRequest templateRequest() {
        try (InputStream json = IndexSetup.class.getResourceAsStream(templateResource)) {
            if (json == null) {
                throw new IllegalStateException(templateResource + " is missing from the classpath");
            }
            return PutIndexTemplateRequest.of(t -> t
                    .withJson(json)
                    .name(index.template())
                    .indexPatterns(index.pattern()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
