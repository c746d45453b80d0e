package io.langnghe.ingest.similar;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks search-service ({@code langnghe.search-url}) for look-alike open cases and signs operators in
 * there, so the resident page and the hotline console only ever talk to ingest-service.
 */
@Singleton
public class SearchProxy {

    private static final Logger LOG = LoggerFactory.getLogger(SearchProxy.class);

    /** What search-service answered, status and body, or nothing usable. */
    public record Answer(int status, @Nullable JsonNode body) {
    }

    private final HttpClient client;

    public SearchProxy(@Client("${langnghe.search-url:`http://localhost:8090`}") HttpClient client) {
        this.client = client;
    }

    /** @param authorization the caller's Authorization header, passed on as it is, or null */
    public Answer similar(String area, String text, int size, @Nullable String authorization) {
        String uri = UriBuilder.of("/api/similar").queryParam("area", area).queryParam("text", text)
                .queryParam("size", size).build().toString();
        MutableHttpRequest<?> request = HttpRequest.GET(uri).accept(MediaType.APPLICATION_JSON_TYPE);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return exchange(request, "similar");
    }

    public Answer login(byte[] credentials) {
        return exchange(HttpRequest.POST("/login", credentials).contentType(MediaType.APPLICATION_JSON_TYPE)
                .accept(MediaType.APPLICATION_JSON_TYPE), "login");
    }

    private Answer exchange(HttpRequest<?> request, String what) {
        try {
            HttpResponse<JsonNode> response = client.toBlocking().exchange(request, JsonNode.class);
            return new Answer(response.code(), response.body());
        } catch (HttpClientResponseException e) {
            return new Answer(e.code(), null);
        } catch (HttpClientException e) {
            LOG.warn("search-service unreachable for a {} request: {}", what, e.toString());
            throw new SearchUnavailableException(e);
        }
    }

    /** search-service did not answer. */
    public static class SearchUnavailableException extends RuntimeException {
        SearchUnavailableException(Throwable cause) {
            super("search-service unreachable", cause, false, false);
        }
    }
}
