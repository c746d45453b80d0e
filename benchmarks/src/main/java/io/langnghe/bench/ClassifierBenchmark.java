package io.langnghe.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.contracts.Classification;
import io.langnghe.contracts.Json;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.routing.classify.BlendedClassifier;
import io.langnghe.routing.classify.ClassifierSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Petitions classified per second on one thread (one core), by the classifier the stream uses.
 * Target (issue 4): at least 20,000/s. The texts are the held-out corpus, which the model never saw,
 * taken in turn so the branch predictor cannot learn one text.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class ClassifierBenchmark {

    private BlendedClassifier classifier;
    private String[] petitions;
    private int next;

    @Setup
    public void train() {
        classifier = BlendedClassifier.trained(Taxonomy.loadDefault(), ClassifierSettings.DEFAULTS);
        petitions = heldOutTexts().toArray(String[]::new);
    }

    @Benchmark
    public Classification classifyOnePetition() {
        String text = petitions[next];
        next = (next + 1) % petitions.length;
        return classifier.classify(text);
    }

    static List<String> heldOutTexts() {
        List<String> texts = new ArrayList<>();
        try (InputStream in = ClassifierBenchmark.class.getResourceAsStream("/classifier/corpus-heldout.jsonl")) {
            if (in == null) {
                throw new IllegalStateException("classifier/corpus-heldout.jsonl is not on the classpath");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    JsonNode row = Json.mapper().readTree(line);
                    texts.add(row.path("text").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
