package io.langnghe.notify.send;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.contracts.Json;
import io.langnghe.contracts.NotificationRequest;
import io.langnghe.notify.receipt.ReceiptToken;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SMS through a Vietnamese brandname gateway's JSON API, in the shape eSMS documents for
 * {@code SendMultipleMessage_V4_post_json}: {@code ApiKey}, {@code SecretKey}, {@code Phone},
 * {@code Content}, {@code Brandname}, {@code SmsType} 2 (customer care brandname), {@code IsUnicode}
 * 0/1, {@code RequestId} (the gateway refuses a second message with the same id: our idempotency key,
 * so a resend after a crash is not a second SMS) and {@code CallbackUrl} for the delivery receipt.
 * The answer's {@code CodeResult} 100 means accepted, {@code SMSID} is its id.
 */
public final class SmsGateway implements ChannelAdapter {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI url;
    private final String apiKey;
    private final String secretKey;
    private final String brandname;
    private final String receiptUrl;
    private final String receiptSecret;

    public SmsGateway(URI url, String apiKey, String secretKey, String brandname, String receiptUrl, String receiptSecret) {
        this.url = url;
        this.apiKey = apiKey;
        this.secretKey = secretKey;
        this.brandname = brandname;
        this.receiptUrl = receiptUrl;
        this.receiptSecret = receiptSecret;
    }

    @Override
    public String channel() {
        return "sms";
    }

    @Override
    public Delivery send(NotificationRequest request) throws SendFailure {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ApiKey", apiKey);
        body.put("SecretKey", secretKey);
        body.put("Phone", request.recipient().replace("+", ""));
        body.put("Content", request.text());
        body.put("Brandname", brandname);
        body.put("SmsType", "2");
        body.put("IsUnicode", request.unicode() ? "1" : "0");
        body.put("RequestId", request.idempotencyKey());
        if (receiptUrl != null && !receiptUrl.isBlank()) {
            String callback = receiptUrl + "?key=" + URLEncoder.encode(request.idempotencyKey(), StandardCharsets.UTF_8);
            // the receipt proves itself with a token for this key only (see ReceiptToken)
            body.put("CallbackUrl", receiptSecret == null || receiptSecret.isBlank() ? callback
                    : callback + "&token=" + ReceiptToken.of(receiptSecret, request.idempotencyKey()));
        }
        JsonNode answer = post(body);
        String code = answer.path("CodeResult").asText();
        if (!"100".equals(code)) {
            // 99: the gateway's own trouble, worth another try; anything else (key, brandname, balance) will not mend itself
            throw new SendFailure("SMS gateway refused: CodeResult " + code + " " + answer.path("ErrorMessage").asText(""),
                    "99".equals(code));
        }
        return Delivery.sent(answer.path("SMSID").asText(null));
    }

    private JsonNode post(Map<String, Object> body) throws SendFailure {
        try {
            HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body)))
                    .build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 500 || response.statusCode() == 429) {
                throw new SendFailure("SMS gateway answered HTTP " + response.statusCode(), true);
            }
            if (response.statusCode() >= 400) {
                throw new SendFailure("SMS gateway answered HTTP " + response.statusCode(), false);
            }
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new SendFailure("SMS gateway unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailure("interrupted", e);
        }
    }
}
