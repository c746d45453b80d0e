package io.langnghe.routing;

import io.langnghe.contracts.Classification;
import io.langnghe.contracts.taxonomy.Taxonomy;

/**
 * Chooses the department: the one that takes the category by default (DESIGN.md), or the triage
 * desk when the classifier is less sure than the configured threshold. Routing rules read from
 * {@code routing.rules.v1} will take the place of the defaults here.
 */
public final class Router {

    private final Taxonomy taxonomy;
    private final double triageBelowConfidence;

    public Router(Taxonomy taxonomy, double triageBelowConfidence) {
        this.taxonomy = taxonomy;
        this.triageBelowConfidence = triageBelowConfidence;
    }

    public Routing route(Classification classification) {
        String department = taxonomy.defaultDepartmentFor(classification.category());
        String triage = taxonomy.triageDepartment();
        if (classification.confidence() < triageBelowConfidence && !department.equals(triage)) {
            return new Routing(classification, triage, true);
        }
        return new Routing(classification, department, false);
    }
}
