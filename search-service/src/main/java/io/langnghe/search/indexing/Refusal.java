package io.langnghe.search.indexing;

import java.util.Set;

/**
 * A document Elasticsearch refused for good: a 4xx that no retry can change (a document its mapping cannot
 * take). A version conflict is no refusal (a newer state is already there), and neither are the 4xx of
 * a passing condition: a closed or missing index, a read-only block at the disk's flood stage, 429.
 *
 * @param id     the refused document (a case, an issue)
 * @param reason Elasticsearch's status, error type and reason
 */
public record Refusal(String id, String reason) {

    private static final Set<String> PASSING = Set.of("index_closed_exception", "cluster_block_exception",
            "index_not_found_exception", "es_rejected_execution_exception", "circuit_breaking_exception");

    /** True when Elasticsearch's answer for one item will not change on a retry. */
    public static boolean forGood(int status, String errorType) {
        return status >= 400 && status < 500 && status != 404 && status != 408 && status != 409 && status != 429
                && !PASSING.contains(errorType);
    }
}
