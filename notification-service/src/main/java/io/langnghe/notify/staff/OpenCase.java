package io.langnghe.notify.staff;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.DeadlineState;

import java.time.Instant;

/**
 * What the morning digest needs of one open case. The digest reads every open case of the ward, so it
 * keeps these few fields rather than the whole case with its history: a ward with 100,000 open cases
 * then fits in a few tens of megabytes instead of filling the service's heap.
 */
public record OpenCase(String caseId, String trackingCode, String department, Instant receivedAt, Instant dueAt,
                       DeadlineState deadlineState) {

    public static OpenCase of(CaseState state) {
        return new OpenCase(state.caseId(), state.trackingCode(), state.department(), state.receivedAt(), state.dueAt(),
                state.deadlineState());
    }
}
