package io.langnghe.search.index;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Where Elasticsearch is and how long to wait for it.
 *
 * @param indexPrefix every index and alias of this deployment starts with it (tests use their own)
 */
@ConfigurationProperties("langnghe.elasticsearch")
public record ElasticsearchSettings(
        @Bindable(defaultValue = "http://127.0.0.1:9200") String url,
        @Bindable(defaultValue = "langnghe") String indexPrefix,
        @Bindable(defaultValue = "5s") Duration connectTimeout,
        @Bindable(defaultValue = "30s") Duration socketTimeout) {

    public CasesIndex casesIndex() {
        return CasesIndex.withPrefix(indexPrefix);
    }
}
