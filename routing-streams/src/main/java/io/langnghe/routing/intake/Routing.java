package io.langnghe.routing.intake;

import io.langnghe.contracts.Classification;
import io.langnghe.contracts.Place;
import io.langnghe.contracts.ProposedRequest;

import java.util.List;

/**
 * Where a petition goes and why.
 *
 * @param triaged the classifier was unsure, so the triage desk decides instead of the category's department
 * @param ruleId  the routing rule that chose the department; null for the triage desk
 */
public record Routing(Classification classification, String department, boolean triaged, String ruleId) {

    /** The same routing with the place the petition's words name beside the category (unchanged when none). */
    public Routing withPlace(Place place) {
        return place == null ? this : new Routing(classification.withPlace(place), department, triaged, ruleId);
    }

    /** The same routing with the requests of a letter that holds several. */
    public Routing withRequests(List<ProposedRequest> requests) {
        return new Routing(classification.withRequests(requests), department, triaged, ruleId);
    }

    /** The place read from the petition's words, or null. */
    public Place place() {
        return classification == null ? null : classification.place();
    }

    /** The history note of the routing step, e.g. "→ kinh_te_ha_tang_do_thi (giao_thong_ha_tang)". */
    public String note() {
        String category = classification.category().code();
        return triaged
                ? "→ %s (chưa chắc / unsure: %s)".formatted(department, String.join(" | ", classification.reasons()))
                : ruleId == null || ruleId.startsWith("default.") ? "→ %s (%s)".formatted(department, category)
                : "→ %s (%s; quy tắc / rule %s)".formatted(department, category, ruleId);
    }
}
