package io.langnghe.ingest.publicread;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langnghe.contracts.Json;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Set;

/**
 * Reads the public list of petitions from search-service ({@code GET /api/public/requests} at
 * {@code langnghe.search-url}), for the page of answered petitions and for Open311. Each item keeps
 * only the public fields named here, so this door never widens by accident.
 */
@Singleton
public class PublicRequests {

    private static final Logger LOG = LoggerFactory.getLogger(PublicRequests.class);
    /** The query parameters search-service takes; anything else is not passed on. */
    public static final Set<String> PARAMETERS = Set.of("status", "category", "area", "from", "to", "ids", "page", "size");
    private static final Set<String> ITEM_FIELDS = Set.of("publicId", "category", "area", "status", "open", "text",
            "publicAnswer", "receivedAt", "updatedAt", "dueAt", "department");

    /** search-service's status and body (a page, or a problem); the body is null when it was not JSON. */
    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status == 200 && body != null && body.path("items").isArray();
        }
    }

    private final HttpClient client;

    public PublicRequests(@Client("${langnghe.search-url:`http://localhost:8090`}") HttpClient client) {
        this.client = client;
    }

    /**
     * @param query parameter name to value, among {@link #PARAMETERS}
     * @throws PublicRequestsUnavailableException when search-service does not answer
     */
    public Answer list(Map<String, String> query) {
        UriBuilder uri = UriBuilder.of("/api/public/requests");
        query.forEach((name, value) -> {
            if (PARAMETERS.contains(name) && value != null) {
                uri.queryParam(name, value);
            }
        });
        try {
            HttpResponse<String> response = client.toBlocking().exchange(
                    HttpRequest.GET(uri.build().toString()).accept(MediaType.APPLICATION_JSON_TYPE), String.class);
            return new Answer(response.code(), onlyPublicFields(parse(response.body())));
        } catch (HttpClientResponseException e) {
            return new Answer(e.code(), parse(e.getResponse().getBody(String.class).orElse(null)));
        } catch (HttpClientException e) {
            LOG.warn("search-service unreachable for a public list: {}", e.toString());
            throw new PublicRequestsUnavailableException(e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return Json.mapper().readTree(body);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static JsonNode onlyPublicFields(JsonNode page) {
        if (page != null && page.path("items") instanceof ArrayNode items) {
            items.forEach(item -> {
                if (item instanceof ObjectNode object) {
                    object.retain(ITEM_FIELDS);
                }
            });
        }
        return page;
    }

    /** search-service did not answer. */
    public static class PublicRequestsUnavailableException extends RuntimeException {
        PublicRequestsUnavailableException(Throwable cause) {
            super("search-service unreachable", cause, false, false);
        }
    }
}
