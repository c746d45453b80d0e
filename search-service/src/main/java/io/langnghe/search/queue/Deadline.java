package io.langnghe.search.queue;

import java.time.Duration;
import java.time.Instant;

/**
 * How far a case is from its deadline, as an officer reads it: "còn 2 ngày" / "2 days left",
 * "quá hạn 3 giờ" / "3 hours overdue". The largest whole unit is shown (days, then hours, then
 * minutes), rounded down: "còn 1 ngày" means at least a full day is left.
 */
public record Deadline(Instant dueAt, boolean overdue, String vi, String en) {

    public static Deadline of(Instant dueAt, Instant now) {
        if (dueAt == null) {
            return new Deadline(null, false, "không có hạn", "no deadline");
        }
        Duration left = Duration.between(now, dueAt);
        boolean overdue = left.isNegative();
        Duration span = left.abs();
        String vi;
        String en;
        if (span.toDays() >= 1) {
            vi = span.toDays() + " ngày";
            en = plural(span.toDays(), "day");
        } else if (span.toHours() >= 1) {
            vi = span.toHours() + " giờ";
            en = plural(span.toHours(), "hour");
        } else if (span.toMinutes() >= 1) {
            vi = span.toMinutes() + " phút";
            en = plural(span.toMinutes(), "minute");
        } else {
            return new Deadline(dueAt, overdue, "đến hạn ngay bây giờ", "due now");
        }
        return overdue
                ? new Deadline(dueAt, true, "quá hạn " + vi, en + " overdue")
                : new Deadline(dueAt, false, "còn " + vi, en + " left");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
