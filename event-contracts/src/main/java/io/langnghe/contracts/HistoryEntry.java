package io.langnghe.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * One change in a case's life: who did what, when, with an optional note.
 *
 * @param commandId the officer's (or resident's) command that made the change; null for what the system
 *                  did by itself. A command id is applied once: its line is how a resend is recognised.
 */
public record HistoryEntry(long version, Instant at, String actor, String action, CaseStatus status, String note,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String commandId) {

    /** A change the system made by itself (opening, routing, a deadline mark). */
    public HistoryEntry(long version, Instant at, String actor, String action, CaseStatus status, String note) {
        this(version, at, actor, action, status, note, null);
    }

    public HistoryEntry withCommandId(String commandId) {
        return new HistoryEntry(version, at, actor, action, status, note, commandId);
    }
}
