package io.langnghe.search.index;

import com.sun.net.httpserver.HttpServer;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The tools (erase, reindex) log in to a secured Elasticsearch as the service does, from the same
 * environment variables. The integ-test Elasticsearch has no security module, so a small server
 * stands in for a secured one: like Elasticsearch it challenges with 401 and WWW-Authenticate Basic.
 */
class ElasticsearchLoginTest {

    private static final String USER = "search-service";
    private static final String PASSWORD = "mat-khau-rieng-cua-search-service";

    private HttpServer secured;
    private final List<String> sentAuthorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        secured = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        secured.createContext("/", exchange -> {
            String given = exchange.getRequestHeaders().getFirst("Authorization");
            sentAuthorizations.add(String.valueOf(given));
            boolean allowed = expected.equals(given);
            byte[] body = (allowed ? "{\"status\":\"green\"}" : "{\"error\":\"security_exception\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (!allowed) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"security\"");
            }
            exchange.sendResponseHeaders(allowed ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        secured.start();
    }

    @AfterEach
    void stop() {
        secured.stop(0);
    }

    @Test
    void aToolLogsInWithTheServicesEnvironmentVariables() throws IOException {
        ElasticsearchLogin login = ElasticsearchLogin.fromEnvironment(Map.of(
                "ELASTICSEARCH_USERNAME", USER, "ELASTICSEARCH_PASSWORD", PASSWORD)::get);

        try (RestClient rest = ElasticsearchFactory.connect(settings(), login)) {
            int status = rest.performRequest(new Request("GET", "/_cluster/health")).getStatusLine().getStatusCode();

            assertThat(status).isEqualTo(200);
        }
        assertThat(sentAuthorizations).last().asString().startsWith("Basic ");
    }

    @Test
    void withoutTheVariablesNoLoginIsSentAndASecuredServerRefuses() throws IOException {
        ElasticsearchLogin login = ElasticsearchLogin.fromEnvironment(Map.<String, String>of()::get);

        try (RestClient rest = ElasticsearchFactory.connect(settings(), login)) {
            ResponseException refused = catchThrowableOfType(() -> rest.performRequest(new Request("GET", "/_cluster/health")),
                    ResponseException.class);

            assertThat(refused.getResponse().getStatusLine().getStatusCode()).isEqualTo(401);
        }
        assertThat(login.given()).isFalse();
        assertThat(sentAuthorizations).containsOnly("null");
    }

    @Test
    void aWrongPasswordIsRefused() throws IOException {
        ElasticsearchLogin login = ElasticsearchLogin.fromEnvironment(Map.of(
                "ELASTICSEARCH_USERNAME", USER, "ELASTICSEARCH_PASSWORD", "sai")::get);

        try (RestClient rest = ElasticsearchFactory.connect(settings(), login)) {
            ResponseException refused = catchThrowableOfType(() -> rest.performRequest(new Request("GET", "/_cluster/health")),
                    ResponseException.class);

            assertThat(refused.getResponse().getStatusLine().getStatusCode()).isEqualTo(401);
        }
    }

    private ElasticsearchSettings settings() {
        return new ElasticsearchSettings("http://127.0.0.1:" + secured.getAddress().getPort(), "langnghe",
                Duration.ofSeconds(5), Duration.ofSeconds(5));
    }
}
