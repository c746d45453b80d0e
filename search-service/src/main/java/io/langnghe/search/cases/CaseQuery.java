package io.langnghe.search.cases;

import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Category;

import java.time.Instant;
import java.util.List;

/**
 * A search over cases, already checked: empty lists and null bounds mean "any".
 *
 * @param text words to find, as typed (with or without diacritics), or null
 * @param from created at or after, or null
 * @param to   created before, or null
 * @param page    from 0
 * @param cluster the issue (cluster id) whose reports are asked for, or null
 */
public record CaseQuery(
        String text,
        List<Category> categories,
        List<String> departments,
        List<String> areas,
        List<CaseStatus> statuses,
        Instant from,
        Instant to,
        int page,
        int size,
        String cluster) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Elasticsearch's max_result_window: deeper pages need search_after, not page numbers. */
    public static final int MAX_WINDOW = 10_000;

    public CaseQuery {
        categories = List.copyOf(categories);
        departments = List.copyOf(departments);
        areas = List.copyOf(areas);
        statuses = List.copyOf(statuses);
    }

    /** A search that asks for no particular issue. */
    public CaseQuery(String text, List<Category> categories, List<String> departments, List<String> areas,
                     List<CaseStatus> statuses, Instant from, Instant to, int page, int size) {
        this(text, categories, departments, areas, statuses, from, to, page, size, null);
    }

    public int offset() {
        return page * size;
    }
}
