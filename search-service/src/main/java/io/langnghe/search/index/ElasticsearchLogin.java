package io.langnghe.search.index;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * search-service's own Elasticsearch user, whose role reaches only this deployment's indices
 * (docker-compose.yml). Empty where Elasticsearch runs without security, as the local stack's does:
 * the integ-test distribution has no security module.
 */
@ConfigurationProperties("langnghe.elasticsearch.login")
public record ElasticsearchLogin(
        @Bindable(defaultValue = "") String username,
        @Bindable(defaultValue = "") String password) {

    public boolean given() {
        return username != null && !username.isBlank();
    }

    @Override
    public String toString() {
        return "ElasticsearchLogin[" + (given() ? username : "none") + "]";
    }
}
