package io.langnghe.routing.classify;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled petitions of {@code classifier/*.jsonl}, one {@code {"text": ..., "category": ...}}
 * per line. {@code corpus-train.jsonl} trains the model at start-up; {@code corpus-heldout.jsonl}
 * is only ever read by the quality test.
 */
public final class Corpus {

    public static final String TRAINING = "/classifier/corpus-train.jsonl";
    public static final String HELD_OUT = "/classifier/corpus-heldout.jsonl";

    private Corpus() {
    }

    public static List<LabelledExample> load(String resource) {
        try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<LabelledExample> examples = new ArrayList<>();
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    examples.add(parse(resource, number, line));
                }
            }
            return examples;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    private static LabelledExample parse(String resource, int number, String line) throws IOException {
        JsonNode row = Json.mapper().readTree(line);
        String text = row.path("text").asText("");
        Category category = Category.fromCode(row.path("category").asText("")).orElse(null);
        if (text.isBlank() || category == null) {
            throw new IllegalStateException(resource + " line " + number + " needs a text and a known category: " + line);
        }
        return new LabelledExample(text, category);
    }
}
