package io.langnghe.routing.classify;

import io.langnghe.contracts.Category;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.text.VietnameseText;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The ward's keyword lexicon and a naive Bayes model trained on the labelled corpus, read together:
 * <pre>
 *   score(c)      = (log P(c) + Σ log P(f | c)) / temperature  +  lexiconWeight × lexicon syllables(c)
 *   confidence(c) = softmax(score)(c)
 * </pre>
 * The model knows how residents write (typos, shorthand, words the lexicon lacks); the lexicon
 * carries the ward's own phrases and DESIGN.md's boundaries. Reasons are the lexicon phrases found,
 * then the words that most set the winner apart from the runner-up. Officers' corrections are
 * learned by swapping in a retrained model, without a restart.
 */
public final class BlendedClassifier implements Classifier {

    private static final int REASONS_FROM_MODEL = 3;
    // A word explains a decision when it is at least e (2.7) times likelier in the winner than in the runner-up,
    private static final double REASON_MIN_LOG_ODDS = 1.0;
    // and the corpus has it in more than one petition of the winner (one could be chance).
    private static final int REASON_MIN_SEEN = 2;

    private final KeywordClassifier lexicon;
    private final ClassifierSettings settings;
    private final AtomicReference<NaiveBayes> model;

    BlendedClassifier(KeywordClassifier lexicon, NaiveBayes model, ClassifierSettings settings) {
        this.lexicon = lexicon;
        this.settings = settings;
        this.model = new AtomicReference<>(model);
    }

    /** Trained from {@code classifier/corpus-train.jsonl}, with the taxonomy's lexicon. */
    public static BlendedClassifier trained(Taxonomy taxonomy, ClassifierSettings settings) {
        return trained(taxonomy, settings, Corpus.load(Corpus.TRAINING));
    }

    public static BlendedClassifier trained(Taxonomy taxonomy, ClassifierSettings settings, List<LabelledExample> corpus) {
        return new BlendedClassifier(KeywordClassifier.fromTaxonomy(taxonomy), NaiveBayes.train(corpus, settings.smoothing()), settings);
    }

    /** Takes an officer's correction into account for every petition classified after it. */
    public void learn(LabelledExample correction) {
        model.updateAndGet(current -> current.plus(correction, settings.correctionWeight()));
    }

    public int examplesLearned() {
        return model.get().examples();
    }

    @Override
    public Ranking rank(String text) {
        NaiveBayes bayes = model.get();
        List<Syllable> syllables = Syllable.of(text);
        Map<String, String> features = Features.of(syllables);
        Map<Category, KeywordClassifier.LexiconHits> hits = lexicon.hits(syllables);
        Map<Category, Double> scores = bayes.logScores(features.keySet());
        scores.replaceAll((category, logScore) -> logScore / settings.temperature()
                + settings.lexiconWeight() * (hits.containsKey(category) ? hits.get(category).score() : 0));
        Map<Category, Double> confidence = softmax(scores);
        List<Category> order = confidence.keySet().stream()
                .sorted(Comparator.comparing(confidence::get).reversed())
                .toList();
        // the words that could explain a decision, picked once for both candidates that are explained word by word
        List<String> explaining = features.keySet().stream().filter(Features::explains).toList();
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Category category = order.get(i);
            Category rival = order.get(i == 0 ? 1 : 0);
            // Only the two that can decide the routing are explained word by word; the rest by the lexicon.
            List<String> reasons = i < 2 ? reasons(bayes, features, explaining, hits.get(category), category, rival)
                    : hits.containsKey(category) ? hits.get(category).phrases() : List.of();
            candidates.add(new Candidate(category, Math.round(confidence.get(category) * 100) / 100.0, reasons));
        }
        return new Ranking(candidates);
    }

    private static List<String> reasons(NaiveBayes bayes, Map<String, String> features, List<String> explaining,
                                        KeywordClassifier.LexiconHits hits, Category category, Category rival) {
        List<String> reasons = new ArrayList<>(hits == null ? List.of() : hits.phrases());
        List<String> said = new ArrayList<>(reasons.stream().map(VietnameseText::fold).toList());
        // Pairs first: "thanh niên" says more than "thanh" and "niên" apart. (Each weight looked up once, not per comparison.)
        List<String> telling = explaining.stream()
                .filter(feature -> bayes.seen(feature, category) >= REASON_MIN_SEEN)
                .map(feature -> new Weighed(feature, bayes.weight(feature, category, rival)))
                .filter(weighed -> weighed.logOdds() >= REASON_MIN_LOG_ODDS)
                .sorted(Comparator.comparing((Weighed weighed) -> !weighed.feature().contains(" "))
                        .thenComparing(weighed -> -weighed.logOdds()))
                .map(Weighed::feature)
                .toList();
        for (String feature : telling) {
            if (reasons.size() - (hits == null ? 0 : hits.phrases().size()) == REASONS_FROM_MODEL) {
                break;
            }
            if (said.stream().noneMatch(phrase -> containsWords(phrase, feature))) {
                reasons.add(features.get(feature));
                said.add(feature);
            }
        }
        return List.copyOf(reasons);
    }

    /** A word and how much more it speaks for the candidate than for its rival, in log odds. */
    private record Weighed(String feature, double logOdds) {
    }

    /** Whether one of the phrases already given says these words (or they say it), so a reason is not repeated. */
    private static boolean containsWords(String phrase, String words) {
        String a = " " + phrase + " ";
        String b = " " + words + " ";
        return a.contains(b) || b.contains(a);
    }

    private static Map<Category, Double> softmax(Map<Category, Double> scores) {
        double max = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Map<Category, Double> exp = new EnumMap<>(Category.class);
        scores.forEach((category, score) -> exp.put(category, Math.exp(score - max)));
        double sum = exp.values().stream().mapToDouble(Double::doubleValue).sum();
        exp.replaceAll((category, value) -> value / sum);
        return exp;
    }
}
