package io.langnghe.routing.rules;

import io.langnghe.contracts.Category;
import io.langnghe.contracts.RoutingRule;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.routing.MatchableText;
import io.langnghe.text.VietnameseText;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which rule routes a petition, as FixMyStreet's contacts: among the rules of its category whose area
 * (if any) is the petition's and whose keywords (if any) one is in its text, the one of highest
 * priority, then the most specific (area and keywords), then the first by id. None: the taxonomy's
 * default department for the category.
 */
public final class RuleBook {

    private RuleBook() {
    }

    public static Optional<RoutingRule> match(Collection<RoutingRule> rules, Category category, String area, String text) {
        // folded only when a rule of the category and area has keywords: most rules (the defaults) have none
        MatchableText folded = MatchableText.of(text == null ? "" : text);
        return rules.stream()
                .filter(rule -> rule.category() == category)
                .filter(rule -> rule.area() == null || rule.area().equals(area))
                .filter(rule -> rule.keywords() == null || rule.keywords().isEmpty() || rule.keywords().stream()
                        .anyMatch(keyword -> folded.folded().contains(" " + VietnameseText.foldForMatching(keyword) + " ")))
                .min(Comparator.comparingInt(RoutingRule::priority).reversed()
                        .thenComparing(Comparator.comparingInt(RuleBook::specificity).reversed())
                        .thenComparing(RoutingRule::ruleId));
    }

    /** The defaults of DESIGN.md as rules, one per category: what is published on first start. */
    public static List<RoutingRule> defaults(Taxonomy taxonomy) {
        List<RoutingRule> rules = new ArrayList<>();
        for (Category category : Category.values()) {
            rules.add(new RoutingRule(RoutingRule.SCHEMA_VERSION, "default." + category.code(), category, null, List.of(),
                    taxonomy.defaultDepartmentFor(category), 0));
        }
        return rules;
    }

    /** What is wrong with a rule, in Vietnamese and English; empty when it can be published. */
    public static List<String> problems(RoutingRule rule, Taxonomy taxonomy) {
        List<String> problems = new ArrayList<>();
        if (rule.ruleId() == null || !rule.ruleId().matches("[a-z0-9][a-z0-9._-]{0,99}")) {
            problems.add("ruleId: chữ thường, số, '.', '_' hoặc '-' / lowercase letters, digits, '.', '_' or '-'");
        }
        if (rule.category() == null) {
            problems.add("category: thiếu lĩnh vực / a category is required");
        }
        if (rule.department() == null || !taxonomy.hasDepartment(rule.department())) {
            problems.add("department: không có phòng ban " + rule.department() + " / unknown department " + rule.department());
        }
        if (rule.area() != null && !taxonomy.hasArea(rule.area())) {
            problems.add("area: không có tổ dân phố " + rule.area() + " / unknown area " + rule.area());
        }
        return problems;
    }

    private static int specificity(RoutingRule rule) {
        return (rule.area() == null ? 0 : 1) + (rule.keywords() == null || rule.keywords().isEmpty() ? 0 : 1);
    }
}
