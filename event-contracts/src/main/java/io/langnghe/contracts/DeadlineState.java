package io.langnghe.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Map;
import java.util.Optional;

/**
 * How a case stands against its {@code dueAt}: routing's scheduled check marks it {@code due_soon}
 * (most of the time used) and then {@code overdue}, each once per deadline; a new deadline starts
 * again from {@code on_time}.
 */
public enum DeadlineState {
    ON_TIME("on_time"),
    DUE_SOON("due_soon"),
    OVERDUE("overdue");

    private static final Map<String, DeadlineState> BY_CODE = Codes.byCode(values(), s -> s.code);

    private final String code;

    DeadlineState(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    static DeadlineState of(String code) {
        return Optional.ofNullable(BY_CODE.get(code))
                .orElseThrow(() -> new IllegalArgumentException("unknown deadline state: " + code));
    }
}
