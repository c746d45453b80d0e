package io.langnghe.search.publicread;

import java.util.List;

/**
 * One page of the public list.
 *
 * @param page  from 0
 * @param total every petition that matches, not only this page's
 */
public record PublicRequestPage(List<PublicRequest> items, int page, int size, long total) {
}
