package io.langnghe.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What the stream read from a petition and why, so an officer can check it: the category the
 * classifier decided, the place its words name, and the requests it holds when it holds several.
 *
 * @param place    where the text or address puts it, or null when it names no place (or was not read for one)
 * @param requests the letter's requests, each classified and routed on its own, when it holds two or more;
 *                 empty otherwise
 */
public record Classification(Category category, double confidence, List<String> reasons,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Place place,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ProposedRequest> requests) {

    public Classification {
        requests = requests == null ? List.of() : List.copyOf(requests);
    }

    public Classification(Category category, double confidence, List<String> reasons) {
        this(category, confidence, reasons, null, List.of());
    }

    public Classification withPlace(Place place) {
        return new Classification(category, confidence, reasons, place, requests);
    }

    public Classification withRequests(List<ProposedRequest> requests) {
        return new Classification(category, confidence, reasons, place, requests);
    }
}
