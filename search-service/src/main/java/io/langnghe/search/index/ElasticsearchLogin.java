package io.langnghe.search.index;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * search-service's own Elasticsearch user, whose role reaches only this deployment's indices
 * (docker-compose.yml). Empty where Elasticsearch runs without security, as the local stack's does:
 * the integ-test distribution has no security module.
 */
@ConfigurationProperties("langnghe.elasticsearch.login")
public record ElasticsearchLogin(
        @Bindable(defaultValue = "") String username,
        @Bindable(defaultValue = "") String password) {

    /** The tools' login, from the same environment variables as the service's (ELASTICSEARCH_USERNAME, ELASTICSEARCH_PASSWORD). */
    public static ElasticsearchLogin fromEnvironment(UnaryOperator<String> env) {
        return new ElasticsearchLogin(Objects.requireNonNullElse(env.apply("ELASTICSEARCH_USERNAME"), ""),
                Objects.requireNonNullElse(env.apply("ELASTICSEARCH_PASSWORD"), ""));
    }

    public boolean given() {
        return username != null && !username.isBlank();
    }

    @Override
    public String toString() {
        return "ElasticsearchLogin[" + (given() ? username : "none") + "]";
    }
}
