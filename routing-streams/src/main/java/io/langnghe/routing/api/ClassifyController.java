package io.langnghe.routing.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.access.Roles;
import io.langnghe.contracts.Json;
import io.langnghe.contracts.RoutingRule;
import io.langnghe.routing.classify.Classifier;
import io.langnghe.routing.intake.ClassifyAnswer;
import io.langnghe.routing.intake.LetterProposals;
import io.langnghe.routing.intake.Router;
import io.langnghe.routing.intake.Routing;
import io.langnghe.routing.rules.LiveRules;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;

import java.io.IOException;
import java.util.List;

/**
 * {@code POST /api/classify}: what the stream would decide for one text, with the same classifier
 * and router, so an officer can see why a petition went where it did.
 */
@Controller("/api/classify")
@Secured({Roles.OFFICER, Roles.LEADER, Roles.ADMIN, Roles.OPERATOR})
class ClassifyController {

    static final int MAX_TEXT_LENGTH = 5_000;

    private final Classifier classifier;
    private final Router router;
    private final LiveRules rules;
    private final LetterProposals letters;

    ClassifyController(Classifier classifier, Router router, LiveRules rules) {
        this.classifier = classifier;
        this.router = router;
        this.rules = rules;
        this.letters = new LetterProposals(classifier, router);
    }

    // The body is read here, not bound by the framework, so malformed JSON gets the same bilingual problem.
    @Post
    @Consumes(MediaType.ALL)
    HttpResponse<?> classify(@Body String body) {
        String text;
        try {
            JsonNode json = Json.mapper().readTree(body == null ? "" : body);
            if (json == null || !json.isObject()) {
                return Problem.invalid("body", "Nội dung phải là một đối tượng JSON {\"text\": ...}", "The body must be a JSON object {\"text\": ...}");
            }
            JsonNode field = json.get("text");
            text = field == null || !field.isTextual() ? null : field.asText();
        } catch (IOException e) {
            return Problem.invalid("body", "JSON không đọc được", "Malformed JSON");
        }
        if (text == null || text.isBlank()) {
            return Problem.invalid("text", "Thiếu nội dung phản ánh", "text is required");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            return Problem.invalid("text", "Nội dung dài quá " + MAX_TEXT_LENGTH + " ký tự", "text is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        List<RoutingRule> now = rules.all();
        Routing routing = router.route(classifier.rank(text), null, text, now);
        return HttpResponse.ok(ClassifyAnswer.of(letters.propose(routing, text, null, null, now)));
    }
}
