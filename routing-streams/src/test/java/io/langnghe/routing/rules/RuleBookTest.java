package io.langnghe.routing.rules;

import io.langnghe.contracts.Category;
import io.langnghe.contracts.RoutingRule;
import io.langnghe.contracts.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RuleBookTest {

    static final Taxonomy taxonomy = Taxonomy.loadDefault();
    static final List<RoutingRule> rules = new ArrayList<>(RuleBook.defaults(taxonomy));

    static {
        rules.add(rule("karaoke-at-night", Category.MOI_TRUONG, null, List.of("karaoke"), "cong_an", 0));
        rules.add(rule("tdp-13-noise", Category.MOI_TRUONG, "tdp-13", List.of(), "van_phong", 0));
        rules.add(rule("tdp-13-karaoke", Category.MOI_TRUONG, "tdp-13", List.of("karaoke"), "hanh_chinh_cong", 0));
        rules.add(rule("urgent-outage", Category.DIEN_NUOC, null, List.of("mất điện"), "van_phong", 5));
    }

    @ParameterizedTest(name = "{0} in {1}: {2} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # category | area   | text                               | rule
            moi_truong | tdp-01 | Rác ở đầu ngõ                      | default.moi_truong
            moi_truong | tdp-01 | Hát karaoke đến khuya              | karaoke-at-night
            moi_truong | tdp-01 | hat KARAOKE den khuya              | karaoke-at-night      # folded, capitals
            moi_truong | tdp-13 | Rác ở đầu ngõ                      | tdp-13-noise          # the area's rule
            moi_truong | tdp-13 | Hát karaoke đến khuya              | tdp-13-karaoke        # area and keyword: most specific
            dien_nuoc  | tdp-13 | Mất điện cả ngày, dây điện võng    | urgent-outage         # higher priority than the default
            dien_nuoc  | tdp-13 | Dây điện võng thấp                 | default.dien_nuoc
            """)
    void choosesThePriorThenMostSpecificRule(String category, String area, String text, String ruleAndComment) {
        Optional<RoutingRule> rule = RuleBook.match(rules, Category.fromCode(category).orElseThrow(), area, text);

        assertThat(rule).map(RoutingRule::ruleId).contains(ruleAndComment.replaceAll("\\s*#.*", ""));
    }

    @Test
    void seedsOneDefaultRulePerCategory() {
        assertThat(RuleBook.defaults(taxonomy)).hasSize(Category.values().length)
                .allSatisfy(rule -> assertThat(rule.department()).isEqualTo(taxonomy.defaultDepartmentFor(rule.category())));
    }

    @Test
    void refusesRulesNamingWhatTheTaxonomyDoesNotKnow() {
        assertThat(RuleBook.problems(rule("ok", Category.MOI_TRUONG, "tdp-05", List.of(), "cong_an", 0), taxonomy)).isEmpty();
        assertThat(RuleBook.problems(rule("Bad Id", null, "tdp-99", List.of(), "phong_ma", 0), taxonomy)).containsExactly(
                "ruleId: chữ thường, số, '.', '_' hoặc '-' / lowercase letters, digits, '.', '_' or '-'",
                "category: thiếu lĩnh vực / a category is required",
                "department: không có phòng ban phong_ma / unknown department phong_ma",
                "area: không có tổ dân phố tdp-99 / unknown area tdp-99");
    }

    static RoutingRule rule(String id, Category category, String area, List<String> keywords, String department, int priority) {
        return new RoutingRule(RoutingRule.SCHEMA_VERSION, id, category, area, keywords, department, priority);
    }
}
