package io.langnghe.routing.classify;

import io.langnghe.contracts.Category;
import io.langnghe.contracts.Classification;

import java.util.List;
import java.util.Locale;

/** One category the classifier considered, how likely (0..1) and the words of the text that speak for it. */
public record Candidate(Category category, double confidence, List<String> reasons) {

    public Classification classification() {
        return new Classification(category, confidence, reasons);
    }

    /** "giao_thong_ha_tang 0.46: đèn đường, hỏng", for the reasons of a case sent to triage. */
    public String summary() {
        String summary = String.format(Locale.ROOT, "%s %.2f", category.code(), confidence);
        return reasons.isEmpty() ? summary : summary + ": " + String.join(", ", reasons);
    }
}
