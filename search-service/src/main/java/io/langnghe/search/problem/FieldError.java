package io.langnghe.search.problem;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What is wrong with one parameter of a request, in Vietnamese and English (the same shape as
 * ingest-service's, so clients read both alike).
 *
 * @param code a stable machine-readable reason, e.g. "unknown_code", "out_of_range"
 */
public record FieldError(
        String field,
        String code,
        @JsonProperty("message_vi") String messageVi,
        @JsonProperty("message_en") String messageEn) {
}
