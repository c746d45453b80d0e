package io.langnghe.search.similar;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** Open cases of the area that look alike, the most alike first. */
public record SimilarCases(String area, @JsonInclude(JsonInclude.Include.ALWAYS) List<SimilarCase> items) {
}
