package io.langnghe.search;

import io.micronaut.runtime.Micronaut;

/**
 * search-service: keeps the cases of {@code <prefix>.cases.v1} searchable in Elasticsearch and
 * answers officers, leaders and residents following their petition.
 */
public class SearchApplication {

    public static void main(String[] args) {
        Micronaut.run(SearchApplication.class, args);
    }
}
