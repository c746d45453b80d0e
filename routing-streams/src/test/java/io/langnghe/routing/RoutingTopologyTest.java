package io.langnghe.routing;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.Classification;
import io.langnghe.contracts.DeadLetter;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.HistoryEntry;
import io.langnghe.contracts.Place;
import io.langnghe.contracts.ProposedRequest;
import io.langnghe.contracts.RoutingRule;
import io.langnghe.contracts.Topics;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.routing.classify.BlendedClassifier;
import io.langnghe.routing.classify.ClassifierSettings;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static io.langnghe.routing.TestFeedback.feedback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RoutingTopologyTest {

    static final Taxonomy taxonomy = Taxonomy.loadDefault();
    static final BlendedClassifier classifier = BlendedClassifier.trained(taxonomy, ClassifierSettings.DEFAULTS);
    static final Topics topics = Topics.withPrefix("test");
    static final Instant recordedAt = Instant.parse("2025-09-15T02:00:01Z");
    static final Instant now = Instant.parse("2025-09-15T02:00:05Z");

    RoutingUnderTest routing;
    TestInputTopic<String, byte[]> received;
    TestOutputTopic<String, CaseState> cases;
    TestOutputTopic<String, DeadLetter> deadLetters;
    TestInputTopic<String, RoutingRule> rules;

    @BeforeEach
    void start() {
        routing = RoutingUnderTest.at("routing-topology-test", now).withClassifier(classifier).start();
        received = routing.received();
        cases = routing.cases();
        deadLetters = routing.deadLetters();
        rules = routing.rules();
    }

    @AfterEach
    void stop() {
        routing.close();
    }

    @Test
    void routesBlockedDrainThatSmellsToInfrastructureDepartment() {
        // Given
        FeedbackReceived drain = feedback().id("fb-drain").text("Cống thoát nước trước nhà số 12 ngõ 5 bị tắc, mùi hôi bốc lên").build();

        // When
        petitions(drain);

        // Then
        CaseState routed = cases.readValue();
        assertThat(routed.caseId()).isEqualTo("fb-drain");
        assertThat(routed.classification()).isEqualTo(new Classification(Category.GIAO_THONG_HA_TANG, 1.0, List.of("cống thoát nước", "tắc")));
        assertThat(routed.department()).isEqualTo("kinh_te_ha_tang_do_thi");
        assertThat(routed.status()).isEqualTo(CaseStatus.ASSIGNED);
        assertThat(routed.version()).isEqualTo(1);
        assertThat(routed.history()).containsExactly(new HistoryEntry(1, recordedAt, "routing-streams", "routed", CaseStatus.ASSIGNED,
                "→ kinh_te_ha_tang_do_thi (giao_thong_ha_tang)"));
        assertThat(cases.isEmpty()).isTrue();
    }

    @Test
    void keepsWhatTheResidentSentAndDatesTheCaseByItsRecord() {
        // Given
        FeedbackReceived petition = feedback().id("fb-7").area("tdp-07").build();

        // When
        petitions(petition);

        // Then
        CaseState routed = cases.readValue();
        assertThat(routed).extracting(CaseState::trackingCode, CaseState::feedbackId, CaseState::channel, CaseState::text,
                        CaseState::area, CaseState::address, CaseState::contact, CaseState::receivedAt)
                .containsExactly(petition.trackingCode(), "fb-7", petition.channel(), petition.text(),
                        "tdp-07", petition.address(), petition.contact(), petition.receivedAt());
        assertThat(routed).extracting(CaseState::createdAt, CaseState::updatedAt, CaseState::dueAt)
                // opened on a Monday: one working day to acknowledge
                .containsExactly(recordedAt, recordedAt, Instant.parse("2025-09-16T02:00:01Z"));
    }

    @Test
    void placesAPetitionSentWithoutAreaWhereItsWordsSay() {
        // Given: a hotline note naming the village by the commune's old numbering, and one naming no place
        FeedbackReceived named = feedback().id("fb-hotline").channel(Channel.HOTLINE).area(null).address(null)
                .text("Người dân gọi báo cống thoát nước bị tắc ở thôn 3 xã Đông Hòa cũ").build();
        FeedbackReceived unnamed = feedback().id("fb-sms").channel(Channel.SMS).area(null).address(null)
                .text("cong thoat nuoc bi tac mui hoi qua").build();

        // When
        petitions(named, unnamed);

        // Then
        CaseState placed = cases.readValue();
        assertThat(placed.area()).isEqualTo("dong-hoa-hien-thu");
        assertThat(placed.classification().place()).extracting(Place::formerUnit, Place::toConfirm)
                .containsExactly("dong-hoa", false);
        CaseState unplaced = cases.readValue();
        assertThat(unplaced.area()).isNull();
        assertThat(unplaced.classification().place()).isNull();
    }

    @Test
    void proposesEachRequestOfALetterAsItsOwnCaseRoutedOnItsOwn() {
        // Given: a letter from a village with two requests for two departments
        FeedbackReceived letter = feedback().id("fb-letter").channel(Channel.HOTLINE).area(null).address(null).text("""
                Kính gửi UBND phường. Tôi là Nguyễn Văn An, trú tại thôn Tam Xuyên, xã Đông Khê cũ. Tôi kiến nghị:
                1. Cống thoát nước đầu làng bị tắc, nước thải tràn ra đường.
                2. Thanh niên tụ tập đua xe máy lúc nửa đêm, gây mất an ninh.
                Xin trân trọng cảm ơn!""").build();

        // When
        petitions(letter);

        // Then: the letter's case lists both, each with its own category and department, in the letter's area
        CaseState routed = cases.readValue();
        assertThat(routed.area()).isEqualTo("dong-khe-tam-xuyen");
        assertThat(routed.classification().requests())
                .extracting(ProposedRequest::index, ProposedRequest::category, ProposedRequest::department, ProposedRequest::area)
                .containsExactly(
                        tuple(1, Category.GIAO_THONG_HA_TANG, "kinh_te_ha_tang_do_thi", "dong-khe-tam-xuyen"),
                        tuple(2, Category.AN_NINH_TRAT_TU, "cong_an", "dong-khe-tam-xuyen"));
    }

    @Test
    void bringsThePetitionsPhotosToTheCase() {
        FeedbackReceived.PhotoRef photo = new FeedbackReceived.PhotoRef("sha256-" + "a".repeat(64) + ".jpg", "image/jpeg", 2048, false);

        petitions(feedback().id("fb-8").photos(List.of(photo)).build());

        CaseState routed = cases.readValue();
        assertThat(routed.photos()).containsExactly(photo);
        assertThat(routed.answerPhotos()).isEmpty();
    }

    @Test
    void routesEachPetitionToTheDepartmentOfItsCategory() {
        // Given petitions as residents write them; When they are read
        petitions(
                feedback().id("fb-1").text("Đèn đường ở đầu ngõ 7 hỏng cả tuần nay").build(),        // street light: infrastructure
                feedback().id("fb-2").text("Mất điện từ sáng đến giờ chưa có lại").build(),
                feedback().id("fb-3").text("Quán karaoke hát ồn ào đến 12 giờ đêm").build(),          // noise: environment
                feedback().id("fb-4").text("cong thoat nuoc bi tac, mui hoi thoi boc len").build(),   // no diacritics
                feedback().id("fb-5").text("THANH NIÊN ĐUA XE, ĐÁNH NHAU TRƯỚC CỔNG TRƯỜNG").build(), // capitals
                feedback().id("fb-6").text("Xin cảm ơn phường đã quan tâm").build());

        // Then
        assertThat(cases.readValuesToList())
                .extracting(CaseState::caseId, CaseState::category, CaseState::department)
                .containsExactly(
                        tuple("fb-1", Category.GIAO_THONG_HA_TANG, "kinh_te_ha_tang_do_thi"),
                        tuple("fb-2", Category.DIEN_NUOC, "kinh_te_ha_tang_do_thi"),
                        tuple("fb-3", Category.MOI_TRUONG, "kinh_te_ha_tang_do_thi"),
                        tuple("fb-4", Category.GIAO_THONG_HA_TANG, "kinh_te_ha_tang_do_thi"),
                        tuple("fb-5", Category.AN_NINH_TRAT_TU, "cong_an"),
                        tuple("fb-6", Category.KHAC, "van_phong"));
    }

    @Test
    void routesByTheRulesAsTheyStandWhenThePetitionArrives() {
        // Given a rule: karaoke in tdp-13 goes to the police
        rules.pipeInput("tdp-13-karaoke", new RoutingRule(RoutingRule.SCHEMA_VERSION, "tdp-13-karaoke", Category.MOI_TRUONG,
                "tdp-13", List.of("karaoke"), "cong_an", 0));

        // When petitions arrive, before and after the rule is removed
        petitions(
                feedback().id("fb-1").area("tdp-13").text("Quán karaoke hát ồn ào đến 12 giờ đêm").build(),
                feedback().id("fb-2").area("tdp-01").text("Quán karaoke hát ồn ào đến 12 giờ đêm").build());   // another area
        rules.pipeInput("tdp-13-karaoke", null);
        petitions(feedback().id("fb-3").area("tdp-13").text("Quán karaoke hát ồn ào đến 12 giờ đêm").build());

        // Then
        assertThat(cases.readValuesToList())
                .extracting(CaseState::caseId, CaseState::department, c -> c.history().get(0).note())
                .containsExactly(
                        tuple("fb-1", "cong_an", "→ cong_an (moi_truong; quy tắc / rule tdp-13-karaoke)"),
                        tuple("fb-2", "kinh_te_ha_tang_do_thi", "→ kinh_te_ha_tang_do_thi (moi_truong)"),
                        tuple("fb-3", "kinh_te_ha_tang_do_thi", "→ kinh_te_ha_tang_do_thi (moi_truong)"));
    }

    @Test
    void sendsUnsurePetitionsToTheTriageDeskWithBothCandidates() {
        // Given a school without power: education or electricity? When it is read
        petitions(feedback().id("fb-mixed").text("trường học mất điện, cả trường nghỉ học").build());

        // Then
        CaseState routed = cases.readValue();
        assertThat(routed.department()).isEqualTo("van_phong");
        assertThat(routed.classification().reasons()).containsExactly("giao_duc 0.53: trường học", "dien_nuoc 0.43: mất điện");
        assertThat(routed.history().get(0).note())
                .isEqualTo("→ van_phong (chưa chắc / unsure: giao_duc 0.53: trường học | dien_nuoc 0.43: mất điện)");
    }

    @Test
    void setsAsidePoisonRecordsAndGoesOn() {
        // Given a record that is not JSON, one without text, then a good petition; When they are read
        received.pipeInput(new TestRecord<>("fb-bad", "not json at all".getBytes(StandardCharsets.UTF_8), recordedAt));
        received.pipeInput(new TestRecord<>("fb-empty", "{\"feedbackId\":\"fb-empty\",\"text\":\"  \"}".getBytes(StandardCharsets.UTF_8), recordedAt));
        petitions(feedback().id("fb-good").text("Đèn đường hỏng").build());

        // Then
        assertThat(deadLetters.readValuesToList())
                .extracting(DeadLetter::sourceTopic, DeadLetter::offset, d -> decode(d.keyBase64()), d -> decode(d.valueBase64()),
                        DeadLetter::failedBy, DeadLetter::failedAt)
                .containsExactly(
                        tuple("test.feedback.received.v1", 0L, "fb-bad", "not json at all", "routing-streams", now),
                        tuple("test.feedback.received.v1", 1L, "fb-empty", "{\"feedbackId\":\"fb-empty\",\"text\":\"  \"}", "routing-streams", now));
        assertThat(cases.readValuesToList()).extracting(CaseState::caseId, CaseState::department)
                .containsExactly(tuple("fb-good", "kinh_te_ha_tang_do_thi"));
    }

    @Test
    void explainsWhyARecordWasSetAside() {
        // Given records that are not petitions; When they are read
        received.pipeInput("fb-bad", "not json at all".getBytes(StandardCharsets.UTF_8));
        received.pipeInput("fb-empty", "{\"feedbackId\":\"fb-empty\",\"text\":\"\"}".getBytes(StandardCharsets.UTF_8));
        received.pipeInput("fb-other", json(feedback().id("fb-x").build()));
        received.pipeInput("fb-channel", "{\"feedbackId\":\"fb-channel\",\"text\":\"Rác\",\"channel\":\"fax\"}".getBytes(StandardCharsets.UTF_8));

        // Then each dead letter says why
        assertThat(deadLetters.readValuesToList()).extracting(DeadLetter::error)
                .satisfiesExactly(
                        error -> assertThat(error).startsWith("not a FeedbackReceived: Unrecognized token 'not'"),
                        error -> assertThat(error).isEqualTo("text is missing or empty"),
                        error -> assertThat(error).isEqualTo("the record key fb-other is not the feedbackId fb-x"),
                        error -> assertThat(error).startsWith("not a FeedbackReceived").contains("unknown channel: fax"));
        assertThat(cases.isEmpty()).isTrue();
    }

    @Test
    void putsAComplaintOnTheLegalTrackAtTheTriageDesk() {
        petitions(feedback().id("fb-legal").text("Tôi làm đơn khiếu nại việc phường cấp phép xây dựng sai cho nhà bên cạnh").build());

        assertThat(cases.readValue()).extracting(c -> c.caseType().code(), CaseState::department, CaseState::urgent)
                .containsExactly("complaint", "van_phong", false);
    }

    @Test
    void marksAnUrgentPetition() {
        petitions(feedback().id("fb-fire").text("chay nha o ngo 5, khoi bay mu mit").build());

        assertThat(cases.readValue()).extracting(CaseState::urgent, c -> c.caseType().code()).containsExactly(true, "petition");
    }

    private void petitions(FeedbackReceived... petitions) {
        for (FeedbackReceived petition : petitions) {
            received.pipeInput(new TestRecord<>(petition.feedbackId(), json(petition), recordedAt));
        }
    }

    private static byte[] json(FeedbackReceived petition) {
        return topics.feedbackReceived().valueSerde().serializer().serialize(topics.feedbackReceived().name(), petition);
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
