package io.langnghe.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.langnghe.contracts.Json;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.elasticsearch.client.RestClient;

/**
 * The Elasticsearch client, over the low-level RestClient, with the event JSON conventions (ISO
 * dates) so documents read back exactly as written.
 */
@Factory
public class ElasticsearchFactory {

    @Singleton
    @Bean(preDestroy = "close")
    RestClient restClient(ElasticsearchSettings settings, ElasticsearchLogin login) {
        return connect(settings, login);
    }

    /** The service's connection, and the tools' (erase, reindex): one place that logs in. */
    public static RestClient connect(ElasticsearchSettings settings, ElasticsearchLogin login) {
        var builder = RestClient.builder(HttpHost.create(settings.url()))
                .setRequestConfigCallback(config -> config
                        .setConnectTimeout((int) settings.connectTimeout().toMillis())
                        .setSocketTimeout((int) settings.socketTimeout().toMillis()));
        if (login.given()) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(login.username(), login.password()));
            builder.setHttpClientConfigCallback(client -> client.setDefaultCredentialsProvider(credentials));
        }
        return builder.build();
    }

    @Singleton
    ElasticsearchClient elasticsearchClient(RestClient restClient) {
        return client(restClient);
    }

    public static ElasticsearchClient client(RestClient restClient) {
        ObjectMapper mapper = Json.configure(new ObjectMapper());
        return new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper(mapper)));
    }
}
