package io.langnghe.routing.classify;

import io.langnghe.contracts.Category;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.routing.intake.Router;
import io.langnghe.routing.intake.Routing;
import io.langnghe.text.VietnameseText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classifier measured on the held-out 20% of the corpus, which training never reads, once as
 * written and once folded (every diacritic dropped, as an SMS arrives):
 * <pre>
 *   precision(c) = right(c) / predicted(c),  recall(c) = right(c) / labelled(c),
 *   F1(c) = 2·P·R / (P + R),                 macro-F1 = mean over the 11 categories
 *   department accuracy = share whose best category belongs to the labelled category's department
 *   triage share        = share the router sends to the triage desk (application.yml's thresholds)
 * </pre>
 * Prints the table and the confusion pairs so the closing note of a change can quote them.
 */
class ClassifierQualityTest {

    static final double MINIMUM_MACRO_F1 = 0.92;
    static final double MINIMUM_DEPARTMENT_ACCURACY = 0.93;
    static final double MAXIMUM_TRIAGE_SHARE = 0.08;
    // routing-streams' application.yml defaults: langnghe.routing.triage-below-confidence and -within-margin.
    static final double TRIAGE_BELOW_CONFIDENCE = 0.5;
    static final double TRIAGE_WITHIN_MARGIN = 0.2;

    static final Taxonomy taxonomy = Taxonomy.loadDefault();
    static final List<LabelledExample> training = Corpus.load(Corpus.TRAINING);
    static final List<LabelledExample> heldOut = Corpus.load(Corpus.HELD_OUT);
    static final Classifier classifier = BlendedClassifier.trained(taxonomy, ClassifierSettings.DEFAULTS, training);

    /** How the held-out petitions reach the classifier. */
    enum Writing {
        AS_WRITTEN(text -> text),
        FOLDED(VietnameseText::fold);

        final UnaryOperator<String> apply;

        Writing(UnaryOperator<String> apply) {
            this.apply = apply;
        }
    }

    @Test
    void neverTrainsOnTheHeldOutPetitions() {
        Set<String> trained = new HashSet<>(training.stream().map(LabelledExample::text).toList());

        assertThat(heldOut).extracting(LabelledExample::text).noneMatch(trained::contains);
        assertThat(training.size() + heldOut.size()).isGreaterThanOrEqualTo(4 * 719);
        assertThat((double) heldOut.size() / (training.size() + heldOut.size())).isBetween(0.19, 0.21);
        for (Category category : Category.values()) {
            long all = (training.stream().filter(e -> e.category() == category).count()
                    + heldOut.stream().filter(e -> e.category() == category).count());
            assertThat(all).as("petitions of %s", category.code()).isGreaterThanOrEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(Writing.class)
    void reachesMacroF1DepartmentAccuracyAndTriageOnTheHeldOutPetitions(Writing writing) {
        Router router = new Router(taxonomy, TRIAGE_BELOW_CONFIDENCE, TRIAGE_WITHIN_MARGIN);
        Map<Category, int[]> counts = new EnumMap<>(Category.class); // right, predicted, labelled
        for (Category category : Category.values()) {
            counts.put(category, new int[3]);
        }
        Map<String, Integer> confusions = new TreeMap<>();
        StringBuilder mistakes = new StringBuilder();
        int rightDepartment = 0;
        int triaged = 0;
        for (LabelledExample example : heldOut) {
            Ranking ranking = classifier.rank(writing.apply.apply(example.text()));
            Routing routing = router.route(ranking);
            Category predicted = ranking.best().category();
            counts.get(predicted)[1]++;
            counts.get(example.category())[2]++;
            triaged += routing.triaged() ? 1 : 0;
            if (taxonomy.defaultDepartmentFor(predicted).equals(taxonomy.defaultDepartmentFor(example.category()))) {
                rightDepartment++;
            }
            if (predicted == example.category()) {
                counts.get(predicted)[0]++;
            } else {
                confusions.merge(example.category().code() + " → " + predicted.code(), 1, Integer::sum);
                mistakes.append("  %-18s → %-18s %s%n".formatted(example.category().code(), predicted.code(), example.text()));
            }
        }

        StringBuilder table = new StringBuilder("%-20s %9s %9s %9s %5s%n".formatted("category", "precision", "recall", "F1", "n"));
        double sumF1 = 0;
        for (Category category : Category.values()) {
            int[] c = counts.get(category);
            double precision = c[1] == 0 ? 0 : (double) c[0] / c[1];
            double recall = c[2] == 0 ? 0 : (double) c[0] / c[2];
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            sumF1 += f1;
            table.append("%-20s %9.3f %9.3f %9.3f %5d%n".formatted(category.code(), precision, recall, f1, c[2]));
        }
        double macroF1 = sumF1 / Category.values().length;
        double departmentAccuracy = (double) rightDepartment / heldOut.size();
        double triageShare = (double) triaged / heldOut.size();
        System.out.printf("Held-out petitions %s: %d, macro-F1 %.3f, department accuracy %.3f, triage %.3f%n%s%nConfusions: %s%nMisclassified:%n%s",
                writing, heldOut.size(), macroF1, departmentAccuracy, triageShare, table, confusions, mistakes);

        assertThat(macroF1).as("macro-F1 on the held-out petitions, %s", writing).isGreaterThanOrEqualTo(MINIMUM_MACRO_F1);
        assertThat(departmentAccuracy).as("department accuracy, %s", writing).isGreaterThanOrEqualTo(MINIMUM_DEPARTMENT_ACCURACY);
        assertThat(triageShare).as("share sent to the triage desk, %s", writing).isLessThanOrEqualTo(MAXIMUM_TRIAGE_SHARE);
    }
}
