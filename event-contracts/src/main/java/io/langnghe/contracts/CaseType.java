package io.langnghe.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Map;
import java.util.Optional;

/**
 * What the law makes of a case: a petition (kiến nghị, phản ánh), or a complaint (khiếu nại) or a
 * denunciation (tố cáo), which have their own procedure and deadlines.
 */
public enum CaseType {
    PETITION("petition"),
    COMPLAINT("complaint"),
    DENUNCIATION("denunciation");

    private static final Map<String, CaseType> BY_CODE = Codes.byCode(values(), t -> t.code);

    private final String code;

    CaseType(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public boolean isLegal() {
        return this != PETITION;
    }

    @JsonCreator
    static CaseType of(String code) {
        return Optional.ofNullable(BY_CODE.get(code))
                .orElseThrow(() -> new IllegalArgumentException("unknown case type: " + code));
    }
}
