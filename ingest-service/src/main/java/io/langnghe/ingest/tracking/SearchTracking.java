package io.langnghe.ingest.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.contracts.TrackingCode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Reads a petition's public status from search-service ({@code langnghe.search-url}), so the resident
 * pages need no cross-origin access: the browser only ever talks to ingest-service. A resident's
 * rating of the answer goes the same way.
 */
@Singleton
public class SearchTracking {

    private static final Logger LOG = LoggerFactory.getLogger(SearchTracking.class);

    private final HttpClient client;

    public SearchTracking(@Client("${langnghe.search-url:`http://localhost:8090`}") HttpClient client) {
        this.client = client;
    }

    /** What search-service answered a rating with: its status and body (a problem for a refusal). */
    public record RatingAnswer(int status, JsonNode body) {
    }

    /**
     * Hands a resident's rating to search-service, which checks it and puts it on Kafka.
     *
     * @throws TrackingUnavailableException when search-service does not answer, or answers 5xx
     */
    public RatingAnswer rate(TrackingCode code, JsonNode rating) {
        try {
            HttpResponse<JsonNode> answer = client.toBlocking().exchange(
                    HttpRequest.POST("/api/track/" + code.display() + "/rating", rating)
                            .contentType(MediaType.APPLICATION_JSON_TYPE), JsonNode.class);
            return new RatingAnswer(answer.code(), answer.body());
        } catch (HttpClientResponseException e) {
            if (e.code() >= 500) {
                LOG.warn("search-service answered {} for a rating", e.code());
                throw new TrackingUnavailableException("search-service answered " + e.code(), e);
            }
            return new RatingAnswer(e.code(), e.getResponse().getBody(JsonNode.class).orElse(null));
        } catch (HttpClientException e) {
            LOG.warn("search-service unreachable for a rating: {}", e.toString());
            throw new TrackingUnavailableException("search-service unreachable", e);
        }
    }

    /** A photo of the answer's proof: its bytes and content type, as search-service served them. */
    public record AnswerPhoto(byte[] bytes, String contentType) {
    }

    /**
     * @return the photo, or empty when search-service knows no such code or the answer has no such photo
     * @throws TrackingUnavailableException when search-service does not answer properly
     */
    public Optional<AnswerPhoto> answerPhoto(TrackingCode code, String ref) {
        try {
            HttpResponse<byte[]> answer = client.toBlocking().exchange(
                    HttpRequest.GET("/api/track/" + code.display() + "/photos/" + ref), byte[].class);
            String contentType = answer.getContentType().map(MediaType::toString).orElse(null);
            if (answer.body() == null || contentType == null || !contentType.startsWith("image/")) {
                throw new TrackingUnavailableException("search-service answered no photo", null);
            }
            return Optional.of(new AnswerPhoto(answer.body(), contentType));
        } catch (HttpClientResponseException e) {
            if (e.getStatus() == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            LOG.warn("search-service answered {} for an answer's photo", e.getStatus().getCode());
            throw new TrackingUnavailableException("search-service answered " + e.getStatus().getCode(), e);
        } catch (HttpClientException e) {
            LOG.warn("search-service unreachable for an answer's photo: {}", e.toString());
            throw new TrackingUnavailableException("search-service unreachable", e);
        }
    }

    /**
     * @return the status, or empty when search-service knows no such code
     * @throws TrackingUnavailableException when search-service does not answer properly
     */
    public Optional<TrackingStatus> find(TrackingCode code) {
        try {
            JsonNode view = client.toBlocking().retrieve(HttpRequest.GET("/api/track/" + code.display()), JsonNode.class);
            if (view == null || !view.isObject()) {
                throw new TrackingUnavailableException("search-service answered no JSON object", null);
            }
            return Optional.of(TrackingStatus.from(view));
        } catch (HttpClientResponseException e) {
            if (e.getStatus() == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            LOG.warn("search-service answered {} for a tracking request", e.getStatus().getCode());
            throw new TrackingUnavailableException("search-service answered " + e.getStatus().getCode(), e);
        } catch (HttpClientException e) {
            LOG.warn("search-service unreachable for a tracking request: {}", e.toString());
            throw new TrackingUnavailableException("search-service unreachable", e);
        }
    }
}
