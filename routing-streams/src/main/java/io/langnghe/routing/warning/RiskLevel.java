package io.langnghe.routing.warning;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.langnghe.contracts.Codes;

import java.util.Map;
import java.util.Optional;

/** How far a risk has gone, in order: an alert is raised at most once per subject and level. */
public enum RiskLevel {
    NONE("none"),
    WATCH("watch"),
    WARNING("warning"),
    CRITICAL("critical");

    private static final Map<String, RiskLevel> BY_CODE = Codes.byCode(values(), l -> l.code);

    private final String code;

    RiskLevel(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static RiskLevel of(String code) {
        return Optional.ofNullable(BY_CODE.get(code))
                .orElseThrow(() -> new IllegalArgumentException("unknown risk level: " + code + " (none, watch, warning, critical)"));
    }

    public boolean isAbove(RiskLevel other) {
        return compareTo(other) > 0;
    }
}
