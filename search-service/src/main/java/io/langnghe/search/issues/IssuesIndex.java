package io.langnghe.search.issues;

import io.langnghe.search.index.CasesIndex;
import io.langnghe.search.index.ElasticsearchSettings;

/** The issues index of this deployment: {@code <prefix>-issues-v1} behind the alias {@code <prefix>-issues}. */
public final class IssuesIndex {

    public static final String TEMPLATE_RESOURCE = "/elasticsearch/issues-template.json";

    private IssuesIndex() {
    }

    public static CasesIndex of(ElasticsearchSettings settings) {
        return CasesIndex.named(settings.indexPrefix(), "issues");
    }
}
