package io.langnghe.search.alerts;

import io.langnghe.search.index.CasesIndex;
import io.langnghe.search.index.ElasticsearchSettings;

/** The alerts index of this deployment: {@code <prefix>-alerts-v1} behind the alias {@code <prefix>-alerts}. */
final class AlertsIndex {

    static final String TEMPLATE_RESOURCE = "/elasticsearch/alerts-template.json";

    private AlertsIndex() {
    }

    static CasesIndex of(ElasticsearchSettings settings) {
        return CasesIndex.named(settings.indexPrefix(), "alerts");
    }
}
