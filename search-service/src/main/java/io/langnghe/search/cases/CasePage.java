package io.langnghe.search.cases;

import java.util.List;

/**
 * One page of search results.
 *
 * @param page  from 0
 * @param total every case that matches, not only this page's
 */
public record CasePage(List<CaseView> items, int page, int size, long total) {
}
