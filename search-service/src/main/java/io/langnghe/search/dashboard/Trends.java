package io.langnghe.search.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * How many petitions came in over a period, counted by category, area, channel, status and
 * department, and per day (in the ward's time zone).
 */
public record Trends(
        Instant from,
        Instant to,
        long total,
        List<Count> byCategory,
        List<Count> byArea,
        List<Count> byChannel,
        List<Count> byStatus,
        List<Count> byDepartment,
        List<DayCount> perDay) {

    /** A code with its names where the taxonomy has them (channels and statuses are named by the pages). */
    public record Count(String code, String vi, String en, long count) {
    }

    /** @param day {@code 2025-07-01}, a day of the ward's calendar */
    public record DayCount(String day, long count) {
    }
}
