package io.langnghe.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Map;
import java.util.Optional;

/** How a petition reached the ward. The code is what travels in events and APIs. */
public enum Channel {
    WEB("web"),
    HOTLINE("hotline"),
    GROUP_MEETING("group_meeting"),
    VOTER_MEETING("voter_meeting"),
    SMS("sms"),
    ZALO("zalo"),
    OPEN311("open311");

    private static final Map<String, Channel> BY_CODE = Codes.byCode(values(), c -> c.code);

    private final String code;

    Channel(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<Channel> fromCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    @JsonCreator
    static Channel of(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException("unknown channel: " + code));
    }
}
