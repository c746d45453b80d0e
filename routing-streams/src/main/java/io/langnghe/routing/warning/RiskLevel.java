package io.langnghe.routing.warning;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** How far a risk has gone, in order: an alert is raised at most once per subject and level. */
public enum RiskLevel {
    NONE("none"),
    WATCH("watch"),
    WARNING("warning"),
    CRITICAL("critical");

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
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown risk level: " + code + " (none, watch, warning, critical)"));
    }

    public boolean isAbove(RiskLevel other) {
        return compareTo(other) > 0;
    }
}
