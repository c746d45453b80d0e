package io.langnghe.search;

import io.langnghe.contracts.Alert;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseType;
import io.langnghe.contracts.DeadlineState;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.Rating;
import io.langnghe.contracts.Risk;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.Classification;
import io.langnghe.contracts.Contact;
import io.langnghe.contracts.HistoryEntry;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Cases for tests: a blocked drain in tdp-05, routed to the infrastructure desk, unless overridden. */
public final class TestCases {

    private String caseId = "case-" + UUID.randomUUID();
    private long version = 1;
    private String trackingCode = randomTrackingCode();
    private String text = "Cống thoát nước trước nhà số 12 ngõ 5 bị tắc, mùi hôi bốc lên";
    private String area = "tdp-05";
    private Classification classification;
    private Category category = Category.GIAO_THONG_HA_TANG;
    private String department = "kinh_te_ha_tang_do_thi";
    private CaseStatus status = CaseStatus.ASSIGNED;
    private Contact contact = new Contact("Nguyễn Văn An", "+84901234567", "+84 90x xxx x67", "hash-an", true);
    private String address = "12 ngõ 5, tổ dân phố 5";
    private String publicAnswer;
    private Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private Instant dueAt;
    private Channel channel = Channel.WEB;
    private List<HistoryEntry> history;
    private String batchId;
    private boolean urgent;
    private CaseType caseType = CaseType.PETITION;
    private String clusterId;
    private Risk risk;
    private Rating rating;
    private List<FeedbackReceived.PhotoRef> photos = List.of();
    private List<FeedbackReceived.PhotoRef> answerPhotos = List.of();

    private TestCases() {
    }

    public static TestCases caseState() {
        return new TestCases();
    }

    public TestCases caseId(String value) { caseId = value; return this; }
    public TestCases version(long value) { version = value; return this; }
    public TestCases trackingCode(String value) { trackingCode = value; return this; }
    public TestCases text(String value) { text = value; return this; }
    public TestCases area(String value) { area = value; return this; }
    /** What the stream read from the petition (category, place, requests), instead of the default drain's. */
    public TestCases classification(Classification value) { classification = value; return this; }
    public TestCases category(Category value) { category = value; return this; }
    public TestCases department(String value) { department = value; return this; }
    public TestCases status(CaseStatus value) { status = value; return this; }
    public TestCases contact(Contact value) { contact = value; return this; }
    public TestCases publicAnswer(String value) { publicAnswer = value; return this; }
    public TestCases createdAt(Instant value) { createdAt = value; return this; }
    public TestCases dueAt(Instant value) { dueAt = value; return this; }
    public TestCases history(List<HistoryEntry> value) { history = value; return this; }
    public TestCases channel(String code) { channel = Channel.fromCode(code).orElseThrow(); return this; }
    public TestCases batchId(String value) { batchId = value; return this; }
    public TestCases urgent(boolean value) { urgent = value; return this; }
    public TestCases caseType(CaseType value) { caseType = value; return this; }
    public TestCases clusterId(String value) { clusterId = value; return this; }
    public TestCases rating(Rating value) { rating = value; return this; }
    public TestCases photos(List<FeedbackReceived.PhotoRef> value) { photos = value; return this; }
    public TestCases answerPhotos(List<FeedbackReceived.PhotoRef> value) { answerPhotos = value; return this; }

    /** A risk of this score, its level and one reason per code (each weighing score / codes). */
    public TestCases risk(int score, String level, String... reasonCodes) {
        List<Alert.Reason> reasons = java.util.Arrays.stream(reasonCodes)
                .map(code -> new Alert.Reason(code, "lý do " + code, score / reasonCodes.length)).toList();
        risk = new Risk(score, level, reasons, createdAt);
        return this;
    }

    /** Ten symbols of the tracking alphabet, as ingest-service hands them out (no check symbol needed here). */
    public static String randomTrackingCode() {
        String alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            code.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return code.toString();
    }

    public CaseState build() {
        Instant updatedAt = createdAt.plusSeconds(version - 1);
        return new CaseState(CaseState.SCHEMA_VERSION, caseId, version,
                new CaseState.Petition(trackingCode, "fb-" + caseId, channel, text, address, contact, batchId, createdAt, null, photos),
                new CaseState.Assignment(area,
                        classification != null ? classification : new Classification(category, 0.9, List.of("từ khóa: cống, tắc")),
                        department, caseType),
                new CaseState.Clock(createdAt, updatedAt, dueAt != null ? dueAt : createdAt.plus(Duration.ofDays(3)),
                        DeadlineState.ON_TIME, urgent, false, 0),
                new CaseState.Assessment(clusterId, risk),
                new CaseState.Outcome(status, publicAnswer, answerPhotos, rating),
                history != null ? history : List.of(new HistoryEntry(version, updatedAt, "routing-streams", "routed", status, null)));
    }
}
