package io.langnghe.contracts;

import java.util.List;

/**
 * A routing row (as FixMyStreet's contacts): category, optionally an area or keywords, to the
 * department that answers. Value of the compacted {@code routing.rules.v1}, keyed by {@code ruleId};
 * a null value deletes the rule.
 */
public record RoutingRule(
        int schemaVersion,
        String ruleId,
        Category category,
        String area,
        List<String> keywords,
        String department,
        int priority) {

    public static final int SCHEMA_VERSION = 1;
}
