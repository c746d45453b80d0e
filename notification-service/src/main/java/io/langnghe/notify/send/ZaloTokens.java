package io.langnghe.notify.send;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.contracts.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The OA's access token as Zalo requires it: an access token lives about 25 hours and is renewed with
 * the refresh token ({@code POST /v4/oa/access_token}, header {@code secret_key}, form
 * {@code refresh_token}, {@code app_id}, {@code grant_type=refresh_token}), which Zalo replaces with
 * each renewal, so the newest one is kept. Renewed at first use and a minute before each expiry; without
 * a refresh token the configured access token is used as it is.
 */
public final class ZaloTokens implements Supplier<String> {

    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI oauth;
    private final String appId;
    private final String secretKey;
    private final Clock clock;
    private String accessToken;
    private String refreshToken;
    private Instant expiresAt;

    public ZaloTokens(URI oauth, String appId, String secretKey, String accessToken, String refreshToken, Clock clock) {
        this.oauth = oauth;
        this.appId = appId;
        this.secretKey = secretKey;
        this.accessToken = accessToken;
        this.refreshToken = refreshToken;
        this.clock = clock;
        // with a refresh token the first use renews (the configured token's age is unknown); without one it is used as is
        this.expiresAt = refreshToken == null || refreshToken.isBlank() ? Instant.MAX : Instant.EPOCH;
    }

    @Override
    public synchronized String get() {
        boolean canRenew = refreshToken != null && !refreshToken.isBlank();
        if (canRenew && !clock.instant().isBefore(expiresAt.minus(MARGIN))) {
            renew();
        }
        return accessToken;
    }

    private void renew() {
        String form = "refresh_token=" + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8)
                + "&app_id=" + URLEncoder.encode(appId, StandardCharsets.UTF_8) + "&grant_type=refresh_token";
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(oauth.resolve("/v4/oa/access_token"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("secret_key", secretKey)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode answer = Json.mapper().readTree(response.body());
            if (response.statusCode() != 200 || !answer.hasNonNull("access_token")) {
                throw new IllegalStateException("Zalo did not renew the OA access token: HTTP " + response.statusCode() + " " + answer);
            }
            accessToken = answer.get("access_token").asText();
            refreshToken = answer.path("refresh_token").asText(refreshToken);
            expiresAt = clock.instant().plusSeconds(answer.path("expires_in").asLong(90_000));
        } catch (IOException e) {
            throw new UncheckedIOException("Zalo's OAuth server unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while renewing the Zalo token", e);
        }
    }
}
