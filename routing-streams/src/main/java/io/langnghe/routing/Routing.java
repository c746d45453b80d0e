package io.langnghe.routing;

import io.langnghe.contracts.Classification;

/**
 * Where a petition goes and why.
 *
 * @param triaged the classifier was unsure, so the triage desk decides instead of the category's department
 */
public record Routing(Classification classification, String department, boolean triaged) {

    /** The history note of the routing step, e.g. "→ kinh_te_ha_tang_do_thi (giao_thong_ha_tang)". */
    public String note() {
        String category = classification.category().code();
        return triaged
                ? "→ %s (%s; độ tin cậy thấp / low confidence %.2f)".formatted(department, category, classification.confidence())
                : "→ %s (%s)".formatted(department, category);
    }
}
