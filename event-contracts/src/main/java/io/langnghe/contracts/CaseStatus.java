package io.langnghe.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Map;
import java.util.Optional;

/**
 * Where a case stands. As in FixMyStreet, states fall into two groups: open (someone still owes the
 * resident an answer) and closed.
 */
public enum CaseStatus {
    NEW("new", true),
    ASSIGNED("assigned", true),
    ACKNOWLEDGED("acknowledged", true),
    IN_PROGRESS("in_progress", true),
    ANSWERED("answered", true),
    REOPENED("reopened", true),
    RESOLVED("resolved", false),
    CLOSED("closed", false),
    REJECTED("rejected", false),
    MERGED("merged", false);

    private static final Map<String, CaseStatus> BY_CODE = Codes.byCode(values(), s -> s.code);

    private final String code;
    private final boolean open;

    CaseStatus(String code, boolean open) {
        this.code = code;
        this.open = open;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public boolean isOpen() {
        return open;
    }

    public static Optional<CaseStatus> fromCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    @JsonCreator
    static CaseStatus of(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException("unknown case status: " + code));
    }
}
