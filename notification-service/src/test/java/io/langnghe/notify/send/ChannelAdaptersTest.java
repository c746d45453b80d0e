package io.langnghe.notify.send;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.langnghe.contracts.NotificationRequest;
import io.langnghe.notify.MovableClock;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Zalo against an HTTP server that accepts only requests in Zalo's documented shapes, and e-mail
 * against a real SMTP server in the JVM (GreenMail).
 */
class ChannelAdaptersTest {

    static final Instant WROTE = Instant.parse("2026-11-26T02:00:00Z");

    private final WireMockServer zalo = new WireMockServer(options().dynamicPort());
    private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private final MovableClock clock = new MovableClock(WROTE.plus(Duration.ofHours(1)));

    @BeforeEach
    void start() {
        zalo.start();
        zalo.stubFor(post(urlEqualTo("/v3.0/oa/message/cs")).withHeader("access_token", equalTo("oa-token"))
                .withRequestBody(equalToJson("{\"recipient\":{\"user_id\":\"${json-unit.any-string}\"},"
                        + "\"message\":{\"text\":\"${json-unit.any-string}\"}}"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":0,\"message\":\"Success\",\"data\":{\"message_id\":\"cs-1\",\"user_id\":\"z-42\"}}")));
        zalo.stubFor(post(urlEqualTo("/message/template")).withHeader("access_token", equalTo("oa-token"))
                .withRequestBody(equalToJson("{\"phone\":\"${json-unit.regex}84[0-9]{9}\",\"template_id\":\"${json-unit.any-string}\","
                        + "\"template_data\":\"${json-unit.ignore}\",\"tracking_id\":\"${json-unit.any-string}\"}"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":0,\"message\":\"Success\",\"data\":{\"msg_id\":\"zns-1\",\"sent_time\":\"1764122400000\"}}")));
        smtp.start();
    }

    @AfterEach
    void stop() {
        zalo.stop();
        smtp.stop();
    }

    @Test
    void answersOnZaloWithinTheWindowElseByZnsTemplateElseNotAtAllAndSaysSo() throws SendFailure {
        ZaloOa oa = new ZaloOa(URI.create(zalo.baseUrl()), URI.create(zalo.baseUrl()), () -> "oa-token", Duration.ofHours(48),
                Map.of("answered", "tmpl-answered"), clock);

        Delivery within = oa.send(zaloRequest("answered", "+84901234567"));
        clock.set(WROTE.plus(Duration.ofHours(49)));
        Delivery byTemplate = oa.send(zaloRequest("answered", "+84901234567"));
        Delivery noTemplate = oa.send(zaloRequest("resolved", "+84901234567"));
        Delivery noPhone = oa.send(zaloRequest("answered", null));

        assertThat(within).isEqualTo(Delivery.sent("cs-1"));
        zalo.verify(postRequestedFor(urlEqualTo("/v3.0/oa/message/cs")).withRequestBody(equalToJson(
                "{\"recipient\":{\"user_id\":\"z-42\"},\"message\":{\"text\":\"Phường trả lời kiến nghị RNR2-DHWR-Q8\"}}")));
        assertThat(byTemplate).isEqualTo(Delivery.sent("zns-1").withTemplate("zns/tmpl-answered"));
        zalo.verify(postRequestedFor(urlEqualTo("/message/template")).withRequestBody(equalToJson("""
                {"phone":"84901234567","template_id":"tmpl-answered",
                 "template_data":{"tracking_code":"RNR2-DHWR-Q8","status":"answered"},"tracking_id":"case-1:3:zalo"}""")));
        assertThat(noTemplate.status()).isEqualTo("suppressed");
        assertThat(noTemplate.note()).isEqualTo("outside Zalo's 48 h window and the ward has no ZNS template for resolved");
        assertThat(noPhone.status()).isEqualTo("suppressed");
        assertThat(zalo.findAll(postRequestedFor(urlEqualTo("/message/template")))).hasSize(1);
    }

    @Test
    void reportsZalosRefusalAsAFailureNotWorthRetrying() {
        zalo.stubFor(post(urlEqualTo("/v3.0/oa/message/cs")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"error\":-213,\"message\":\"User has not followed OA\"}")));
        ZaloOa oa = new ZaloOa(URI.create(zalo.baseUrl()), URI.create(zalo.baseUrl()), () -> "oa-token", Duration.ofHours(48),
                Map.of(), clock);

        assertThatThrownBy(() -> oa.send(zaloRequest("answered", null)))
                .isInstanceOf(SendFailure.class)
                .hasMessageContaining("-213")
                .matches(e -> !((SendFailure) e).retryable());
    }

    @Test
    void renewsTheOaAccessTokenWithTheLatestRefreshTokenBeforeItExpires() {
        zalo.stubFor(post(urlEqualTo("/v4/oa/access_token")).withHeader("secret_key", equalTo("app-secret"))
                .withRequestBody(equalTo("refresh_token=r1&app_id=430021&grant_type=refresh_token"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"oa-token\",\"refresh_token\":\"r2\",\"expires_in\":\"90000\"}")));
        zalo.stubFor(post(urlEqualTo("/v4/oa/access_token")).withHeader("secret_key", equalTo("app-secret"))
                .withRequestBody(equalTo("refresh_token=r2&app_id=430021&grant_type=refresh_token"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"oa-token-2\",\"refresh_token\":\"r3\",\"expires_in\":\"90000\"}")));
        ZaloTokens tokens = new ZaloTokens(URI.create(zalo.baseUrl()), "430021", "app-secret", "configured", "r1", clock);

        String first = tokens.get();
        clock.advance(Duration.ofHours(24));
        String sameDay = tokens.get();
        clock.advance(Duration.ofMinutes(59));
        String renewed = tokens.get();

        assertThat(List.of(first, sameDay, renewed)).containsExactly("oa-token", "oa-token", "oa-token-2");
        zalo.verify(2, postRequestedFor(urlEqualTo("/v4/oa/access_token")));
    }

    @Test
    void mailsInUtf8WithTheTemplatesSubject() throws Exception {
        EmailSmtp email = new EmailSmtp("127.0.0.1", smtp.getSmtp().getPort(), "phuong@dongson.example", null, null, false);

        Delivery delivery = email.send(new NotificationRequest(NotificationRequest.SCHEMA_VERSION, "case-1:3:email", "case-1", 3,
                "RNR2DHWRQ8", "answered", "email", "an@example.vn", "email/answered.vi", "vi", "Trả lời kiến nghị RNR2-DHWR-Q8",
                "Phường trả lời kiến nghị RNR2-DHWR-Q8: Đã thông cống.", false, WROTE, List.of(), null, false, null));

        assertThat(delivery.status()).isEqualTo("sent");
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("an@example.vn");
        assertThat(received[0].getSubject()).isEqualTo("Trả lời kiến nghị RNR2-DHWR-Q8");
        assertThat(received[0].getContent().toString()).contains("Đã thông cống.");
        // the id kept in the history is the one the mail carries, under the ward's own domain
        assertThat(received[0].getMessageID()).isEqualTo(delivery.gatewayId()).endsWith("@dongson.example>");
    }

    @Test
    void mailsOneMessageAfterAnotherOverOneConnection() throws Exception {
        try (EmailSmtp email = new EmailSmtp("127.0.0.1", smtp.getSmtp().getPort(), "phuong@dongson.example", null, null, false)) {

            for (int version = 1; version <= 3; version++) {
                email.send(emailRequest(version, "an@example.vn"));
            }

            assertThat(smtp.getReceivedMessages()).extracting(m -> m.getHeader("X-Langnghe-Key")[0])
                    .containsExactly("case-1:1:email", "case-1:2:email", "case-1:3:email");
            assertThat(email.connectionsOpened()).isEqualTo(1);
        }
    }

    @Test
    void aMessageAfterTheServerDroppedTheConnectionStillArrivesOnce() throws Exception {
        int port = smtp.getSmtp().getPort();
        try (EmailSmtp email = new EmailSmtp("127.0.0.1", port, "phuong@dongson.example", null, null, false)) {
            email.send(emailRequest(1, "an@example.vn"));

            // the server goes away and comes back on its port: the connection kept open is dead
            smtp.stop();
            GreenMail restarted = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            restarted.start();
            try {
                Delivery delivery = email.send(emailRequest(2, "an@example.vn"));

                assertThat(delivery.status()).isEqualTo("sent");
                assertThat(restarted.getReceivedMessages()).extracting(m -> m.getHeader("X-Langnghe-Key")[0])
                        .containsExactly("case-1:2:email");
                assertThat(email.connectionsOpened()).isEqualTo(2);
            } finally {
                restarted.stop();
            }
        }
    }

    private static NotificationRequest emailRequest(int version, String to) {
        return new NotificationRequest(NotificationRequest.SCHEMA_VERSION, "case-1:" + version + ":email", "case-1", version,
                "RNR2DHWRQ8", "answered", "email", to, "email/answered.vi", "vi", "Trả lời kiến nghị RNR2-DHWR-Q8",
                "Phường trả lời kiến nghị RNR2-DHWR-Q8: Đã thông cống.", false, WROTE, List.of(), null, false, null);
    }

    private static NotificationRequest zaloRequest(String event, String phone) {
        return new NotificationRequest(NotificationRequest.SCHEMA_VERSION, "case-1:3:zalo", "case-1", 3, "RNR2DHWRQ8", event,
                "zalo", "z-42", "zalo/" + event + ".vi", "vi", null, "Phường trả lời kiến nghị RNR2-DHWR-Q8", false, WROTE,
                List.of(), WROTE, false, phone);
    }
}
