package io.langnghe.routing.warning;

import com.fasterxml.jackson.databind.JsonNode;
import io.langnghe.contracts.Json;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The look-alike index leaves a pair out, before comparing its shingles, when {@link FingerprintSketch} says it cannot be
 * alike enough: that must never cost a look-alike, so neither bound may ever be below a pair's similarity. Every pair
 * of the classifier's held-out petitions and of the officers' same-problem pairs is checked against its exact similarity.
 */
class FingerprintSketchTest {

    private static final double SAME_CATEGORY = WarningSettings.loadDefault().clusters().similarity();

    @Test
    void neverSharesFewerShinglesThanTheTextsDo() throws IOException {
        List<Fingerprint> texts = texts();
        List<FingerprintSketch> sketches = texts.stream().map(FingerprintSketch::of).toList();
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                int[] other = texts.get(j).shingles();
                int shared = (int) Arrays.stream(texts.get(i).shingles()).filter(h -> Arrays.binarySearch(other, h) >= 0).count();
                assertThat(sketches.get(i).sharedAtMost(sketches.get(j))).as("pair %d, %d", i, j).isGreaterThanOrEqualTo(shared);
            }
        }
    }

    @Test
    void neverRatesAPairBelowItsSimilarityAndLeavesOutMostPairsNotAlike() throws IOException {
        List<Fingerprint> texts = texts();
        List<FingerprintSketch> sketches = texts.stream().map(FingerprintSketch::of).toList();
        int alike = 0;
        int leftOutBySketches = 0;
        int pairs = 0;
        for (int i = 0; i < texts.size(); i++) {
            for (int j = 0; j < texts.size(); j++) {
                if (i == j) {
                    continue;
                }
                pairs++;
                Fingerprint a = texts.get(i);
                Fingerprint b = texts.get(j);
                FingerprintSketch sa = sketches.get(i);
                FingerprintSketch sb = sketches.get(j);
                double similarity = a.similarity(b);
                if (sa.namesOtherThanItDoes(sb)) {
                    assertThat(similarity).as("named otherwise, yet alike: %d, %d", i, j).isZero();
                }
                assertThat(sa.similarityAtMost(sb)).as("sketches of %d, %d", i, j).isGreaterThanOrEqualTo(similarity);
                assertThat(a.similarityAtMost(b, sa.sharedAtMost(sb))).as("fingerprints of %d, %d", i, j).isGreaterThanOrEqualTo(similarity);
                if (similarity >= SAME_CATEGORY) {
                    alike++;
                } else if (sa.namesOtherThanItDoes(sb) || sa.similarityAtMost(sb) < SAME_CATEGORY) {
                    leftOutBySketches++;
                }
            }
        }
        assertThat(alike).as("pairs alike").isGreaterThan(100);
        // what makes it worth having: most pairs of unrelated petitions are ruled out without reading their fingerprints
        assertThat(leftOutBySketches).as("pairs left out, of %d not alike", pairs - alike).isGreaterThan((pairs - alike) * 8 / 10);
    }

    static List<Fingerprint> texts() throws IOException {
        List<Fingerprint> texts = new ArrayList<>();
        for (SameProblemPairsTest.Pair pair : SameProblemPairsTest.pairs()) {
            texts.add(Fingerprint.of(pair.a()));
            texts.add(Fingerprint.of(pair.b()));
        }
        try (InputStream in = FingerprintSketchTest.class.getResourceAsStream("/classifier/corpus-heldout.jsonl");
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode petition = Json.mapper().readTree(line);
                texts.add(Fingerprint.of(petition.get("text").asText()));
            }
        }
        return texts;
    }
}
