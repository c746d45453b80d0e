package io.langnghe.search.actions;

import io.langnghe.access.Caller;
import io.langnghe.access.Roles;
import io.langnghe.contracts.CaseCommand.Type;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.CaseType;
import io.langnghe.search.index.CaseDocument;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Who may ask for what, and what fits the case as it stands. Officers work their department's
 * cases; a leader steers (reassigns, sends back to triage, reopens, merges, sets the legal track's
 * clocks, closes, accepts a letter's requests as cases, merges one back) but does not answer for a department. The case lifecycle in routing-streams has
 * the last word; this only spares an officer a command that cannot apply to what the page shows.
 */
public final class ActionRules {

    private static final Set<Type> LEADER_ACTIONS = EnumSet.of(Type.REASSIGN, Type.RETURN_TO_TRIAGE, Type.REOPEN, Type.MERGE,
            Type.CONFIRM_LEGAL_TRACK, Type.UNDO_LEGAL_TRACK, Type.MARK_COMPLEX, Type.EXTEND_DEADLINE, Type.CLOSE, Type.SPLIT,
            Type.CONFIRM_PLACE, Type.ACCEPT_REQUESTS, Type.MERGE_BACK);
    private static final Set<CaseStatus> STEERABLE = EnumSet.of(
            CaseStatus.ASSIGNED, CaseStatus.ACKNOWLEDGED, CaseStatus.IN_PROGRESS, CaseStatus.REOPENED);
    // The same table as routing-streams' CaseLifecycle: which statuses each action applies from.
    private static final Map<Type, Set<CaseStatus>> APPLIES_FROM = new EnumMap<>(Map.ofEntries(
            Map.entry(Type.ACKNOWLEDGE, EnumSet.of(CaseStatus.ASSIGNED, CaseStatus.REOPENED)),
            Map.entry(Type.START, EnumSet.of(CaseStatus.ASSIGNED, CaseStatus.ACKNOWLEDGED, CaseStatus.REOPENED)),
            Map.entry(Type.ANSWER, EnumSet.of(CaseStatus.ACKNOWLEDGED, CaseStatus.IN_PROGRESS, CaseStatus.REOPENED)),
            Map.entry(Type.RESOLVE, EnumSet.of(CaseStatus.IN_PROGRESS, CaseStatus.ANSWERED)),
            Map.entry(Type.REASSIGN, STEERABLE),
            Map.entry(Type.RETURN_TO_TRIAGE, STEERABLE),
            Map.entry(Type.REJECT, STEERABLE),
            Map.entry(Type.MERGE, STEERABLE),
            Map.entry(Type.CONFIRM_LEGAL_TRACK, STEERABLE),
            Map.entry(Type.UNDO_LEGAL_TRACK, STEERABLE),
            Map.entry(Type.MARK_COMPLEX, STEERABLE),
            Map.entry(Type.EXTEND_DEADLINE, EnumSet.of(CaseStatus.ACKNOWLEDGED, CaseStatus.IN_PROGRESS)),
            Map.entry(Type.CLOSE, EnumSet.of(CaseStatus.RESOLVED)),
            Map.entry(Type.SPLIT, EnumSet.of(CaseStatus.ASSIGNED, CaseStatus.ACKNOWLEDGED, CaseStatus.IN_PROGRESS, CaseStatus.ANSWERED,
                    CaseStatus.REOPENED)),
            Map.entry(Type.CONFIRM_PLACE, EnumSet.of(CaseStatus.ASSIGNED, CaseStatus.ACKNOWLEDGED, CaseStatus.IN_PROGRESS,
                    CaseStatus.ANSWERED, CaseStatus.REOPENED)),
            Map.entry(Type.REOPEN, EnumSet.of(CaseStatus.ANSWERED, CaseStatus.RESOLVED, CaseStatus.CLOSED, CaseStatus.REJECTED)),
            Map.entry(Type.ACCEPT_REQUESTS, EnumSet.of(CaseStatus.ASSIGNED, CaseStatus.ACKNOWLEDGED, CaseStatus.IN_PROGRESS,
                    CaseStatus.ANSWERED, CaseStatus.REOPENED)),
            Map.entry(Type.MERGE_BACK, STEERABLE)));

    // As routing-streams' Deadlines: a denunciation's 30 days may be extended twice, to 90 at most.
    static final int MAX_EXTENSIONS = 2;

    private ActionRules() {
    }

    public static boolean mayAsk(Caller caller, Type type) {
        // the early warning assesses, the pipeline opens a letter's accepted requests, the migration seals old
        // contacts, and residents rate (through the tracking page); no staff member does any of these
        if (type == Type.ASSESS || type == Type.RATE || type == Type.OPEN_REQUEST || type == Type.SEAL_CONTACT) {
            return false;
        }
        return caller.is(Roles.OFFICER) || (caller.is(Roles.LEADER) && LEADER_ACTIONS.contains(type));
    }

    /** Whether the action applies to a case in this status (a closed case can only be reopened). */
    public static boolean fits(Type type, CaseStatus status) {
        return status != null && APPLIES_FROM.getOrDefault(type, Set.of()).contains(status);
    }

    /**
     * Whether the action applies to this case: its status, and for the legal track's clocks its type
     * (only a complaint is marked complex, once; only a denunciation is extended, at most twice).
     */
    public static boolean fits(Type type, CaseDocument current) {
        if (!fits(type, current.status())) {
            return false;
        }
        CaseType caseType = current.caseType() == null ? CaseType.PETITION : current.caseType();
        return switch (type) {
            case UNDO_LEGAL_TRACK -> caseType.isLegal();
            case MARK_COMPLEX -> caseType == CaseType.COMPLAINT && !current.complex();
            case EXTEND_DEADLINE -> caseType == CaseType.DENUNCIATION && current.extensions() < MAX_EXTENSIONS;
            case SPLIT -> current.clusterId() != null;
            // a letter with proposed requests not all accepted yet; a case made of a letter's request
            case ACCEPT_REQUESTS -> current.letter().letterId() == null && current.classification() != null
                    && current.classification().requests().stream().anyMatch(r -> !current.letter().accepted(r.index()));
            case MERGE_BACK -> current.letter().letterId() != null;
            default -> true;
        };
    }
}
