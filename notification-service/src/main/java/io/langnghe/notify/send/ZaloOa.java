package io.langnghe.notify.send;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.contracts.Json;
import io.langnghe.contracts.NotificationRequest;
import io.langnghe.contracts.TrackingCode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Zalo, following Zalo's rules on when an Official Account may write to a user:
 * <ul>
 *   <li>within {@code window} of the resident's last message, a consultation message through the OA API
 *       ({@code POST /v3.0/oa/message/cs}, header {@code access_token},
 *       {@code {"recipient":{"user_id"},"message":{"text"}}});</li>
 *   <li>outside it, a ZNS template message ({@code POST /message/template} on the business API:
 *       {@code phone} 84..., {@code template_id}, {@code template_data}, {@code tracking_id}) when the
 *       ward has an approved template for the event and the resident's phone is known;</li>
 *   <li>else nothing, and the history says so.</li>
 * </ul>
 * Both answer {@code {"error":0,...}} on success; any other error code is a failure.
 */
public final class ZaloOa implements ChannelAdapter {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI oaApi;
    private final URI znsApi;
    private final Supplier<String> accessToken;
    private final Duration window;
    private final Map<String, String> znsTemplates;
    private final Clock clock;

    /**
     * @param znsTemplates the ward's approved ZNS template id per event code (none: no ZNS)
     */
    public ZaloOa(URI oaApi, URI znsApi, Supplier<String> accessToken, Duration window, Map<String, String> znsTemplates,
                  Clock clock) {
        this.oaApi = oaApi;
        this.znsApi = znsApi;
        this.accessToken = accessToken;
        this.window = window;
        this.znsTemplates = Map.copyOf(znsTemplates);
        this.clock = clock;
    }

    @Override
    public String channel() {
        return "zalo";
    }

    @Override
    public Delivery send(NotificationRequest request) throws SendFailure {
        Instant now = clock.instant();
        try {
            accessToken.get();
        } catch (RuntimeException e) {
            throw new SendFailure("no Zalo access token: " + e.getMessage(), e);
        }
        if (request.interactedAt() != null && !now.isAfter(request.interactedAt().plus(window))) {
            Map<String, Object> body = Map.of(
                    "recipient", Map.of("user_id", request.recipient()),
                    "message", Map.of("text", request.text()));
            JsonNode answer = post(oaApi.resolve("/v3.0/oa/message/cs"), body);
            return Delivery.sent(answer.path("data").path("message_id").asText(null));
        }
        String templateId = znsTemplates.get(request.event());
        if (templateId == null || templateId.isBlank() || request.phone() == null) {
            return Delivery.suppressed(templateId == null || templateId.isBlank()
                    ? "outside Zalo's " + window.toHours() + " h window and the ward has no ZNS template for " + request.event()
                    : "outside Zalo's " + window.toHours() + " h window and no phone for a ZNS template");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tracking_code", TrackingCode.display(request.trackingCode()));
        data.put("status", request.event());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phone", request.phone().replace("+", ""));
        body.put("template_id", templateId);
        body.put("template_data", data);
        body.put("tracking_id", request.idempotencyKey());
        JsonNode answer = post(znsApi.resolve("/message/template"), body);
        return Delivery.sent(answer.path("data").path("msg_id").asText(null)).withTemplate("zns/" + templateId);
    }

    private JsonNode post(URI endpoint, Map<String, Object> body) throws SendFailure {
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("access_token", accessToken.get())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body)))
                    .build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 500 || response.statusCode() == 429) {
                throw new SendFailure("Zalo answered HTTP " + response.statusCode(), true);
            }
            JsonNode answer = Json.mapper().readTree(response.body());
            int error = answer.path("error").asInt(-1);
            if (response.statusCode() >= 400 || error != 0) {
                throw new SendFailure("Zalo refused: error " + error + " " + answer.path("message").asText(""), false);
            }
            return answer;
        } catch (IOException e) {
            throw new SendFailure("Zalo unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailure("interrupted", e);
        }
    }
}
