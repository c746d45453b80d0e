package io.langnghe.routing.classify;

import io.langnghe.contracts.Category;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.text.VietnameseText;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first classifier: the taxonomy's keywords per category, found as whole syllables in the text
 * (folded, so "cong thoat nuoc", capitals and NFD all count).
 * <pre>
 *   score(category) = Σ syllables of each phrase found (longer phrases weigh more)
 *   confidence      = score(best) / Σ scores  ×  (1 − 0.4^score(best))
 * </pre>
 * The first factor falls when two categories compete, the second when the evidence is one short
 * word. Where a boundary of DESIGN.md applies (a blocked drain that smells), the losing category's
 * words do not count. No phrase at all gives {@code khac} with confidence 0.
 */
public final class KeywordClassifier implements Classifier {

    // Each further syllable of evidence leaves 40% of the remaining doubt: 1 → 0.6, 2 → 0.84, 3 → 0.94.
    private static final double DOUBT_LEFT_PER_SYLLABLE = 0.4;

    private final Lexicon lexicon;
    private final List<Boundary> boundaries;

    KeywordClassifier(Lexicon lexicon, List<Boundary> boundaries) {
        this.lexicon = lexicon;
        this.boundaries = boundaries;
    }

    /** The taxonomy's keywords with the neutral phrases and boundaries of classifier/lexicon.yml. */
    public static KeywordClassifier fromTaxonomy(Taxonomy taxonomy) {
        LexiconFile file = LexiconFile.loadDefault();
        Lexicon lexicon = new Lexicon(taxonomy, file.neutral());
        List<String> problems = new ArrayList<>();
        for (Boundary boundary : file.boundaries()) {
            for (String phrase : boundary.when()) {
                if (!lexicon.knows(boundary.wins(), VietnameseText.foldForMatching(phrase))) {
                    problems.add("'" + phrase + "' is not a keyword of " + boundary.wins().code() + ", so the boundary over "
                            + boundary.over().code() + " could never apply");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("classifier/lexicon.yml does not fit the taxonomy:\n - " + String.join("\n - ", problems));
        }
        return new KeywordClassifier(lexicon, file.boundaries());
    }

    @Override
    public Ranking rank(String text) {
        Map<Category, LexiconHits> hits = hits(text);
        if (hits.isEmpty()) {
            return new Ranking(List.of(new Candidate(Category.KHAC, 0.0, List.of())));
        }
        int total = hits.values().stream().mapToInt(LexiconHits::score).sum();
        List<Candidate> candidates = hits.entrySet().stream()
                .sorted(Comparator.<Map.Entry<Category, LexiconHits>>comparingInt(e -> e.getValue().score())
                        .thenComparingInt(e -> e.getValue().longest())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder())
                        .reversed())
                .map(e -> new Candidate(e.getKey(), confidence(e.getValue().score(), total), e.getValue().phrases()))
                .toList();
        return new Ranking(candidates);
    }

    private static double confidence(int score, int total) {
        double confidence = (double) score / total * (1 - Math.pow(DOUBT_LEFT_PER_SYLLABLE, score));
        return Math.round(confidence * 100) / 100.0;
    }

    /** The lexicon's phrases found per category, once DESIGN.md's boundaries have been applied. */
    public Map<Category, LexiconHits> hits(String text) {
        return hits(Syllable.of(text));
    }

    Map<Category, LexiconHits> hits(List<Syllable> syllables) {
        Map<Category, Evidence> evidence = new EnumMap<>(Category.class);
        for (Phrase phrase : lexicon.find(syllables)) {
            evidence.computeIfAbsent(phrase.category(), c -> new Evidence()).add(phrase);
        }
        applyBoundaries(evidence);
        Map<Category, LexiconHits> hits = new EnumMap<>(Category.class);
        evidence.forEach((category, found) -> hits.put(category, new LexiconHits(found.score, found.longest, List.copyOf(found.phrases))));
        return hits;
    }

    /**
     * @param score   syllables of the phrases found (longer phrases weigh more)
     * @param longest syllables of the longest phrase
     * @param phrases as written in the taxonomy
     */
    public record LexiconHits(int score, int longest, List<String> phrases) {
    }

    private void applyBoundaries(Map<Category, Evidence> evidence) {
        for (Boundary boundary : boundaries) {
            Evidence winner = evidence.get(boundary.wins());
            if (winner != null && evidence.containsKey(boundary.over()) && winner.hasAny(boundary.when())) {
                evidence.remove(boundary.over());
            }
        }
    }

    /** What was found for one category: its score and the phrases, as written in the taxonomy. */
    private static final class Evidence {
        int score;
        int longest;
        final Set<String> phrases = new LinkedHashSet<>();
        final Set<String> folded = new LinkedHashSet<>();

        void add(Phrase phrase) {
            score += phrase.length();
            longest = Math.max(longest, phrase.length());
            phrases.add(phrase.written());
            folded.add(Lexicon.folded(phrase));
        }

        boolean hasAny(List<String> phrases) {
            return phrases.stream().map(VietnameseText::foldForMatching).anyMatch(folded::contains);
        }
    }
}
