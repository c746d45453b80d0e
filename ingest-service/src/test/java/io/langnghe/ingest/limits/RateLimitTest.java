package io.langnghe.ingest.limits;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.ingest.AgainstTheBroker;
import io.langnghe.ingest.Multipart;
import io.langnghe.ingest.TestIngest;
import io.langnghe.ingest.channels.SmsController;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.langnghe.ingest.Http.json;
import static io.langnghe.ingest.TestPetition.petition;
import static org.assertj.core.api.Assertions.assertThat;

/** One address or one phone cannot flood the public doors: 429 with Retry-After, and nothing stored. */
@MicronautTest
class RateLimitTest extends AgainstTheBroker {

    private static final Duration WITHIN = Duration.ofSeconds(15);

    @Override
    protected Map<String, String> properties(String prefix) {
        return TestIngest.properties(prefix,
                "langnghe.secrets.sms-webhook", "sms-secret",
                "langnghe.rate-limits.per-ip", "5",
                "langnghe.rate-limits.ip-window", "1h",
                "langnghe.rate-limits.per-phone", "2",
                "langnghe.rate-limits.phone-window", "1h",
                "langnghe.rate-limits.exempt-loopback", "false",
                // the test plays residents behind a proxy, each from an address of its own
                "langnghe.trusted-proxies", "127.0.0.1");
    }

    @Test
    void limitsOnePhoneAndThenOneAddressWith429AndRetryAfter() {
        String phone = petition().with("phone", "0987 654 321").json();
        assertThat(http.postJson("/api/feedback", phone).statusCode()).isEqualTo(202);
        assertThat(http.postJson("/api/feedback", phone).statusCode()).isEqualTo(202);
        long before = probe.count(topics.feedbackReceived().name(), WITHIN);

        HttpResponse<String> thirdFromPhone = http.postJson("/api/feedback", phone);

        assertThat(thirdFromPhone.statusCode()).isEqualTo(429);
        assertThat(thirdFromPhone.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 1800L));
        JsonNode problem = json(thirdFromPhone);
        assertThat(problem.get("title").asText()).isEqualTo("Quá nhiều yêu cầu / Too many requests");
        assertThat(problem.get("detail").asText()).contains("Số điện thoại", "phone number");

        // Another phone from the same address still gets through until the address is used up.
        assertThat(http.postJson("/api/feedback", petition().json()).statusCode()).isEqualTo(202);
        assertThat(http.postJson("/api/feedback", petition().json()).statusCode()).isEqualTo(202);
        HttpResponse<String> overAddress = http.postJson("/api/feedback", petition().json());

        assertThat(overAddress.statusCode()).isEqualTo(429);
        assertThat(json(overAddress).get("detail").asText()).contains("địa chỉ", "address");
        assertThat(http.get("/api/track/K7MX-Q2PA-9C").statusCode()).as("tracking shares the address' allowance").isEqualTo(429);
        assertThat(probe.count(topics.feedbackReceived().name(), WITHIN)).isEqualTo(before + 2);
    }

    @Test
    void countsAnAddressBeforeReadingTheParts_OfAPetitionWithPhotos() {
        // A part that is not a photo would be refused (400) once read: the refusals turn to 429 while
        // the address is over its allowance, so nothing is parsed for it any more.
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Multipart form = new Multipart().field("text", "Ảnh ổ gà đường Lê Lợi").field("channel", "web")
                    .file("photos", "not-a-photo.jpg", "image/jpeg", "plain text".getBytes(StandardCharsets.UTF_8));
            statuses.add(http.postBytes("/api/feedback", form.bytes(), form.contentType(), "X-Forwarded-For", "203.0.113.7").statusCode());
        }

        assertThat(statuses).contains(429);
        assertThat(statuses.subList(statuses.indexOf(429), statuses.size())).containsOnly(429);
        assertThat(statuses).allMatch(status -> status == 400 || status == 429);
    }

    @Test
    void limitsOneSmsSenderToo() {
        String from = "0356 " + (100_000 + (int) (Math.random() * 800_000));
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> response = http.postJson("/api/channels/sms",
                    "{\"from\":\"%s\",\"text\":\"Tin %d\",\"messageId\":\"%s\"}".formatted(from, i, UUID.randomUUID()),
                    SmsController.SECRET_HEADER, "sms-secret");
            assertThat(response.statusCode()).as("SMS %d", i).isEqualTo(i <= 2 ? 202 : 429);
        }
    }
}
