package io.langnghe.routing.warning;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether the early warning's "same problem" (a {@link Fingerprint} similarity at or above the
 * clusters' threshold of routing/early-warning.yml) agrees with an officer on pairs the team wrote
 * (warning/same-problem-pairs.tsv): the same problem at the same place in other words ("đèn đường
 * không sáng" / "bóng chiếu sáng hỏng"), in letters, hotline notes and SMS without diacritics; and
 * different problems at the same place, or the same problem at another number of the street.
 * <pre>
 *   precision = pairs judged same that are the same / pairs judged same
 *   recall    = pairs judged same that are the same / pairs that are the same,   F1 = 2·P·R / (P + R)
 * </pre>
 */
class SameProblemPairsTest {

    static final double MINIMUM_F1 = 0.9;

    record Pair(boolean same, String a, String b) {
    }

    @Test
    void tellsTheSameProblemInOtherWordsFromAnotherProblem() throws IOException {
        List<Pair> pairs = pairs();
        double threshold = WarningSettings.loadDefault().clusters().similarity();
        int judgedSame = 0;
        int rightlySame = 0;
        int same = 0;
        StringBuilder misses = new StringBuilder();
        for (Pair pair : pairs) {
            double similarity = Fingerprint.of(pair.a()).similarity(Fingerprint.of(pair.b()));
            boolean judged = similarity >= threshold;
            same += pair.same() ? 1 : 0;
            judgedSame += judged ? 1 : 0;
            rightlySame += judged && pair.same() ? 1 : 0;
            if (judged != pair.same()) {
                misses.append("  %s %.2f  %s  |  %s%n".formatted(pair.same() ? "same, missed  " : "different, met", similarity, pair.a(), pair.b()));
            }
        }
        double precision = judgedSame == 0 ? 0 : (double) rightlySame / judgedSame;
        double recall = (double) rightlySame / same;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        System.out.printf("Same-problem pairs: %d (%d same), precision %.3f, recall %.3f, F1 %.3f at similarity ≥ %.2f%nMistakes:%n%s",
                pairs.size(), same, precision, recall, f1, threshold, misses);

        assertThat(pairs).hasSizeGreaterThanOrEqualTo(300);
        assertThat(same).as("pairs that are the same problem").isBetween(pairs.size() / 3, 2 * pairs.size() / 3);
        assertThat(f1).as("F1 of same problem or not").isGreaterThanOrEqualTo(MINIMUM_F1);
    }

    static List<Pair> pairs() throws IOException {
        try (InputStream in = SameProblemPairsTest.class.getResourceAsStream("/warning/same-problem-pairs.tsv")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Pair> pairs = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length != 3 || !(parts[0].equals("same") || parts[0].equals("different"))) {
                    throw new IllegalStateException("same-problem-pairs.tsv: not 'same|different <tab> a <tab> b': " + line);
                }
                pairs.add(new Pair(parts[0].equals("same"), parts[1], parts[2]));
            }
            return pairs;
        }
    }
}
