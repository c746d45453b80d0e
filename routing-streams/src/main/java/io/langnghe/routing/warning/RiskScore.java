package io.langnghe.routing.warning;

import io.langnghe.contracts.Alert;
import io.langnghe.contracts.DeadlineState;
import io.langnghe.contracts.Risk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The risk that an issue (a cluster of reports, or one case alone) escalates, from 0 to 100: the sum
 * of the weights of the signals present, capped at 100, each signal listed as a reason with its weight:
 * <pre>
 *   reporters       reporter × (distinct reporters in the window − 1), at most reporters-cap
 *   fast_arrival    three reports or more within 24 hours
 *   spike           its area and category are above their own baseline (see {@link Spike})
 *   repeat_contact  repeat-contact × times a reporter came back while it was open, at most repeat-contact-cap
 *   reopened        a case of it was reopened
 *   escalation      its text speaks of complaints, the press, going higher, "many times" (warning-words.yml)
 *   due_soon        a case of it is due soon;  overdue: a case of it is overdue (the larger only)
 *   waited          the ward's last action on an open case is more than 3 days old (waited-long: more than 7)
 *   vulnerable      old people, children, disabled people, poor households are named
 *   safety          fire, electrocution, collapse, poisoning, drowning… (the urgent phrases)
 * </pre>
 * The level is where the score stands against levels.watch / warning / critical. All weights and
 * levels are in routing/early-warning.yml.
 */
public final class RiskScore {

    /** The reason a spike gives. */
    static final String SPIKE = "spike";

    private final WarningSettings settings;

    public RiskScore(WarningSettings settings) {
        this.settings = settings;
    }

    /** What is known of one issue at a moment: its open cases, its reports, the spikes of its areas. */
    public record Situation(List<CaseMemo.Signals> openCases, Reports reports, List<Spike> spikes, Instant now) {
    }

    /**
     * @param reporters distinct reporters within the window
     * @param lastDay   reports within the last 24 hours
     * @param returns   reports beyond each reporter's first
     */
    public record Reports(int reporters, long lastDay, int returns) {
    }

    public Risk assess(Situation s) {
        WarningSettings.Weights w = settings.weights();
        List<Alert.Reason> reasons = new ArrayList<>();
        int reporters = s.reports().reporters();
        if (reporters > 1) {
            add(reasons, "reporters", Math.min(w.reportersCap(), w.reporter() * (reporters - 1)),
                    reporters + " người phản ánh trong " + settings.clusters().windowDays() + " ngày / "
                            + reporters + " residents reported it within " + settings.clusters().windowDays() + " days");
        }
        long lastDay = s.reports().lastDay();
        if (lastDay >= 3) {
            add(reasons, "fast_arrival", w.fastArrival(), lastDay + " phản ánh trong 24 giờ / " + lastDay + " reports within 24 hours");
        }
        s.spikes().stream().filter(Spike::isSpike).findFirst()
                .ifPresent(spike -> add(reasons, SPIKE, w.spike(), spike.describe()));
        int returns = s.reports().returns();
        if (returns > 0) {
            add(reasons, "repeat_contact", Math.min(w.repeatContactCap(), w.repeatContact() * returns),
                    "người phản ánh quay lại " + returns + " lần khi chưa được giải quyết / a resident came back " + returns
                            + " time(s) while it was still open");
        }
        if (s.openCases().stream().anyMatch(CaseMemo.Signals::reopened)) {
            add(reasons, "reopened", w.reopened(), "đã bị mở lại / reopened");
        }
        firstWord(s.openCases(), WarningWords.Found::escalation)
                .ifPresent(phrase -> add(reasons, "escalation", w.escalation(), "lời lẽ leo thang / escalation: \"" + phrase + "\""));
        if (s.openCases().stream().anyMatch(c -> c.deadlineState() == DeadlineState.OVERDUE)) {
            add(reasons, "overdue", w.overdue(), "quá hạn / overdue");
        } else if (s.openCases().stream().anyMatch(c -> c.deadlineState() == DeadlineState.DUE_SOON)) {
            add(reasons, "due_soon", w.dueSoon(), "sắp đến hạn / due soon");
        }
        long waitedDays = s.openCases().stream().map(CaseMemo.Signals::lastActionAt).filter(Objects::nonNull)
                .mapToLong(at -> Duration.between(at, s.now()).toDays()).max().orElse(0);
        if (waitedDays > 7) {
            add(reasons, "waited", w.waitedLong(), waitedDays + " ngày chưa có xử lý / " + waitedDays + " days with no action");
        } else if (waitedDays > 3) {
            add(reasons, "waited", w.waited(), waitedDays + " ngày chưa có xử lý / " + waitedDays + " days with no action");
        }
        firstWord(s.openCases(), WarningWords.Found::vulnerable)
                .ifPresent(phrase -> add(reasons, "vulnerable", w.vulnerable(), "người dễ bị tổn thương / vulnerable people: \"" + phrase + "\""));
        Optional<String> safety = firstWord(s.openCases(), WarningWords.Found::safety);
        if (safety.isPresent() || s.openCases().stream().anyMatch(CaseMemo.Signals::urgent)) {
            add(reasons, "safety", w.safety(), "an toàn, khẩn cấp / safety, urgent" + safety.map(p -> ": \"" + p + "\"").orElse(""));
        }
        int score = Math.min(100, reasons.stream().mapToInt(Alert.Reason::weight).sum());
        return new Risk(score, settings.levels().of(score).code(), reasons, s.now());
    }

    /**
     * A case alone: its own signals (none once it is closed) and the spikes of its area. The case keeper
     * scores each new case this way with no spikes, so the early warning tells a lone case only when it
     * knows more (a spike, an issue, time passing).
     */
    public Risk alone(CaseMemo.Signals c, Instant receivedAt, List<Spike> spikes, Instant now) {
        return assess(new Situation(c.open() ? List.of(c) : List.of(),
                new Reports(1, receivedAt != null && receivedAt.isBefore(now.minus(Duration.ofDays(1))) ? 0 : 1, 0),
                c.open() ? spikes : List.of(), now));
    }

    /**
     * The same score, level and reasons, but that a spike's description may count other reports: a case opened with
     * the spike in force as the early warning last said it ({@link SpikesInForce}) is not told again for the reports
     * counted since.
     */
    public static boolean sameVerdict(Risk risk, Risk other) {
        if (other == null || risk.score() != other.score() || !risk.level().equals(other.level())
                || risk.reasons().size() != other.reasons().size()) {
            return false;
        }
        for (int i = 0; i < risk.reasons().size(); i++) {
            Alert.Reason a = risk.reasons().get(i);
            Alert.Reason b = other.reasons().get(i);
            if (!a.code().equals(b.code()) || a.weight() != b.weight() || !SPIKE.equals(a.code()) && !a.equals(b)) {
                return false;
            }
        }
        return true;
    }

    public RiskLevel levelOf(Risk risk) {
        return RiskLevel.of(risk.level());
    }

    private static void add(List<Alert.Reason> reasons, String code, int weight, String description) {
        if (weight > 0) {
            reasons.add(new Alert.Reason(code, description, weight));
        }
    }

    private static Optional<String> firstWord(List<CaseMemo.Signals> cases, Function<WarningWords.Found, String> which) {
        return cases.stream().map(CaseMemo.Signals::words).filter(Objects::nonNull).map(which).filter(Objects::nonNull).findFirst();
    }
}
