package io.langnghe.search.queue;

import java.util.List;

/** One page of a department's queue; {@code total} counts every open case that matches. */
public record QueuePage(String department, List<QueueItem> items, int page, int size, long total) {
}
