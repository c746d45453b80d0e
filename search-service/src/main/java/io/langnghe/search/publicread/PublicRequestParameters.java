package io.langnghe.search.publicread;

import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.search.problem.FieldError;
import io.langnghe.search.problem.Problem;
import io.langnghe.search.problem.ProblemException;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

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
 * The query string of {@code GET /api/public/requests} as typed, checked at once so one answer names
 * every bad parameter. Lists are comma-separated; dates are an ISO date-time with its offset
 * ({@code 2025-07-01T08:00:00+07:00}) or a day (the whole day in the ward's time zone); {@code from}
 * and {@code to} bound the time the petition was received.
 */
@Introspected
public record PublicRequestParameters(
        @Nullable String status,
        @Nullable String category,
        @Nullable String area,
        @Nullable String from,
        @Nullable String to,
        @Nullable String ids,
        @Nullable String page,
        @Nullable String size) {

    public static final int DEFAULT_SIZE = 20;
    /** As many as one Open311 answer may carry. */
    public static final int MAX_SIZE = 1000;
    public static final int MAX_IDS = 100;
    /** Elasticsearch's max_result_window. */
    public static final int MAX_WINDOW = 10_000;

    /** A checked query: empty lists and null bounds mean "any". */
    public record Query(List<CaseStatus> statuses, List<Category> categories, List<String> areas,
                        Instant from, Instant to, List<String> trackingCodes, int page, int size) {
        public int offset() {
            return page * size;
        }
    }

    public Query check(Taxonomy taxonomy, ZoneId wardZone) {
        List<FieldError> errors = new ArrayList<>();
        List<CaseStatus> statuses = codes("status", status, CaseStatus::fromCode, errors);
        List<Category> categories = codes("category", category, Category::fromCode, errors);
        List<String> areas = codes("area", area, a -> taxonomy.hasArea(a) ? Optional.of(a) : Optional.empty(), errors);
        Instant fromInstant = instant("from", from, wardZone, false, errors);
        Instant toInstant = instant("to", to, wardZone, true, errors);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            errors.add(new FieldError("to", "before_from", "Thời điểm 'to' phải sau 'from'.", "'to' must be after 'from'."));
        }
        List<String> codes = trackingCodes(errors);
        int pageNumber = number("page", page, 0, 0, Integer.MAX_VALUE, errors);
        int pageSize = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE, errors);
        if (errors.isEmpty() && (long) (pageNumber + 1) * pageSize > MAX_WINDOW) {
            errors.add(new FieldError("page", "too_deep",
                    "Chỉ xem được " + MAX_WINDOW + " kết quả đầu; hãy thu hẹp khoảng thời gian.",
                    "Only the first " + MAX_WINDOW + " results can be paged through; narrow the period."));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalidInput(errors));
        }
        return new Query(statuses, categories, areas, fromInstant, toInstant, codes, pageNumber, pageSize);
    }

    private List<String> trackingCodes(List<FieldError> errors) {
        if (ids == null || ids.isBlank()) {
            return List.of();
        }
        List<String> codes = Arrays.stream(ids.split(",")).map(TrackingCode::normalise)
                .filter(code -> !code.isEmpty()).distinct().toList();
        if (codes.size() > MAX_IDS || codes.stream().anyMatch(code -> code.length() > 20)) {
            errors.add(new FieldError("ids", "too_many", "Tối đa " + MAX_IDS + " mã tra cứu mỗi lần.",
                    "At most " + MAX_IDS + " tracking codes at a time."));
        }
        return codes;
    }

    private static <T> List<T> codes(String field, String typed, Function<String, Optional<T>> lookup, List<FieldError> errors) {
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

    /** A day as {@code to} means up to the end of that day. */
    private static Instant instant(String field, String typed, ZoneId zone, boolean endOfDay, List<FieldError> errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String value = typed.strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notADateTime) {
            try {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException notADay) {
                errors.add(new FieldError(field, "invalid_date",
                        "Ngày không hợp lệ: dùng dạng 2025-07-01 hoặc 2025-07-01T08:00:00+07:00.",
                        "Invalid date: use 2025-07-01 or 2025-07-01T08:00:00+07:00."));
                return null;
            }
        }
    }

    private static int number(String field, String typed, int absent, int min, int max, List<FieldError> errors) {
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
