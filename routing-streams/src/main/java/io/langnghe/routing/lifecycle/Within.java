package io.langnghe.routing.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time allowed for a step, as the ward writes it: {@code "10d"} working days (weekends and holidays
 * skipped) or {@code "2h"} clock hours (for urgent cases: a fire does not wait for Monday).
 */
public record Within(int amount, boolean workingDays) {

    private static final Pattern FORM = Pattern.compile("\\s*(\\d+)\\s*([dh])\\s*");

    public Within {
        if (amount < 0) {
            throw new IllegalArgumentException("a time allowed cannot be negative: " + amount);
        }
    }

    public static Within workingDays(int days) {
        return new Within(days, true);
    }

    public static Within hours(int hours) {
        return new Within(hours, false);
    }

    /** "10d" or "2h"; anything else is refused with the reason. */
    public static Within parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("a time allowed is written like 10d (working days) or 2h (hours), got: " + text);
        }
        return new Within(Integer.parseInt(m.group(1)), m.group(2).equals("d"));
    }

    Instant after(Instant from, WorkingCalendar calendar) {
        return workingDays ? calendar.plusWorkingDays(from, amount) : from.plus(Duration.ofHours(amount));
    }

    @Override
    public String toString() {
        return amount + (workingDays ? "d" : "h");
    }
}
