package io.langnghe.routing.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.langnghe.contracts.Place;
import io.langnghe.contracts.ProposedRequest;

import java.util.List;

/**
 * What {@code POST /api/classify} and {@code ./langnghe classify} answer for one text: the decision
 * the stream would take.
 *
 * @param triaged the classifier was unsure, so the triage desk takes it and the reasons show both candidates
 * @param place   where the text puts the petition (area, former unit, confidence, reasons), or null when it names no place
 * @param requests the requests of a letter that holds several, each classified and routed on its own (absent otherwise)
 */
public record ClassifyAnswer(String category, String department, double confidence, List<String> reasons, boolean triaged,
                             @JsonInclude(JsonInclude.Include.ALWAYS) Place place, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ProposedRequest> requests) {

    public static ClassifyAnswer of(Routing routing) {
        return new ClassifyAnswer(routing.classification().category().code(), routing.department(),
                routing.classification().confidence(), routing.classification().reasons(), routing.triaged(), routing.place(),
                routing.classification().requests());
    }
}
