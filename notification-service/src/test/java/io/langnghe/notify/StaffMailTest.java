package io.langnghe.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.DeadlineState;
import io.langnghe.contracts.NotificationRequest;
import io.langnghe.contracts.Topics;
import io.langnghe.notify.staff.DigestJob;
import io.langnghe.testsupport.SharedInfrastructure;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static io.langnghe.notify.WardTime.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The whole service on the real broker, mailing a real SMTP server in the JVM, with a clock the test
 * moves: the morning digest goes out at 07:00 to each department that has something (and to no other),
 * once; a case that becomes overdue is mailed to its department's head and the leader, once.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// the digest first: the history's case, filed later, must not be in this morning's digest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaffMailTest implements TestPropertyProvider {

    static final MovableClock CLOCK = new MovableClock(at("06:30"));
    static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private final String prefix = SharedInfrastructure.uniquePrefix();
    private Topics topics;

    @Inject
    DigestJob digests;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JwtTokenGenerator tokens;

    @Override
    public @NonNull Map<String, String> getProperties() {
        SMTP.start();
        topics = SharedInfrastructure.createTopics(prefix);
        Map<String, String> properties = new HashMap<>();
        properties.put("kafka.bootstrap.servers", SharedInfrastructure.kafkaBootstrapServers());
        properties.put("langnghe.topics-prefix", prefix);
        properties.put("langnghe.local-stack", "true");
        properties.put("micronaut.server.port", "-1");
        properties.put("langnghe.notifications.email.host", "127.0.0.1");
        properties.put("langnghe.notifications.email.port", String.valueOf(SMTP.getSmtp().getPort()));
        properties.put("langnghe.notifications.staff.domain", "phuong.example");
        properties.put("langnghe.notifications.staff.case-url", "https://canbo.example/officer.html#case=");
        // the test looks at the digest itself, with its clock
        properties.put("langnghe.notifications.staff.look-every", "1h");
        try {
            properties.put("langnghe.streams.state-dir", Files.createTempDirectory("notify-streams").toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }

    @AfterAll
    void stopSmtp() {
        SMTP.stop();
    }

    @Test
    @Order(1)
    void mailsTheMorningDigestAtSevenOnceAndEscalatesAnOverdueCaseOnce() throws Exception {
        // Given a new case of the infrastructure office and a police case that is overdue since this morning
        CaseState drain = TestCases.smsCase().id("case-new").receivedAt(at("06:00")).build();
        CaseState theft = TestCases.smsCase().id("case-late").department("cong_an").receivedAt(at("06:00").minus(Duration.ofDays(3)))
                .deadline(DeadlineState.OVERDUE).then(io.langnghe.contracts.CaseStatus.ACKNOWLEDGED, at("06:20")).build();
        publish(drain, theft);

        // Then the head of the police and the leader hear of the overdue case, once
        await().atMost(Duration.ofSeconds(30)).until(() -> recipients().contains("lanhdao@phuong.example"));
        assertThat(recipients()).containsExactlyInAnyOrder("truongphong.cong_an@phuong.example", "lanhdao@phuong.example");

        // When the clock reaches 06:59, nothing; at 07:00 the digests; a second look the same morning, nothing more
        CLOCK.set(at("06:59"));
        assertThat(digests.runIfDue()).isEmpty();
        CLOCK.set(at("07:00"));
        List<NotificationRequest> made = digests.runIfDue();
        CLOCK.set(at("07:05"));
        assertThat(digests.runIfDue()).isEmpty();

        assertThat(made).extracting(NotificationRequest::recipient)
                .containsExactlyInAnyOrder("canbo.kinh_te_ha_tang_do_thi@phuong.example", "canbo.cong_an@phuong.example");
        await().atMost(Duration.ofSeconds(30)).until(() -> SMTP.getReceivedMessages().length >= 4);
        MimeMessage infrastructure = mailTo("canbo.kinh_te_ha_tang_do_thi@phuong.example");
        assertThat(infrastructure.getSubject()).isEqualTo("Kiến nghị của Phòng Kinh tế, Hạ tầng và Đô thị sáng 2026-11-26: 1 mới, 0 sắp hạn, 0 quá hạn");
        assertThat(infrastructure.getContent().toString()).contains("Mới (1)", "https://canbo.example/officer.html#case=case-new")
                .doesNotContain("case-late", TestCases.PHONE);
        assertThat(mailTo("canbo.cong_an@phuong.example").getContent().toString())
                .contains("Quá hạn (1)", "https://canbo.example/officer.html#case=case-late");
        assertThat(SMTP.getReceivedMessages()).hasSize(4);
    }

    @Test
    @Order(2)
    void showsACasesMessagesToOfficersWithChannelTemplateAndOutcomeButNoContact() throws Exception {
        publish(TestCases.smsCase().id("case-history").receivedAt(CLOCK.instant()).build());
        String officer = tokens.generateToken(Authentication.build("canbo.kinh_te_ha_tang_do_thi", List.of("OFFICER"),
                Map.of("department", "kinh_te_ha_tang_do_thi")), 600).orElseThrow();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.toBlocking()
                .retrieve(HttpRequest.GET("/api/cases/case-history/messages").bearerAuth(officer), String.class))
                .contains("\"event\":\"received\"", "\"channel\":\"sms\"", "\"template\":\"sms/received.vi\"",
                        "\"idempotencyKey\":\"case-history:1:sms\"")
                .doesNotContain("84901234567"));
        assertThatThrownBy(() -> http.toBlocking().retrieve(HttpRequest.GET("/api/cases/case-history/messages")))
                .isInstanceOf(HttpClientResponseException.class).hasMessageContaining("Unauthorized");
    }

    private void publish(CaseState... cases) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers());
        try (KafkaProducer<String, CaseState> producer = new KafkaProducer<>(properties, topics.cases().keySerde().serializer(),
                topics.cases().valueSerde().serializer())) {
            for (CaseState c : cases) {
                producer.send(new ProducerRecord<>(topics.cases().name(), c.caseId(), c)).get();
            }
        }
    }

    private List<String> recipients() {
        return Arrays.stream(SMTP.getReceivedMessages()).map(StaffMailTest::to).toList();
    }

    private MimeMessage mailTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> to(m).equals(address)).findFirst().orElseThrow();
    }

    private static String to(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The service's clock, moved by the test. */
    @Factory
    static class MovedClock {
        @Singleton
        @Replaces(bean = Clock.class, factory = NotificationBeans.class)
        Clock clock() {
            return CLOCK;
        }
    }
}
