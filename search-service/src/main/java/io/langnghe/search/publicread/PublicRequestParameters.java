package io.langnghe.search.publicread;

import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.search.problem.FieldError;
import io.langnghe.search.problem.Problem;
import io.langnghe.search.problem.ProblemException;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static io.langnghe.search.problem.TypedParameters.codes;
import static io.langnghe.search.problem.TypedParameters.instant;
import static io.langnghe.search.problem.TypedParameters.number;

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
    /** A case id: public ids are case ids, never tracking codes. */
    private static final Pattern PUBLIC_ID = Pattern.compile("[0-9A-Za-z-]{1,64}");
    /** Elasticsearch's max_result_window. */
    public static final int MAX_WINDOW = 10_000;

    /** A checked query: empty lists and null bounds mean "any". */
    public record Query(List<CaseStatus> statuses, List<Category> categories, List<String> areas,
                        Instant from, Instant to, List<String> publicIds, int page, int size) {
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
        List<String> publicIds = publicIds(errors);
        int pageNumber = number("page", page, 0, 0, Integer.MAX_VALUE, errors);
        int pageSize = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE, errors);
        if (errors.isEmpty() && ((long) pageNumber + 1) * pageSize > MAX_WINDOW) {
            errors.add(new FieldError("page", "too_deep",
                    "Chỉ xem được " + MAX_WINDOW + " kết quả đầu; hãy thu hẹp khoảng thời gian.",
                    "Only the first " + MAX_WINDOW + " results can be paged through; narrow the period."));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalidInput(errors));
        }
        return new Query(statuses, categories, areas, fromInstant, toInstant, publicIds, pageNumber, pageSize);
    }

    private List<String> publicIds(List<FieldError> errors) {
        if (ids == null || ids.isBlank()) {
            return List.of();
        }
        List<String> publicIds = Arrays.stream(ids.split(",")).map(String::strip)
                .filter(id -> !id.isEmpty()).distinct().toList();
        if (publicIds.size() > MAX_IDS) {
            errors.add(new FieldError("ids", "too_many", "Tối đa " + MAX_IDS + " mã công khai mỗi lần.",
                    "At most " + MAX_IDS + " public ids at a time."));
        } else if (!publicIds.stream().allMatch(id -> PUBLIC_ID.matcher(id).matches())) {
            errors.add(new FieldError("ids", "not_a_public_id", "Mã công khai chỉ gồm chữ, số và dấu gạch ngang.",
                    "A public id has only letters, digits and dashes."));
        }
        return publicIds;
    }
}
