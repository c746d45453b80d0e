package io.langnghe.contracts;

import java.time.Instant;

/**
 * What became of an officer's command: value of {@code case.command.results.v1}, keyed by
 * {@code caseId}. A refused command leaves the case unchanged and says why, in both languages.
 *
 * @param caseVersion the case version after the command (unchanged when refused; 0 for an unknown case)
 * @param reason      why it was refused; null when accepted
 */
public record CommandResult(
        int schemaVersion,
        String commandId,
        String caseId,
        CaseCommand.Type type,
        boolean accepted,
        long caseVersion,
        Reason reason,
        Instant at) {

    public static final int SCHEMA_VERSION = 1;

    /** A reason in Vietnamese and English. */
    public record Reason(String vi, String en) {
    }
}
