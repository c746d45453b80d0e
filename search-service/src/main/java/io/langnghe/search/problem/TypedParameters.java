package io.langnghe.search.problem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Query-string values as people type them, read one way on every endpoint: each bad one is added to
 * the list of field errors (Vietnamese and English), so one answer names them all.
 */
public final class TypedParameters {

    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private TypedParameters() {
    }

    /** Comma-separated codes, each looked up; an unknown one is an error naming it. Duplicates count once. */
    public static <T> List<T> codes(String field, String typed, Function<String, Optional<T>> lookup, List<FieldError> errors) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        List<T> found = new ArrayList<>();
        for (String code : Arrays.stream(typed.split(",")).map(String::strip).filter(c -> !c.isEmpty()).distinct().toList()) {
            lookup.apply(code).ifPresentOrElse(found::add, () -> errors.add(new FieldError(field, "unknown_code",
                    "Mã '" + code + "' không có trong danh mục.", "'" + code + "' is not a known code.")));
        }
        return found;
    }

    /**
     * An ISO date-time with its offset ({@code 2025-07-01T08:00:00+07:00}, {@code …Z}) or a day in the
     * ward's time zone; a day as {@code to} ({@code endOfDay}) means up to the end of that day, so
     * from=to=2025-07-01 is that whole day.
     */
    public static Instant instant(String field, String typed, ZoneId zone, boolean endOfDay, List<FieldError> errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String value = typed.strip();
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notADateTime) {
            try {
                LocalDate day = LocalDate.parse(value);
                instant = (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            } catch (java.time.DateTimeException notADay) { // a parse error, or a day past what a date can hold
                errors.add(new FieldError(field, "invalid_date",
                        "Ngày không hợp lệ: dùng dạng 2025-07-01 hoặc 2025-07-01T08:00:00+07:00.",
                        "Invalid date: use 2025-07-01 or 2025-07-01T08:00:00+07:00."));
                return null;
            }
        }
        // ISO allows years up to ±999999999; Elasticsearch's dates (and anyone's petitions) do not.
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            errors.add(new FieldError(field, "out_of_range",
                    "'" + field + "' phải trong khoảng năm 1970 đến 9999.", "'" + field + "' must be within the years 1970 to 9999."));
            return null;
        }
        return instant;
    }

    /** A whole number from min to max, or {@code absent} when not given. */
    public static int number(String field, String typed, int absent, int min, int max, List<FieldError> errors) {
        if (typed == null || typed.isBlank()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(typed.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below, like a number out of range
        }
        String range = max == Integer.MAX_VALUE ? "≥ " + min : min + ".." + max;
        errors.add(new FieldError(field, "out_of_range",
                "'" + field + "' phải là số nguyên " + range + ".", "'" + field + "' must be a whole number " + range + "."));
        return absent;
    }
}
