package io.langnghe.ingest.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.access.Roles;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.Json;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.ingest.AgainstTheBroker;
import io.langnghe.testsupport.SealedContacts;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.langnghe.ingest.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Meeting batches against the real broker: every good row filed once, every bad row answered, resends file nothing new. */
@MicronautTest
class BatchEndpointTest extends AgainstTheBroker {

    private static final Duration WITHIN = Duration.ofSeconds(15);
    private static final String DRAIN = "Cống thoát nước đầu ngõ 5 bị tắc, mưa là ngập";
    private static final String LIGHT = "Đèn đường ngõ 7 hỏng đã hai tuần";

    private String groupLeader;

    @Inject
    TokenGenerator tokens;

    @BeforeAll
    void signIn() {
        groupLeader = token("totruong.tdp-05", Roles.GROUP_LEADER);
    }

    @Test
    void filesEveryGoodRowOfAMeetingAndAnswersTheBadOneWithItsReason() {
        String place = "Nhà văn hóa tổ dân phố 5 " + UUID.randomUUID();
        String body = """
                {"meeting":{"kind":"group_meeting","date":"2026-11-20","place":"%s","chairedBy":"Nguyễn Văn Tổ","area":"tdp-05"},
                 "rows":[
                   {"rowKey":"1","text":"%s","name":"Lê Văn Cống","phone":"0912 345 678","consentToContact":true},
                   {"rowKey":"2","text":"Nhà văn hóa dột mái","phone":"12 34"},
                   {"rowKey":"3","text":"%s","area":"tdp-07","address":"Ngõ 7"}
                 ]}""".formatted(place, Normalizer.normalize(DRAIN, Normalizer.Form.NFD), LIGHT);
        long before = count();

        HttpResponse<String> response = http.postJson("/api/batches", body, "Authorization", "Bearer " + groupLeader);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode receipt = json(response);
        String batchId = receipt.get("batchId").asText();
        assertThat(batchId).matches("b-[0-9a-f]{24}");
        assertThat(receipt.get("accepted").asInt()).isEqualTo(2);
        assertThat(receipt.get("rejected").asInt()).isEqualTo(1);
        JsonNode rows = receipt.get("rows");
        assertThat(rows).extracting(row -> row.get("rowKey").asText() + ":" + row.get("status").asText())
                .containsExactly("1:accepted", "2:rejected", "3:accepted");
        assertThat(rows.get(1).get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("field").asText()).isEqualTo("phone");
            assertThat(error.get("message_vi").asText()).startsWith("Số điện thoại không hợp lệ");
            assertThat(error.get("message_en").asText()).startsWith("Not a Vietnamese");
        });
        assertThat(count()).isEqualTo(before + 2);

        FeedbackReceived first = event(rows.get(0).get("feedbackId").asText());
        assertThat(first.trackingCode()).isEqualTo(rows.get(0).get("trackingCode").asText());
        assertThat(TrackingCode.parse(first.trackingCode())).isPresent();
        assertThat(first.channel()).isEqualTo(Channel.GROUP_MEETING);
        assertThat(first.text()).isEqualTo(DRAIN);
        assertThat(first.area()).as("a row without area takes the meeting's").isEqualTo("tdp-05");
        assertThat(SealedContacts.of(topics).open(first.contact(), first.address()).address()).isNull();
        assertThat(first.batchId()).isEqualTo(batchId);
        assertThat(first.caseRef()).isNull();
        assertThat(first.idempotencyKey()).isEqualTo("batch:" + batchId + "/1");
        assertThat(SealedContacts.of(topics).open(first.contact(), first.address()).name()).isEqualTo("Lê Văn Cống");
        assertThat(SealedContacts.of(topics).open(first.contact(), first.address()).phone()).isEqualTo("+84912345678");
        assertThat(first.contact().phoneMasked()).isEqualTo("+84 91x xxx x78");
        assertThat(first.contact().contactHash()).hasSize(64);
        assertThat(first.contact().consentToContact()).isTrue();
        assertThat(first.meeting()).isEqualTo(new FeedbackReceived.Meeting(
                "group_meeting", LocalDate.of(2026, 11, 20), place, "Nguyễn Văn Tổ", "tdp-05"));
        assertThat(first.requestedCategory()).isNull();
        assertThat(first.photos()).isEmpty();
        assertThat(first.client()).containsExactlyInAnyOrderEntriesOf(Map.of("submittedBy", "totruong.tdp-05"));

        FeedbackReceived third = event(rows.get(2).get("feedbackId").asText());
        assertThat(third.text()).isEqualTo(LIGHT);
        assertThat(third.area()).isEqualTo("tdp-07");
        assertThat(SealedContacts.of(topics).open(third.contact(), third.address()).address()).isEqualTo("Ngõ 7");
        assertThat(third.contact().phoneMasked()).isNull();
        assertThat(SealedContacts.of(topics).open(third.contact(), third.address()).phone()).isNull();
        assertThat(third.batchId()).isEqualTo(batchId);
    }

    @Test
    void resendingTheSameBatchFilesNothingNewAndGivesTheSameCodes() {
        String body = voterMeeting("Hội trường UBND phường " + UUID.randomUUID(), """
                {"rowKey":"a","text":"%s"},{"rowKey":"b","text":"%s"}""".formatted(DRAIN, LIGHT));
        String deputy = token("daibieu", Roles.DEPUTY);

        JsonNode first = json(http.postJson("/api/batches", body, "Authorization", "Bearer " + deputy));
        long afterFirst = count();
        JsonNode again = json(http.postJson("/api/batches", body, "Authorization", "Bearer " + deputy));

        assertThat(count()).isEqualTo(afterFirst);
        assertThat(again.get("batchId")).isEqualTo(first.get("batchId"));
        assertThat(again.get("rows")).extracting(row -> row.get("trackingCode").asText())
                .containsExactlyElementsOf(first.get("rows").findValuesAsText("trackingCode"));
        assertThat(again.get("rows")).allSatisfy(row -> assertThat(row.get("replayed").asBoolean()).isTrue());
        assertThat(first.get("rows")).allSatisfy(row -> assertThat(row.get("replayed").asBoolean()).isFalse());
        assertThat(event(first.get("rows").get(0).get("feedbackId").asText()).channel()).isEqualTo(Channel.VOTER_MEETING);
    }

    @Test
    void resendingWithACorrectedRowFilesOnlyThatRow() {
        String place = "Nhà văn hóa " + UUID.randomUUID();
        String broken = voterMeeting(place, """
                {"rowKey":"1","text":"%s"},{"rowKey":"2","text":"Mất nước","area":"tdp-99"}""".formatted(DRAIN));
        String corrected = voterMeeting(place, """
                {"rowKey":"1","text":"%s"},{"rowKey":"2","text":"Mất nước","area":"tdp-09"}""".formatted(DRAIN));
        String deputy = token("daibieu", Roles.DEPUTY);

        JsonNode first = json(http.postJson("/api/batches", broken, "Authorization", "Bearer " + deputy));
        long afterFirst = count();
        JsonNode second = json(http.postJson("/api/batches", corrected, "Authorization", "Bearer " + deputy));

        assertThat(first.get("rows").get(1).get("errors").get(0).get("field").asText()).isEqualTo("area");
        assertThat(second.get("accepted").asInt()).isEqualTo(2);
        assertThat(second.get("rows").get(0).get("replayed").asBoolean()).isTrue();
        assertThat(second.get("rows").get(1).get("replayed").asBoolean()).isFalse();
        assertThat(count()).isEqualTo(afterFirst + 1);
        assertThat(event(second.get("rows").get(1).get("feedbackId").asText()).area()).isEqualTo("tdp-09");
    }

    @Test
    void refusesARowKeyReusedForOtherWordsAndARowKeyTwiceInOneBatch() {
        String place = "Sân tổ dân phố " + UUID.randomUUID();
        http.postJson("/api/batches", voterMeeting(place, "{\"rowKey\":\"1\",\"text\":\"Đường lún\"}"), "Authorization", "Bearer " + groupLeader);
        long before = count();

        JsonNode answer = json(http.postJson("/api/batches", voterMeeting(place, """
                {"rowKey":"1","text":"Chợ tạm lấn chiếm vỉa hè"},{"rowKey":"2","text":"Cây đổ"},{"rowKey":"2","text":"Cây đổ chắn đường"}"""),
                "Authorization", "Bearer " + groupLeader));

        assertThat(answer.get("rows")).extracting(row -> row.get("status").asText() + ":" + row.path("errors").path(0).path("code").asText())
                .containsExactly("rejected:reused", "accepted:", "rejected:duplicate");
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void filesACsvUploadOneRowPerPetition() {
        String csv = "STT;Nội dung;Tổ dân phố;Họ tên;Số điện thoại\r\n"
                + "1;\"Ngõ 9 ngập; nước\r\nbẩn\";tdp-09;Trần Thị Bình;0901 234 567\r\n"
                + "2;;tdp-09;;\r\n"
                + "3;Karaoke ồn sau 23 giờ;;;\r\n";
        String query = "?kind=group_meeting&date=2026-11-21&place=" + URLEncoder.encode("Nhà văn hóa " + UUID.randomUUID(), StandardCharsets.UTF_8)
                + "&chairedBy=" + URLEncoder.encode("Phạm Thị Tổ", StandardCharsets.UTF_8) + "&area=tdp-08";
        long before = count();

        HttpResponse<String> response = http.postBytes("/api/batches/csv" + query, csv.getBytes(StandardCharsets.UTF_8), "text/csv",
                "Authorization", "Bearer " + groupLeader);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode rows = json(response).get("rows");
        assertThat(rows).extracting(row -> row.get("rowKey").asText() + ":" + row.get("status").asText())
                .containsExactly("1:accepted", "2:rejected", "3:accepted");
        assertThat(rows.get(1).get("errors").get(0).get("field").asText()).isEqualTo("text");
        assertThat(count()).isEqualTo(before + 2);
        FeedbackReceived first = event(rows.get(0).get("feedbackId").asText());
        assertThat(first.text()).isEqualTo("Ngõ 9 ngập; nước\nbẩn");
        assertThat(first.area()).isEqualTo("tdp-09");
        assertThat(SealedContacts.of(topics).open(first.contact(), first.address()).phone()).isEqualTo("+84901234567");
        assertThat(first.batchId()).isEqualTo(json(response).get("batchId").asText());
        assertThat(event(rows.get(2).get("feedbackId").asText()).area()).isEqualTo("tdp-08");
    }

    @Test
    void storesRowsTypedWithTheOldTcvn3AndVniFontsAsUnicode() {
        String csv = "STT,Nội dung\r\n1,Cèng tho¸t n\u00ADíc bÞ t¾c\r\n2,Ñeøn ñöôøng hoûng ñaõ hai tuaàn\r\n"
                .replace("Nội dung", "Noi dung");
        String query = "?kind=voter_meeting&date=2026-11-18&place=" + UUID.randomUUID() + "&chairedBy=Dai+bieu";

        HttpResponse<String> response = http.postBytes("/api/batches/csv" + query, csv.getBytes(Charset.forName("windows-1252")),
                "text/csv", "Authorization", "Bearer " + groupLeader);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode rows = json(response).get("rows");
        assertThat(event(rows.get(0).get("feedbackId").asText()).text()).isEqualTo("Cống thoát nước bị tắc");
        assertThat(event(rows.get(1).get("feedbackId").asText()).text()).isEqualTo("Đèn đường hỏng đã hai tuần");
    }

    @Test
    void refusesABadMeetingOrTooManyRowsWholeAndFilesNothing() {
        long before = count();
        String badMeeting = """
                {"meeting":{"kind":"party","date":"20/11/2026","place":"","chairedBy":"Tổ trưởng"},"rows":[{"text":"%s"}]}""".formatted(DRAIN);
        String tooMany = voterMeeting("Nhà văn hóa", IntStream.rangeClosed(1, 501)
                .mapToObj(i -> "{\"rowKey\":\"" + i + "\",\"text\":\"Kiến nghị " + i + "\"}").collect(Collectors.joining(",")));
        String future = """
                {"meeting":{"kind":"voter_meeting","date":"%s","place":"Hội trường","chairedBy":"Đại biểu"},"rows":[{"text":"%s"}]}"""
                .formatted(LocalDate.now().plusDays(3), DRAIN);

        JsonNode meetingProblem = problem(http.postJson("/api/batches", badMeeting, "Authorization", "Bearer " + groupLeader));
        JsonNode sizeProblem = problem(http.postJson("/api/batches", tooMany, "Authorization", "Bearer " + groupLeader));
        JsonNode futureProblem = problem(http.postJson("/api/batches", future, "Authorization", "Bearer " + groupLeader));
        JsonNode csvProblem = problem(http.postBytes("/api/batches/csv?kind=voter_meeting&date=2026-11-20&place=X&chairedBy=Y",
                new byte[] {(byte) 0xC3, (byte) 0x28, 'a'}, "text/csv", "Authorization", "Bearer " + groupLeader));

        assertThat(meetingProblem.get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("meeting.kind", "meeting.date", "meeting.place");
        assertThat(sizeProblem.get("errors").get(0).get("code").asText()).isEqualTo("too_many");
        assertThat(futureProblem.get("errors").get(0).get("code").asText()).isEqualTo("in_future");
        assertThat(csvProblem.get("errors").get(0).get("code").asText()).isEqualTo("not_utf8");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void admitsOnlyGroupLeadersAndDeputies() {
        String body = voterMeeting("Nhà văn hóa", "{\"text\":\"" + DRAIN + "\"}");

        HttpResponse<String> anonymous = http.postJson("/api/batches", body);
        HttpResponse<String> operator = http.postJson("/api/batches", body, "Authorization", "Bearer " + token("tongdai", Roles.OPERATOR));

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(operator.statusCode()).isEqualTo(403);
        assertThat(operator.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static String voterMeeting(String place, String rows) {
        return """
                {"meeting":{"kind":"voter_meeting","date":"2026-11-19","place":"%s","chairedBy":"Đại biểu Hoàng Văn Cử"},"rows":[%s]}"""
                .formatted(place, rows);
    }

    private static JsonNode problem(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        return json(response);
    }

    private String token(String username, String role) {
        return tokens.generateToken(Authentication.build(username, List.of(role)), 600).orElseThrow();
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
