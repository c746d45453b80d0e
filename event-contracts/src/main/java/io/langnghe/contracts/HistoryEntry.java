package io.langnghe.contracts;

import java.time.Instant;

/** One change in a case's life: who did what, when, with an optional note. */
public record HistoryEntry(long version, Instant at, String actor, String action, CaseStatus status, String note) {
}
