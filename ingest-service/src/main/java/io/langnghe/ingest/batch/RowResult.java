package io.langnghe.ingest.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.langnghe.ingest.problem.FieldError;

import java.util.List;

/**
 * What became of one row: {@code accepted} with its tracking code (replayed when an earlier send of
 * the same batch already filed it), or {@code rejected} with the reasons in Vietnamese and English.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RowResult(String rowKey, String status, String feedbackId, String trackingCode, Boolean replayed,
                        List<FieldError> errors) {

    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";

    static RowResult accepted(String rowKey, String feedbackId, String trackingCode, boolean replayed) {
        return new RowResult(rowKey, ACCEPTED, feedbackId, trackingCode, replayed, List.of());
    }

    static RowResult rejected(String rowKey, List<FieldError> errors) {
        return new RowResult(rowKey, REJECTED, null, null, null, List.copyOf(errors));
    }
}
