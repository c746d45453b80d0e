package io.langnghe.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What the stream read from a petition and why, so an officer can check it: the category the
 * classifier decided, and the place its words name.
 *
 * @param place where the text or address puts it, or null when it names no place (or was not read for one)
 */
public record Classification(Category category, double confidence, List<String> reasons,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Place place) {

    public Classification(Category category, double confidence, List<String> reasons) {
        this(category, confidence, reasons, null);
    }

    public Classification withPlace(Place place) {
        return new Classification(category, confidence, reasons, place);
    }
}
