package io.langnghe.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.langnghe.contracts.Json;

import java.util.LinkedHashMap;
import java.util.Map;

/** A petition body with sensible defaults: {@code TestPetition.petition().area("tdp-05").json()}. */
public final class TestPetition {

    public static final String DRAIN = "Cống thoát nước trước nhà số 12 ngõ 5 bị tắc, mùi hôi bốc lên";

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private TestPetition() {
        fields.put("text", DRAIN);
        fields.put("channel", "web");
        fields.put("area", "tdp-05");
    }

    public static TestPetition petition() {
        return new TestPetition();
    }

    public TestPetition text(String text) {
        return with("text", text);
    }

    public TestPetition channel(String channel) {
        return with("channel", channel);
    }

    public TestPetition area(String area) {
        return with("area", area);
    }

    public TestPetition with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    public TestPetition without(String field) {
        fields.remove(field);
        return this;
    }

    public String json() {
        try {
            return Json.mapper().writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
