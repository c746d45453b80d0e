package io.langnghe.routing.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.access.Roles;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.Json;
import io.langnghe.contracts.RoutingRule;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.routing.rules.LiveRules;
import io.langnghe.routing.rules.RuleBook;
import io.langnghe.routing.rules.RulePublisher;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /api/admin/rules}: the routing rules, for the administrator. A change is written to
 * {@code routing.rules.v1} and applies to the petitions the stream reads after it, without a restart.
 * A rule naming an unknown category, department or area is refused.
 */
@Controller("/api/admin/rules")
@Secured(Roles.ADMIN)
class RulesController {

    private final LiveRules rules;
    private final RulePublisher publisher;
    private final Taxonomy taxonomy;

    RulesController(LiveRules rules, RulePublisher publisher, Taxonomy taxonomy) {
        this.rules = rules;
        this.publisher = publisher;
        this.taxonomy = taxonomy;
    }

    @Get
    List<RoutingRule> list() {
        return rules.all();
    }

    // The body is read here, not bound by the framework, so every mistake gets the same bilingual problem.
    @Put("/{ruleId}")
    @Consumes(MediaType.ALL)
    HttpResponse<?> put(@PathVariable String ruleId, @Body String body) {
        JsonNode json;
        try {
            json = Json.mapper().readTree(body == null ? "" : body);
        } catch (IOException e) {
            return Problem.invalid("body", "JSON không đọc được", "Malformed JSON");
        }
        if (json == null || !json.isObject()) {
            return Problem.invalid("body", "Nội dung phải là một đối tượng JSON", "The body must be a JSON object");
        }
        String categoryCode = json.path("category").asText("");
        Category category = Category.fromCode(categoryCode).orElse(null);
        if (category == null) {
            return Problem.invalid("category", "Không có lĩnh vực '" + categoryCode + "'", "Unknown category '" + categoryCode + "'");
        }
        List<String> keywords = new ArrayList<>();
        json.path("keywords").forEach(keyword -> keywords.add(keyword.asText()));
        RoutingRule rule = new RoutingRule(RoutingRule.SCHEMA_VERSION, ruleId, category,
                json.hasNonNull("area") ? json.get("area").asText() : null, List.copyOf(keywords),
                json.path("department").asText(null), json.path("priority").asInt(0));
        List<String> problems = RuleBook.problems(rule, taxonomy);
        if (!problems.isEmpty()) {
            return Problem.invalid(problems);
        }
        publisher.publish(rule);
        return HttpResponse.ok(rule);
    }

    @Delete("/{ruleId}")
    HttpResponse<?> delete(@PathVariable String ruleId) {
        publisher.remove(ruleId);
        return HttpResponse.noContent();
    }
}
