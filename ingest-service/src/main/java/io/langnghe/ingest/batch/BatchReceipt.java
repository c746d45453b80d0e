package io.langnghe.ingest.batch;

import java.util.List;

/** The answer to a batch: its id (on every petition it produced) and each row's result, in order. */
public record BatchReceipt(String batchId, Meeting meeting, int accepted, int rejected, List<RowResult> rows) {

    static BatchReceipt of(String batchId, Meeting meeting, List<RowResult> rows) {
        int accepted = (int) rows.stream().filter(row -> RowResult.ACCEPTED.equals(row.status())).count();
        return new BatchReceipt(batchId, meeting, accepted, rows.size() - accepted, List.copyOf(rows));
    }
}
