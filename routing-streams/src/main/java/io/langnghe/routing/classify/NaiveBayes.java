package io.langnghe.routing.classify;

import io.langnghe.contracts.Category;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Multinomial naive Bayes over the features of {@link Features}, each counted once per petition:
 * <pre>
 *   log P(c | text) ∝ log P(c) + Σ_{f ∈ text, f known} log P(f | c)
 *   P(f | c) = (n(f, c) + α) / (N(c) + α·|V|),   P(c) = (examples(c) + 1) / (examples + |C|)
 * </pre>
 * Immutable once built, with its logarithms computed then: learning an example gives a new model,
 * so the stream can swap in a model that took an officer's correction while other threads still
 * read the old one.
 */
final class NaiveBayes {

    private static final int CATEGORIES = Category.values().length;

    private final double smoothing;
    private final Map<String, int[]> counts;
    private final int[] featuresPerCategory;
    private final int[] examplesPerCategory;
    private final Map<String, double[]> logLikelihoods = new HashMap<>();
    private final double[] logPriors = new double[CATEGORIES];
    // weighted (priors), and the labelled petitions themselves
    private int examples;
    private int petitions;

    private NaiveBayes(double smoothing, Map<String, int[]> counts, int[] featuresPerCategory, int[] examplesPerCategory,
                       int examples, int petitions) {
        this.smoothing = smoothing;
        this.counts = counts;
        this.featuresPerCategory = featuresPerCategory;
        this.examplesPerCategory = examplesPerCategory;
        this.examples = examples;
        this.petitions = petitions;
    }

    static NaiveBayes train(Collection<LabelledExample> corpus, double smoothing) {
        NaiveBayes model = new NaiveBayes(smoothing, new HashMap<>(), new int[CATEGORIES], new int[CATEGORIES], 0, 0);
        corpus.forEach(example -> model.count(example, 1));
        model.computeLogarithms();
        return model;
    }

    /** A new model that also learnt the example, counted {@code weight} times. */
    NaiveBayes plus(LabelledExample example, int weight) {
        Map<String, int[]> copy = new HashMap<>(counts.size() * 2);
        counts.forEach((feature, perCategory) -> copy.put(feature, perCategory.clone()));
        NaiveBayes learned = new NaiveBayes(smoothing, copy, featuresPerCategory.clone(), examplesPerCategory.clone(), examples, petitions);
        learned.count(example, weight);
        learned.computeLogarithms();
        return learned;
    }

    private void count(LabelledExample example, int weight) {
        int c = example.category().ordinal();
        for (String feature : Features.names(example.text())) {
            counts.computeIfAbsent(feature, f -> new int[CATEGORIES])[c] += weight;
            featuresPerCategory[c] += weight;
        }
        examplesPerCategory[c] += weight;
        examples += weight;
        petitions++;
    }

    private void computeLogarithms() {
        double vocabulary = counts.size();
        double[] denominators = new double[CATEGORIES];
        for (int c = 0; c < CATEGORIES; c++) {
            denominators[c] = Math.log(featuresPerCategory[c] + smoothing * vocabulary);
            logPriors[c] = Math.log((examplesPerCategory[c] + 1.0) / (examples + CATEGORIES));
        }
        counts.forEach((feature, perCategory) -> {
            double[] logs = new double[CATEGORIES];
            for (int c = 0; c < CATEGORIES; c++) {
                logs[c] = Math.log(perCategory[c] + smoothing) - denominators[c];
            }
            logLikelihoods.put(feature, logs);
        });
    }

    /** How many labelled petitions it learnt from, each once whatever its weight. */
    int examples() {
        return petitions;
    }

    /** In how many training petitions of the category the feature appears. */
    int seen(String feature, Category category) {
        int[] perCategory = counts.get(feature);
        return perCategory == null ? 0 : perCategory[category.ordinal()];
    }

    /** log P(c) + Σ log P(f | c) over the known features, per category. */
    Map<Category, Double> logScores(Collection<String> features) {
        double[] scores = logPriors.clone();
        for (String feature : features) {
            double[] logs = logLikelihoods.get(feature);
            if (logs != null) {
                for (int c = 0; c < CATEGORIES; c++) {
                    scores[c] += logs[c];
                }
            }
        }
        Map<Category, Double> byCategory = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            byCategory.put(category, scores[category.ordinal()]);
        }
        return byCategory;
    }

    /** How much more the feature speaks for {@code category} than for {@code other}, in log odds. */
    double weight(String feature, Category category, Category other) {
        double[] logs = logLikelihoods.get(feature);
        return logs == null ? 0 : logs[category.ordinal()] - logs[other.ordinal()];
    }
}
