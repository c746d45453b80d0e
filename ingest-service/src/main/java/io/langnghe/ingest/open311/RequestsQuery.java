package io.langnghe.ingest.open311;

import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Category;
import io.micronaut.http.HttpStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * GET requests' filters as GeoReport v2 names them, turned into a query of search-service's public
 * list. service_request_id (comma-separated) wins over every other filter, as the spec says; without
 * start_date and end_date the last 90 days are listed; at most 1000 requests per answer ({@code page}
 * and {@code page_size} are our extension to reach further).
 */
final class RequestsQuery {

    static final int MAX_IDS = 100;
    private static final Pattern PUBLIC_ID = Pattern.compile("[0-9A-Za-z-]{1,64}");
    static final int MAX_PAGE_SIZE = 1000;
    static final Duration DEFAULT_PERIOD = Duration.ofDays(90);

    private RequestsQuery() {
    }

    /**
     * @return the public list's query, or empty when nothing can match (only mistyped ids)
     * @throws Open311Error 400 for a filter the spec does not allow
     */
    static Optional<Map<String, String>> toPublicQuery(Function<String, String> parameter, Instant now) {
        Map<String, String> query = new LinkedHashMap<>();
        String ids = parameter.apply("service_request_id");
        if (ids != null && !ids.isBlank()) {
            List<String> codes = list(ids);
            if (codes.size() > MAX_IDS) {
                throw new Open311Error(HttpStatus.BAD_REQUEST, "Tối đa " + MAX_IDS + " mã mỗi lần.", "At most " + MAX_IDS + " ids at a time.");
            }
            // Ids are public ids; anything else (a tracking code included) finds nothing, as an unknown id does.
            List<String> valid = codes.stream().filter(RequestsQuery::isPublicId).toList();
            if (valid.isEmpty()) {
                return Optional.empty();
            }
            query.put("ids", String.join(",", valid));
            query.put("size", String.valueOf(MAX_IDS));
            return Optional.of(query);
        }
        String services = parameter.apply("service_code");
        if (services != null && !services.isBlank()) {
            for (String code : list(services)) {
                if (Category.fromCode(code).isEmpty()) {
                    throw new Open311Error(HttpStatus.BAD_REQUEST, "service_code '" + code + "' không tồn tại (xem services.json).",
                            "service_code '" + code + "' is unknown (see services.json).");
                }
            }
            query.put("category", String.join(",", list(services)));
        }
        String status = parameter.apply("status");
        if (status != null && !status.isBlank()) {
            query.put("status", statuses(list(status.toLowerCase(Locale.ROOT))));
        }
        Instant end = date("end_date", parameter.apply("end_date"));
        Instant start = date("start_date", parameter.apply("start_date"));
        if (start != null && end != null && !start.isBefore(end)) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, "end_date phải sau start_date.", "end_date must be after start_date.");
        }
        if (start == null) {
            start = (end != null ? end : now).minus(DEFAULT_PERIOD);
        }
        query.put("from", start.toString());
        if (end != null) {
            query.put("to", end.toString());
        }
        int pageSize = number("page_size", parameter.apply("page_size"), MAX_PAGE_SIZE, MAX_PAGE_SIZE);
        int page = number("page", parameter.apply("page"), 1, Integer.MAX_VALUE);
        query.put("page", String.valueOf(page - 1));
        query.put("size", String.valueOf(pageSize));
        return Optional.of(query);
    }

    private static String statuses(List<String> wanted) {
        boolean open = false;
        boolean closed = false;
        for (String status : wanted) {
            switch (status) {
                case "open" -> open = true;
                case "closed" -> closed = true;
                default -> throw new Open311Error(HttpStatus.BAD_REQUEST, "status chỉ nhận open hoặc closed.",
                        "status takes open or closed.");
            }
        }
        final boolean openWanted = open;
        final boolean closedWanted = closed;
        return Arrays.stream(CaseStatus.values())
                .filter(s -> s.isOpen() ? openWanted : closedWanted)
                .map(CaseStatus::code)
                .collect(Collectors.joining(","));
    }

    /** A w3c date-time with its time zone, as the spec requires: 2010-01-01T00:00:00Z or ...+07:00. */
    private static Instant date(String name, String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(typed.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new Open311Error(HttpStatus.BAD_REQUEST,
                    name + " không hợp lệ: cần ngày giờ có múi giờ, ví dụ 2026-11-01T00:00:00+07:00.",
                    name + " is not valid: a date-time with time zone is needed, e.g. 2026-11-01T00:00:00Z.");
        }
    }

    private static int number(String name, String typed, int absent, int max) {
        if (typed == null || typed.isBlank()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(typed.strip());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new Open311Error(HttpStatus.BAD_REQUEST, name + " phải là số nguyên từ 1" + (max == Integer.MAX_VALUE ? "" : " đến " + max) + ".",
                name + " must be a whole number from 1" + (max == Integer.MAX_VALUE ? "" : " to " + max) + ".");
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** The shape of a public id (a case id), so nothing else reaches search-service's filter. */
    static boolean isPublicId(String id) {
        return PUBLIC_ID.matcher(id).matches();
    }
}
