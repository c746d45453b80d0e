package io.langnghe.search.web;

import io.langnghe.contracts.TrackingCode;
import io.langnghe.search.SharedStack;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every anonymous door of search-service answers 429 with Retry-After once one address has used up
 * its requests: tracking, rating, look-alikes and login, each on its own count; an X-Forwarded-For
 * from a client that is not a trusted proxy changes nothing. This machine is an outsider here.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicDoorLimitsTest implements TestPropertyProvider {

    private static final int PER_DOOR = 3;

    private final SharedStack stack = new SharedStack();

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(stack.properties());
        properties.put("langnghe.public-reads.per-ip-per-door", String.valueOf(PER_DOOR));
        properties.put("langnghe.public-reads.exempt-loopback", "false");
        return properties;
    }

    @AfterAll
    void close() {
        stack.close();
    }

    @Test
    void eachAnonymousDoorRefusesAnAddressThatUsedUpItsRequests() {
        String unknown = "/api/track/" + TrackingCode.generate().display();
        Map<String, MutableHttpRequest<?>> doors = Map.of(
                "tracking", HttpRequest.GET(unknown),
                "rating", HttpRequest.POST(unknown + "/rating", Map.of("stars", 5, "fixed", true)),
                "similar", HttpRequest.GET("/api/similar?area=tdp-05&text=cong+tac"),
                "login", HttpRequest.POST("/login", Map.of("username", "khong.co.ai", "password", "sai")));

        doors.forEach((door, request) -> {
            for (int i = 0; i < PER_DOOR; i++) {
                assertThat(status(request.header("X-Forwarded-For", "198.51.100." + i))).as(door).isNotEqualTo(429);
            }
            HttpClientResponseException refused = catchThrowableOfType(HttpClientResponseException.class,
                    () -> client.toBlocking().exchange(request.header("X-Forwarded-For", "198.51.100.99"), String.class));
            assertThat(refused.getStatus().getCode()).as(door).isEqualTo(429);
            assertThat(refused.getResponse().getHeaders().get("Retry-After")).as(door).isNotBlank();
        });
    }

    private int status(HttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }
}
