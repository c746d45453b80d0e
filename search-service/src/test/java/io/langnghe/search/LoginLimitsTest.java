package io.langnghe.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
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
 * 40 wrong passwords for lanhdao on /login used to be 40 × 401: now, after the free mistakes, the
 * account waits longer each time (429 with Retry-After), even for the right password.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginLimitsTest implements TestPropertyProvider {

    private final SharedStack stack = new SharedStack();

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(stack.properties());
        properties.put("langnghe.login.free-failures-per-account", "3");
        return properties;
    }

    @AfterAll
    void close() {
        stack.close();
    }

    @Test
    void guessingAPasswordMeetsA429ThatAsksToWaitLongerEachTime() {
        for (int i = 0; i < 3; i++) {
            assertThat(refused("daibieu", "doan-" + i).getStatus().getCode()).isEqualTo(401);
        }

        HttpClientResponseException first = refused("daibieu", Login.DEMO_PASSWORD);

        assertThat(first.getStatus().getCode()).as("the right password waits too").isEqualTo(429);
        assertThat(first.getResponse().getContentType().map(Object::toString)).hasValue("application/problem+json");
        assertThat(first.getResponse().getBody(JsonNode.class).orElseThrow().path("title").asText()).contains(" / Too many failed logins");
        assertThat(Long.parseLong(first.getResponse().getHeaders().get("Retry-After"))).isBetween(1L, 2L);
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSame401() {
        JsonNode wrong = refused("quantri", "sai").getResponse().getBody(JsonNode.class).orElseThrow();
        JsonNode unknown = refused("khong.co.ai", "sai").getResponse().getBody(JsonNode.class).orElseThrow();

        assertThat(wrong.path("title").asText()).isEqualTo("Sai tên đăng nhập hoặc mật khẩu / Wrong username or password");
        assertThat(unknown).isEqualTo(wrong);
    }

    private HttpClientResponseException refused(String username, String password) {
        return catchThrowableOfType(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.POST("/login", Map.of("username", username, "password", password)), JsonNode.class));
    }
}
