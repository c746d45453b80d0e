package io.langnghe.ingest.channels;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.Json;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.ingest.AgainstTheBroker;
import io.langnghe.ingest.TestIngest;
import io.langnghe.ingest.contact.ContactHasher;
import io.langnghe.testsupport.SealedContacts;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.langnghe.ingest.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The SMS gateway and Zalo OA webhooks against the real broker. */
@MicronautTest
class SmsAndZaloEndpointTest extends AgainstTheBroker {

    private static final Duration WITHIN = Duration.ofSeconds(15);
    private static final String SMS_SECRET = "sms-secret-for-tests";
    private static final String OA_SECRET = "zalo-oa-secret-for-tests";
    private static final String CONTACT_SECRET = "contact-secret-for-tests";

    @Override
    protected Map<String, String> properties(String prefix) {
        return TestIngest.properties(prefix,
                "langnghe.secrets.sms-webhook", SMS_SECRET,
                "langnghe.secrets.zalo-oa", OA_SECRET,
                "langnghe.secrets.contact-hash", CONTACT_SECRET);
    }

    @Test
    void takesAnSmsAsAPetitionAndRepliesWithTheCodeInPlainAscii() {
        String messageId = "gw-" + UUID.randomUUID();
        String body = """
                {"from":"+84 912 345 678","text":"Cong ngo 5 bi tac, nuoc tran ra duong","messageId":"%s",
                 "receivedAt":"2026-11-26T08:30:00Z","to":"8077"}""".formatted(messageId);

        HttpResponse<String> response = http.postJson("/api/channels/sms", body, SmsController.SECRET_HEADER, SMS_SECRET);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode reply = json(response);
        String code = reply.get("trackingCode").asText();
        assertThat(TrackingCode.parse(code)).isPresent();
        assertThat(reply.get("reply").asText()).isEqualTo("Lang Nghe: da nhan kien nghi, ma tra cuu " + code)
                .matches("[\\x20-\\x7E]{1,160}");
        FeedbackReceived event = event(reply.get("feedbackId").asText());
        assertThat(event.channel()).isEqualTo(Channel.SMS);
        assertThat(event.trackingCode()).isEqualTo(code);
        assertThat(event.text()).isEqualTo("Cong ngo 5 bi tac, nuoc tran ra duong");
        assertThat(event.area()).isNull();
        assertThat(event.batchId()).isNull();
        assertThat(event.idempotencyKey()).isEqualTo("sms:" + messageId);
        assertThat(SealedContacts.of(topics).open(event.contact(), event.address()).phone()).isEqualTo("+84912345678");
        assertThat(event.contact().phoneMasked()).isEqualTo("+84 91x xxx x78");
        assertThat(event.contact().contactHash()).isEqualTo(new ContactHasher(CONTACT_SECRET).hash("+84912345678"));
        assertThat(event.contact().consentToContact()).isFalse();
        assertThat(event.client()).containsEntry("gatewayReceivedAt", "2026-11-26T08:30:00Z").containsEntry("smsTo", "8077");
    }

    @Test
    void takesTheFormEncodedPostManyGatewaysSendAndAnswersARetryWithTheFirstReply() {
        String messageId = "gw-" + UUID.randomUUID();
        byte[] form = ("from=0912.345.678&messageId=" + messageId + "&text=%C4%90%C3%A8n+%C4%91%C6%B0%E1%BB%9Dng+h%E1%BB%8Fng")
                .getBytes(StandardCharsets.UTF_8);
        long before = count();

        HttpResponse<String> first = http.postBytes("/api/channels/sms", form, "application/x-www-form-urlencoded",
                SmsController.SECRET_HEADER, SMS_SECRET);
        HttpResponse<String> retry = http.postBytes("/api/channels/sms", form, "application/x-www-form-urlencoded",
                SmsController.SECRET_HEADER, SMS_SECRET);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(json(retry).get("trackingCode")).isEqualTo(json(first).get("trackingCode"));
        assertThat(json(retry).get("replayed").asBoolean()).isTrue();
        assertThat(count()).isEqualTo(before + 1);
        assertThat(event(json(first).get("feedbackId").asText()).text()).isEqualTo("Đèn đường hỏng");
    }

    @Test
    void refusesAnSmsWithoutTheSecretOrWithBadFieldsAndStoresNothing() {
        long before = count();
        String good = "{\"from\":\"0912345678\",\"text\":\"Mat dien\",\"messageId\":\"gw-x\"}";

        HttpResponse<String> noSecret = http.postJson("/api/channels/sms", good);
        HttpResponse<String> wrongSecret = http.postJson("/api/channels/sms", good, SmsController.SECRET_HEADER, "guess");
        HttpResponse<String> bad = http.postJson("/api/channels/sms", "{\"from\":\"1900 1234\",\"text\":\"\"}",
                SmsController.SECRET_HEADER, SMS_SECRET);

        assertThat(noSecret.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(json(wrongSecret).get("title").asText()).contains(" / ");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("text", "from", "messageId");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void takesASignedZaloTextAsAPetitionKeepingTheUserOnlyInItsContactToAnswerThere() {
        String msgId = "zmsg-" + UUID.randomUUID();
        byte[] body = zaloText("8123456789012345678", msgId, "Rác ở chân cầu Đông Sơn không ai thu gom", Instant.now());

        HttpResponse<String> response = postZalo(body, signature(body));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode ack = json(response);
        assertThat(ack.get("status").asText()).isEqualTo("accepted");
        FeedbackReceived event = event(ack.get("feedbackId").asText());
        assertThat(event.channel()).isEqualTo(Channel.ZALO);
        assertThat(event.trackingCode()).isEqualTo(ack.get("trackingCode").asText());
        assertThat(event.text()).isEqualTo("Rác ở chân cầu Đông Sơn không ai thu gom");
        assertThat(event.idempotencyKey()).isEqualTo("zalo:" + msgId);
        assertThat(SealedContacts.of(topics).open(event.contact(), event.address()).phone()).isNull();
        assertThat(SealedContacts.of(topics).open(event.contact(), event.address()).name()).isNull();
        assertThat(event.contact().contactHash()).isEqualTo(new ContactHasher(CONTACT_SECRET).hash("zalo:8123456789012345678"));
        assertThat(event.client()).containsEntry("zaloAppId", "430021").containsEntry("zaloOaId", "579745863508352884");
        // the OA-scoped user id is how the ward answers on Zalo: in the contact, like an SMS sender's phone, and nowhere else
        assertThat(SealedContacts.of(topics).open(event.contact(), event.address()).zaloUserId()).isEqualTo("8123456789012345678");
        assertThat(event.client().values()).doesNotContain("8123456789012345678");

        HttpResponse<String> again = postZalo(body, signature(body));
        assertThat(json(again).get("replayed").asBoolean()).isTrue();
        assertThat(json(again).get("trackingCode")).isEqualTo(ack.get("trackingCode"));
    }

    @Test
    void refusesAForgedOrStaleZaloEventWith401AndStoresNothing() {
        long before = count();
        byte[] body = zaloText("812", "zmsg-" + UUID.randomUUID(), "Giả mạo", Instant.now());
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("Giả mạo", "Sửa đổi").getBytes(StandardCharsets.UTF_8);
        byte[] stale = zaloText("812", "zmsg-" + UUID.randomUUID(), "Cũ rồi", Instant.now().minus(Duration.ofMinutes(6)));
        byte[] ahead = zaloText("812", "zmsg-" + UUID.randomUUID(), "Đi trước", Instant.now().plus(Duration.ofMinutes(6)));

        assertThat(postZalo(body, null).statusCode()).isEqualTo(401);
        assertThat(postZalo(body, "mac=" + "0".repeat(64)).statusCode()).isEqualTo(401);
        assertThat(postZalo(tampered, signature(body)).statusCode()).isEqualTo(401);
        assertThat(postZalo(body, ZaloSignature.of("430021", body, timestamp(body), "wrong-secret")).statusCode()).isEqualTo(401);
        HttpResponse<String> old = postZalo(stale, signature(stale));
        assertThat(old.statusCode()).isEqualTo(401);
        assertThat(json(old).get("detail").asText()).contains("too old");
        assertThat(postZalo(ahead, signature(ahead)).statusCode()).isEqualTo(401);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void takesStopOrHuyAsAnOptOutOfMessagesNotAsAPetition() {
        long before = count();
        String sms = "{\"from\":\"0912 345 678\",\"text\":\" STOP \",\"messageId\":\"gw-" + UUID.randomUUID() + "\"}";
        byte[] zalo = zaloText("8123456789012345678", "zmsg-" + UUID.randomUUID(), "Hủy", Instant.now());

        HttpResponse<String> bySms = http.postJson("/api/channels/sms", sms, SmsController.SECRET_HEADER, SMS_SECRET);
        HttpResponse<String> byZalo = postZalo(zalo, signature(zalo));

        assertThat(bySms.statusCode()).as(bySms.body()).isEqualTo(202);
        assertThat(json(bySms).get("reply").asText()).matches("[\\x20-\\x7E]{1,160}");
        assertThat(json(bySms).path("trackingCode").isTextual()).as("no tracking code: nothing was filed").isFalse();
        assertThat(json(byZalo).get("status").asText()).isEqualTo("opted_out");
        assertThat(count()).isEqualTo(before);
        ContactHasher hasher = new ContactHasher(CONTACT_SECRET);
        assertThat(probe.awaitRecords(topics.contactOptOuts().name(), 2, WITHIN)).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder(hasher.hash("+84912345678"), hasher.hash("zalo:8123456789012345678"));
        assertThat(probe.readAll(topics.contactOptOuts().name(), WITHIN).stream().map(ConsumerRecord::value))
                .noneMatch(value -> value.contains("912345678"));
    }

    @Test
    void acknowledgesOtherZaloEventsWithoutFilingThem() {
        long before = count();
        byte[] follow = """
                {"app_id":"430021","event_name":"follow","timestamp":"%d","follower":{"id":"812"}}"""
                .formatted(Instant.now().toEpochMilli()).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = postZalo(follow, signature(follow));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("status").asText()).isEqualTo("ignored");
        assertThat(count()).isEqualTo(before);
    }

    private static byte[] zaloText(String userId, String msgId, String text, Instant at) {
        return """
                {"app_id":"430021","user_id_by_app":"552177279717587730","event_name":"user_send_text","timestamp":"%d",
                 "sender":{"id":"%s"},"recipient":{"id":"579745863508352884"},"message":{"text":"%s","msg_id":"%s"}}"""
                .formatted(at.toEpochMilli(), userId, text, msgId).getBytes(StandardCharsets.UTF_8);
    }

    private static String signature(byte[] body) {
        return ZaloSignature.of("430021", body, timestamp(body), OA_SECRET);
    }

    private static String timestamp(byte[] body) {
        try {
            return Json.mapper().readTree(body).get("timestamp").asText();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> postZalo(byte[] body, String signature) {
        return signature == null
                ? http.postBytes("/api/channels/zalo", body, "application/json")
                : http.postBytes("/api/channels/zalo", body, "application/json", ZaloSignature.HEADER, signature);
    }

    private long count() {
        return probe.count(topics.feedbackReceived().name(), WITHIN);
    }

    private FeedbackReceived event(String feedbackId) {
        List<ConsumerRecord<String, String>> records = probe.readAll(topics.feedbackReceived().name(), WITHIN).stream()
                .filter(record -> feedbackId.equals(record.key())).toList();
        assertThat(records).hasSize(1);
        try {
            return Json.mapper().readValue(records.get(0).value(), FeedbackReceived.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
