package io.langnghe.search;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;

import java.util.Map;

/** Logs in through POST /login, as a page would, and returns the bearer token. */
public final class Login {

    public static final String DEMO_PASSWORD = "langnghe-demo";

    private Login() {
    }

    @SuppressWarnings("unchecked")
    public static String token(HttpClient client, String username) {
        Map<String, Object> answer = client.toBlocking().retrieve(
                HttpRequest.POST("/login", Map.of("username", username, "password", DEMO_PASSWORD)), Map.class);
        return (String) answer.get("access_token");
    }
}
