package io.langnghe.notify;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.Classification;
import io.langnghe.contracts.Contact;
import io.langnghe.contracts.DeadlineState;
import io.langnghe.contracts.HistoryEntry;
import io.langnghe.contracts.TrackingCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A case as routing-streams publishes it, with defaults a test overrides where it matters: filed by SMS
 * from +84901234567 at 09:00 in Đông Sơn (02:00 UTC), routed to the infrastructure department.
 * Each {@link #then} is one more version with its history entry.
 */
public final class TestCases {

    public static final String PHONE = "+84901234567";

    private String caseId = "case-1";
    private String trackingCode = TrackingCode.generate(new Random(7)).value();
    private Channel channel = Channel.SMS;
    private Contact contact = new Contact(null, PHONE, "+84 90x xxx x67", "hash-1", false);
    private Instant receivedAt = Instant.parse("2026-11-26T02:00:00Z");
    private boolean urgent;
    private DeadlineState deadlineState = DeadlineState.ON_TIME;
    private String publicAnswer;
    private String department = "kinh_te_ha_tang_do_thi";
    private final List<HistoryEntry> history = new ArrayList<>(
            List.of(new HistoryEntry(1, Instant.parse("2026-11-26T02:00:00Z"), "routing", "routed", CaseStatus.ASSIGNED, null)));

    public static TestCases smsCase() {
        return new TestCases();
    }

    public TestCases id(String caseId) {
        this.caseId = caseId;
        return this;
    }

    public TestCases trackingCode(String trackingCode) {
        this.trackingCode = trackingCode;
        return this;
    }

    public TestCases channel(Channel channel) {
        this.channel = channel;
        return this;
    }

    public TestCases contact(Contact contact) {
        this.contact = contact;
        return this;
    }

    /** The deadline watch marked it: due soon or overdue. */
    public TestCases deadline(DeadlineState state) {
        this.deadlineState = state;
        return this;
    }

    public TestCases department(String department) {
        this.department = department;
        return this;
    }

    public TestCases urgent() {
        this.urgent = true;
        return this;
    }

    /** Filed at this instant (its first version's time too). */
    public TestCases receivedAt(Instant at) {
        this.receivedAt = at;
        history.set(0, new HistoryEntry(1, at, "routing", "routed", CaseStatus.ASSIGNED, null));
        return this;
    }

    public TestCases answer(String answer) {
        this.publicAnswer = answer;
        return this;
    }

    /** One more version: the case became {@code status} at {@code at}. */
    public TestCases then(CaseStatus status, Instant at) {
        return then(status, at, null);
    }

    public TestCases then(CaseStatus status, Instant at, String note) {
        history.add(new HistoryEntry(history.size() + 1, at, "canbo.kinh_te_ha_tang_do_thi", status.code(), status, note));
        return this;
    }

    public CaseState build() {
        HistoryEntry last = history.get(history.size() - 1);
        return new CaseState(CaseState.SCHEMA_VERSION, caseId, last.version(),
                new CaseState.Petition(trackingCode, "fb-" + caseId, channel, "Đèn đường ngõ 5 hỏng ba hôm nay", null, contact, null,
                        receivedAt, null, List.of()),
                CaseState.Assignment.of("tdp-05", new Classification(Category.GIAO_THONG_HA_TANG, 0.9, List.of()), department),
                new CaseState.Clock(receivedAt, last.at(), receivedAt.plusSeconds(864_000), deadlineState, urgent, false, 0),
                CaseState.Assessment.NONE,
                new CaseState.Outcome(last.status(), publicAnswer, List.of(), null),
                history);
    }
}
