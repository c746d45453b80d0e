package io.langnghe.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case record written before the case had named parts (the fixture was produced by that code, every
 * field set) is read by today's code, and written back as the same flat JSON, so readers of either
 * version read the other's records on {@code cases.v1}.
 */
class CaseStateWireTest {

    private static final String BEFORE_PARTS = "/wire/case-state-before-parts.json";

    @Test
    void readsACaseWrittenBeforeTheNamedParts() throws IOException {
        CaseState c = Json.mapper().readValue(fixture(), CaseState.class);

        assertThat(c.caseId()).isEqualTo("case-7f3a");
        assertThat(c.version()).isEqualTo(3);
        assertThat(c.petition().trackingCode()).isEqualTo("K7MX-Q2PA-9C");
        assertThat(c.petition().channel()).isEqualTo(Channel.HOTLINE);
        assertThat(c.petition().contact().zaloUserId()).isEqualTo("zalo-42");
        assertThat(c.petition().caseRef()).isEqualTo("ABCD-EFGH-2J");
        assertThat(c.petition().photos()).extracting(FeedbackReceived.PhotoRef::ref).containsExactly("sha256:aa11");
        assertThat(c.assignment().area()).isEqualTo("tdp-05");
        assertThat(c.assignment().department()).isEqualTo("kinh_te_ha_tang_do_thi");
        assertThat(c.assignment().caseType()).isEqualTo(CaseType.COMPLAINT);
        assertThat(c.assignment().classification().requests()).extracting(ProposedRequest::department)
                .containsExactly("kinh_te_ha_tang_do_thi", "cong_an");
        assertThat(c.clock().dueAt()).isEqualTo(Instant.parse("2026-03-07T01:15:00Z"));
        assertThat(c.clock().deadlineState()).isEqualTo(DeadlineState.DUE_SOON);
        assertThat(c.clock().urgent()).isTrue();
        assertThat(c.clock().complex()).isTrue();
        assertThat(c.clock().extensions()).isEqualTo(1);
        assertThat(c.assessment().clusterId()).isEqualTo("cluster-tdp-05-1");
        assertThat(c.assessment().risk().score()).isEqualTo(64);
        assertThat(c.outcome().status()).isEqualTo(CaseStatus.ANSWERED);
        assertThat(c.outcome().publicAnswer()).isEqualTo("Đã nạo vét cống.");
        assertThat(c.outcome().answerPhotos()).extracting(FeedbackReceived.PhotoRef::ref).containsExactly("sha256:bb22");
        assertThat(c.outcome().rating().proven()).isTrue();
        assertThat(c.history()).extracting(HistoryEntry::action).containsExactly("received", "acknowledge", "answer");
    }

    @Test
    void writesTheSameFlatJsonTheEarlierVersionWrote() throws IOException {
        JsonNode before = Json.mapper().readTree(fixture());

        CaseState c = Json.mapper().readValue(fixture(), CaseState.class);
        JsonNode after = Json.mapper().readTree(Json.mapper().writeValueAsBytes(c));

        assertThat(after).isEqualTo(before);
    }

    @Test
    void readsAnOlderRecordWithoutTheLaterFieldsWithTheirDefaults() throws IOException {
        String older = """
                {"schemaVersion":1,"caseId":"c-1","version":1,"trackingCode":"K7MX-Q2PA-9C","feedbackId":"c-1",
                 "channel":"web","text":"Đèn đường hỏng","area":"tdp-01","status":"assigned",
                 "department":"kinh_te_ha_tang_do_thi","createdAt":"2025-01-02T03:04:05Z","history":[]}""";

        CaseState c = Json.mapper().readValue(older, CaseState.class);

        assertThat(c.clock().deadlineState()).isEqualTo(DeadlineState.ON_TIME);
        assertThat(c.assignment().caseType()).isEqualTo(CaseType.PETITION);
        assertThat(c.petition().photos()).isEmpty();
        assertThat(c.outcome().answerPhotos()).isEmpty();
        assertThat(c.assessment()).isEqualTo(CaseState.Assessment.NONE);
        assertThat(c.isOpen()).isTrue();
    }

    private static byte[] fixture() throws IOException {
        try (InputStream in = CaseStateWireTest.class.getResourceAsStream(BEFORE_PARTS)) {
            assertThat(in).as(BEFORE_PARTS).isNotNull();
            return in.readAllBytes();
        }
    }
}
