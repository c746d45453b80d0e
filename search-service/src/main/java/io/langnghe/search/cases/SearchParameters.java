package io.langnghe.search.cases;

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
import java.util.List;
import java.util.Optional;

import static io.langnghe.search.problem.TypedParameters.codes;
import static io.langnghe.search.problem.TypedParameters.instant;
import static io.langnghe.search.problem.TypedParameters.number;

/**
 * The query string of {@code GET /api/cases} as typed, checked all at once so one answer names
 * every bad parameter. Lists are comma-separated ({@code status=new,assigned}); dates are an
 * ISO date-time with its offset or a day ({@code 2025-07-01}, the whole day in the ward's time zone); {@code cluster}
 * lists the reports of one issue.
 */
@Introspected
public record SearchParameters(
        @Nullable String q,
        @Nullable String category,
        @Nullable String department,
        @Nullable String area,
        @Nullable String status,
        @Nullable String from,
        @Nullable String to,
        @Nullable String page,
        @Nullable String size,
        @Nullable String cluster) {

    static final int MAX_TEXT = 500;
    static final int MAX_CLUSTER = 200;

    /** Parameters that name no issue (the queue, the dashboard, the export). */
    public SearchParameters(String q, String category, String department, String area, String status, String from, String to,
                            String page, String size) {
        this(q, category, department, area, status, from, to, page, size, null);
    }

    public CaseQuery check(Taxonomy taxonomy, ZoneId wardZone) {
        List<FieldError> errors = new ArrayList<>();
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.length() > MAX_TEXT) {
            errors.add(new FieldError("q", "too_long",
                    "Từ khóa tìm kiếm dài quá " + MAX_TEXT + " ký tự.", "The search words are longer than " + MAX_TEXT + " characters."));
        }
        List<Category> categories = codes("category", category, c -> Category.fromCode(c), errors);
        List<String> departments = codes("department", department,
                d -> taxonomy.hasDepartment(d) ? Optional.of(d) : Optional.empty(), errors);
        List<String> areas = codes("area", area, a -> taxonomy.hasArea(a) ? Optional.of(a) : Optional.empty(), errors);
        List<CaseStatus> statuses = codes("status", status, s -> CaseStatus.fromCode(s), errors);
        Instant fromInstant = instant("from", from, wardZone, false, errors);
        Instant toInstant = instant("to", to, wardZone, true, errors);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            errors.add(new FieldError("to", "before_from",
                    "Thời điểm 'to' phải sau 'from'.", "'to' must be after 'from'."));
        }
        int pageNumber = number("page", page, 0, 0, Integer.MAX_VALUE, errors);
        int pageSize = number("size", size, CaseQuery.DEFAULT_SIZE, 1, CaseQuery.MAX_SIZE, errors);
        if (errors.isEmpty() && ((long) pageNumber + 1) * pageSize > CaseQuery.MAX_WINDOW) {
            errors.add(new FieldError("page", "too_deep",
                    "Chỉ xem được " + CaseQuery.MAX_WINDOW + " kết quả đầu; hãy thu hẹp tìm kiếm.",
                    "Only the first " + CaseQuery.MAX_WINDOW + " results can be paged through; narrow the search."));
        }
        String issue = cluster == null || cluster.isBlank() ? null : cluster.strip();
        if (issue != null && issue.length() > MAX_CLUSTER) {
            errors.add(new FieldError("cluster", "too_long",
                    "Mã cụm dài quá " + MAX_CLUSTER + " ký tự.", "The cluster id is longer than " + MAX_CLUSTER + " characters."));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalidInput(errors));
        }
        return new CaseQuery(text, categories, departments, areas, statuses, fromInstant, toInstant, pageNumber, pageSize, issue);
    }
}
