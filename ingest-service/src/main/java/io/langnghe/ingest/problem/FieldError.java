package io.langnghe.ingest.problem;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What is wrong with one field of a request, in Vietnamese and English.
 *
 * @param field the JSON field (or header, or "body" for the request as a whole)
 * @param code  a stable machine-readable reason, e.g. "required", "too_long"
 */
public record FieldError(
        String field,
        String code,
        @JsonProperty("message_vi") String messageVi,
        @JsonProperty("message_en") String messageEn) {
}
