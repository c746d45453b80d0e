package io.langnghe.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.langnghe.contracts.Json;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.routing.classify.BlendedClassifier;
import io.langnghe.routing.classify.Classifier;
import io.langnghe.routing.classify.ClassifierSettings;
import io.langnghe.routing.intake.ClassifyAnswer;
import io.langnghe.routing.intake.LetterProposals;
import io.langnghe.routing.intake.Router;
import io.langnghe.routing.intake.Routing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code ./langnghe classify}: JSON lines {@code {"text": ...}} on standard input, one answer line per
 * input on standard output (category, department and the place the text names), decided by the very
 * classifier and router the stream uses, with the
 * default settings. A line that cannot be read answers {@code {"error": ...}} and the next goes on.
 */
public final class ClassifyCli {

    private final Classifier classifier;
    private final Router router;
    private final LetterProposals letters;
    private final ObjectMapper json = Json.mapper();

    ClassifyCli(Classifier classifier, Router router) {
        this.classifier = classifier;
        this.router = router;
        this.letters = new LetterProposals(classifier, router);
    }

    public static void main(String[] args) throws IOException {
        Taxonomy taxonomy = Taxonomy.loadDefault();
        RoutingSettings routing = RoutingSettings.DEFAULTS;
        ClassifyCli cli = new ClassifyCli(BlendedClassifier.trained(taxonomy, ClassifierSettings.DEFAULTS),
                new Router(taxonomy, routing.triageBelowConfidence(), routing.triageWithinMargin()));
        cli.run(new InputStreamReader(System.in, StandardCharsets.UTF_8), new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    }

    void run(Reader in, Writer out) throws IOException {
        BufferedReader lines = new BufferedReader(in);
        PrintWriter answers = new PrintWriter(out);
        String line;
        while ((line = lines.readLine()) != null) {
            if (!line.isBlank()) {
                answers.println(json.writeValueAsString(answer(line)));
                answers.flush();
            }
        }
    }

    private Object answer(String line) {
        JsonNode input;
        try {
            input = json.readTree(line);
        } catch (IOException e) {
            return Map.of("error", "JSON không đọc được / Malformed JSON");
        }
        JsonNode text = input == null ? null : input.get("text");
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            return Map.of("error", "Thiếu nội dung phản ánh / text is required");
        }
        Routing routing = router.route(classifier.rank(text.asText()), null, text.asText(), List.of());
        return ClassifyAnswer.of(letters.propose(routing, text.asText(), null, null, List.of()));
    }
}
