package io.langnghe.notify.plan;

import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.Contact;
import io.langnghe.contracts.NotificationRequest;
import io.langnghe.contracts.privacy.ContactCipher;
import io.langnghe.contracts.privacy.ContactDetails;
import io.langnghe.contracts.privacy.ContactKey;
import io.langnghe.contracts.privacy.ContactKeys;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.notify.TestCases;
import io.langnghe.notify.WardTime;
import io.langnghe.notify.text.Templates;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static io.langnghe.contracts.CaseStatus.ACKNOWLEDGED;
import static io.langnghe.contracts.CaseStatus.ANSWERED;
import static io.langnghe.contracts.CaseStatus.IN_PROGRESS;
import static io.langnghe.contracts.CaseStatus.REOPENED;
import static io.langnghe.contracts.CaseStatus.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of resident messages as timelines in the ward's local time: each step is a case change or
 * a look at held messages, each expected line "HH:mm outcome event" (with "+merged" events it stands for).
 */
class NoticePlannerTest {

    static final ZoneId WARD = ZoneId.of("Asia/Ho_Chi_Minh");
    static final LocalDate DAY = LocalDate.of(2026, 11, 26);
    static final Templates TEMPLATES = Templates.load(List.of("sms", "zalo", "email"),
            Arrays.stream(NoticeEvent.values()).map(NoticeEvent::code).toList(), List.of("vi", "en"));
    static final NoticePlanner PLANNER = new NoticePlanner(new QuietHours(WARD, LocalTime.of(21, 0), LocalTime.of(7, 0)),
            Duration.ofMinutes(10), Duration.ofHours(24),
            new Composer(TEMPLATES, Taxonomy.loadDefault(), "https://langnghe.example/track.html?code=", "vi", false, 3));

    @Test
    void sendsReceivedAtOnceAndMergesTheNextSmallUpdatesWithinTenMinutes() {
        Timeline timeline = new Timeline(TestCases.smsCase().receivedAt(at("09:00")))
                .change("09:03", ACKNOWLEDGED)   // 3 min after "received": waits for the window's end
                .change("09:05", IN_PROGRESS)    // replaces the waiting one
                .look("09:09")
                .look("09:10");
        assertThat(timeline.lines()).containsExactly(
                "09:00 sent received",
                "09:03 held acknowledged",
                "09:05 merged acknowledged",
                "09:05 held in_progress+acknowledged",
                "09:10 sent in_progress+acknowledged");
    }

    @Test
    void sendsSmallUpdatesTenMinutesApartEachAtOnce() {
        Timeline timeline = new Timeline(TestCases.smsCase().receivedAt(at("09:00")))
                .change("09:10", ACKNOWLEDGED)
                .change("10:00", IN_PROGRESS);
        assertThat(timeline.lines()).containsExactly(
                "09:00 sent received",
                "09:10 sent acknowledged",
                "10:00 sent in_progress");
    }

    @Test
    void answerGoesOutAtOnceAndStandsForTheUpdateStillWaiting() {
        Timeline timeline = new Timeline(TestCases.smsCase().receivedAt(at("09:00")))
                .change("09:02", ACKNOWLEDGED)
                .change("09:04", ANSWERED)       // immediate: the waiting "acknowledged" is merged into it
                .change("09:05", RESOLVED)       // immediate too, one minute later
                .change("09:06", REOPENED)
                .look("09:10");
        assertThat(timeline.lines()).containsExactly(
                "09:00 sent received",
                "09:02 held acknowledged",
                "09:04 merged acknowledged",
                "09:04 sent answered+acknowledged",
                "09:05 sent resolved",
                "09:06 sent reopened");
    }

    @Test
    void holdsEverythingDuringQuietHoursUntilSevenExceptUrgentCases() {
        Timeline night = new Timeline(TestCases.smsCase().receivedAt(at("22:30")))
                .change("23:00", ANSWERED)
                .look("06:59+1")                  // still quiet
                .look("07:00+1");
        assertThat(night.lines()).containsExactly(
                "22:30 held received",
                "23:00 merged received",             // the answer carries the tracking code too
                "23:00 held answered+received",
                "07:00 sent answered+received");

        Timeline urgent = new Timeline(TestCases.smsCase().urgent().receivedAt(at("22:30")))
                .change("23:00", ANSWERED);
        assertThat(urgent.lines()).containsExactly(
                "22:30 sent received",
                "23:00 sent answered");
    }

    @Test
    void aCaseChangingAllNightHoldsAtMostFiveAnswersTheOldestStandingDownForTheNewest() {
        Timeline night = new Timeline(TestCases.smsCase().receivedAt(at("21:30")))
                .change("22:00", ANSWERED)
                .change("22:10", RESOLVED)
                .change("22:20", REOPENED)
                .change("22:30", RESOLVED)
                .change("22:40", REOPENED)
                .change("22:50", RESOLVED)       // a sixth would wait: the oldest held answer stands down for it
                .change("23:00", IN_PROGRESS)
                .change("23:10", ACKNOWLEDGED)   // merged with the waiting update, each event named once
                .change("23:20", IN_PROGRESS)
                .look("07:00+1");
        assertThat(night.lines()).containsExactly(
                "21:30 held received",
                "22:00 merged received",
                "22:00 held answered+received",
                "22:10 held resolved",
                "22:20 held reopened",
                "22:30 held resolved",
                "22:40 held reopened",
                "22:50 merged answered+received",
                "22:50 held resolved+received+answered",
                "23:00 held in_progress",
                "23:10 merged in_progress",
                "23:10 held acknowledged+in_progress",
                "23:20 merged acknowledged+in_progress",
                "23:20 held in_progress+acknowledged",
                "07:00 sent resolved",
                "07:00 sent reopened",
                "07:00 sent resolved",
                "07:00 sent reopened",
                "07:00 sent resolved+received+answered",
                "07:00 sent in_progress+acknowledged");
    }

    @Test
    void quietHoursBeginAtNineAndEndAtSeven() {
        QuietHours quiet = new QuietHours(WARD, LocalTime.of(21, 0), LocalTime.of(7, 0));
        record Row(String local, boolean quiet, String nextAllowed) {
        }
        List<Row> rows = List.of(
                new Row("20:59", false, "20:59"),
                new Row("21:00", true, "07:00+1"),
                new Row("23:59", true, "07:00+1"),
                new Row("00:00", true, "07:00"),
                new Row("06:59", true, "07:00"),
                new Row("07:00", false, "07:00"));
        for (Row row : rows) {
            assertThat(quiet.isQuiet(at(row.local()))).as(row.local()).isEqualTo(row.quiet());
            assertThat(quiet.nextAllowed(at(row.local()))).as(row.local()).isEqualTo(at(row.nextAllowed()));
        }
    }

    @Test
    void tellsAContactThatSentStopNothing() {
        Timeline timeline = new Timeline(TestCases.smsCase().receivedAt(at("09:00"))).optedOut()
                .change("09:30", ANSWERED);
        assertThat(timeline.lines()).containsExactly(
                "09:00 suppressed received",
                "09:30 suppressed answered");
        assertThat(timeline.sent()).isEmpty();
    }

    @Test
    void readsEveryChangeSinceTheLastVersionSeenAndNoneTwice() {
        TestCases answeredThenResolved = TestCases.smsCase().receivedAt(at("09:00"))
                .then(ANSWERED, at("09:30")).then(RESOLVED, at("09:31"));
        NoticePlanner.Plan first = PLANNER.onCase(answeredThenResolved.build(), null, false, at("09:32"));
        NoticePlanner.Plan again = PLANNER.onCase(answeredThenResolved.build(), first.memo(), false, at("09:33"));

        assertThat(first.send()).extracting(NotificationRequest::event).containsExactly("received", "answered", "resolved");
        assertThat(first.send()).extracting(NotificationRequest::idempotencyKey)
                .containsExactly("case-1:1:sms", "case-1:2:sms", "case-1:3:sms");
        assertThat(again.send()).isEmpty();
    }

    @Test
    void tellsNobodyOfChangesOlderThanADayWhenFirstSeen() {
        TestCases old = TestCases.smsCase().receivedAt(at("09:00")).then(ANSWERED, at("10:00"));
        NoticePlanner.Plan plan = PLANNER.onCase(old.build(), null, false, at("10:01+2"));
        assertThat(plan.send()).isEmpty();
    }

    @Test
    void writesOnTheChannelTheResidentWroteFromOrWithConsent() {
        record Row(Channel channel, Contact contact, String expected) {
        }
        List<Row> rows = List.of(
                new Row(Channel.SMS, new Contact(null, "+84901234567", null, "h", false), "sms +84901234567"),
                new Row(Channel.ZALO, new Contact(null, null, null, "h", false).withZaloUserId("z-42"), "zalo z-42"),
                new Row(Channel.WEB, new Contact("A", "+84901234567", null, "h", false), "nobody"),   // no consent
                new Row(Channel.WEB, new Contact("A", "+84901234567", null, "h", true), "sms +84901234567"),
                new Row(Channel.WEB, new Contact("A", "+84901234567", null, "h", true).withEmail("a@example.vn"), "email a@example.vn"),
                new Row(Channel.GROUP_MEETING, new Contact("B", "+84912345678", null, "h", true), "sms +84912345678"),
                new Row(Channel.HOTLINE, Contact.none(), "nobody"));
        for (Row row : rows) {
            String reached = Reach.of(TestCases.smsCase().channel(row.channel()).contact(row.contact()).build())
                    .map(r -> r.channel() + " " + r.recipient()).orElse("nobody");
            assertThat(reached).as(row.channel() + " " + row.contact()).isEqualTo(row.expected());
        }
    }

    @Test
    void aSealedContactChoosesItsChannelOpenedButTravelsSealedAndAnErasedOneReachesNobody() {
        ContactKey key = ContactCipher.newKey("case-sealed", at("08:00"));
        Contact sealed = new Contact(null, null, "+84 90x xxx x67", "h", true).withSealed(ContactCipher.seal(
                new ContactDetails("A", "+84901234567", "a@example.vn", null, null), key));
        var state = TestCases.smsCase().id("case-sealed").channel(Channel.WEB).contact(sealed).build();
        ContactKeys holding = keyId -> Optional.of(key).filter(k -> k.keyId().equals(keyId));

        Reach reach = Reach.of(state, holding).orElseThrow();
        NotificationRequest request = new NoticePlanner(new QuietHours(WARD, LocalTime.of(21, 0), LocalTime.of(7, 0)),
                Duration.ofMinutes(10), Duration.ofHours(24),
                new Composer(TEMPLATES, Taxonomy.loadDefault(), "https://langnghe.example/track.html?code=", "vi", false, 3), holding)
                .onCase(state, null, false, state.receivedAt()).send().get(0);

        assertThat(reach.channel()).isEqualTo("email");
        assertThat(reach.recipient()).isNull();
        assertThat(request.recipient()).isNull();
        assertThat(request.sealedContact()).isEqualTo(sealed.sealed());
        assertThat(Reach.recipient(request.channel(), ContactCipher.open(request.sealedContact(), key))).contains("a@example.vn");
        assertThat(Reach.of(state, ContactKeys.NONE)).as("erased: no key, nobody to write to").isEmpty();
    }

    static Instant at(String local) {
        return WardTime.at(local);
    }

    /** Feeds a case's versions and the wall clock to the planner, the way the topology does. */
    static final class Timeline {
        private final TestCases cases;
        private final List<String> lines = new ArrayList<>();
        private final List<NotificationRequest> sent = new ArrayList<>();
        private CaseMemo memo;
        private boolean optedOut;

        Timeline(TestCases cases) {
            this.cases = cases;
            Instant filed = cases.build().receivedAt();
            apply(PLANNER.onCase(cases.build(), null, false, filed), filed);
        }

        Timeline optedOut() {
            this.optedOut = true;
            lines.clear();
            sent.clear();
            Instant filed = cases.build().receivedAt();
            memo = null;
            apply(PLANNER.onCase(cases.build(), null, true, filed), filed);
            return this;
        }

        Timeline change(String local, CaseStatus status) {
            cases.then(status, at(local));
            apply(PLANNER.onCase(cases.build(), memo, optedOut, at(local)), at(local));
            return this;
        }

        Timeline look(String local) {
            apply(PLANNER.release(memo, at(local)), at(local));
            return this;
        }

        List<String> lines() {
            return lines;
        }

        List<NotificationRequest> sent() {
            return sent;
        }

        private void apply(NoticePlanner.Plan plan, Instant now) {
            memo = plan.memo();
            String time = LocalTime.ofInstant(now, WARD).toString();
            plan.noted().forEach(n -> lines.add(time + " " + n.outcome().status() + " " + label(n.request())));
            plan.send().forEach(r -> lines.add(time + " sent " + label(r)));
            sent.addAll(plan.send());
        }

        private static String label(NotificationRequest request) {
            return request.event() + (request.merged().isEmpty() ? "" : "+" + String.join("+", request.merged()));
        }
    }
}
