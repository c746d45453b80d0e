package io.langnghe.routing.intake;

import io.langnghe.contracts.Correction;
import io.langnghe.places.PlaceResolver;
import io.langnghe.routing.classify.BlendedClassifier;
import io.langnghe.routing.classify.LabelledExample;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Teaches the classifier every officer's correction, and the place resolver every place an officer confirmed. A global store, so that every instance reads
 * every correction, whichever partition it came in on; at start the store is restored from the topic
 * without passing here, so {@link #init} learns what it holds first.
 */
public final class LearnCorrections implements Processor<String, Correction, Void, Void> {

    public static final String STORE = "corrections";

    private final BlendedClassifier classifier;
    private final PlaceResolver places;
    private KeyValueStore<String, Correction> corrections;

    public LearnCorrections(BlendedClassifier classifier, PlaceResolver places) {
        this.classifier = classifier;
        this.places = places;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        corrections = context.getStateStore(STORE);
        try (KeyValueIterator<String, Correction> learned = corrections.all()) {
            learned.forEachRemaining(entry -> learn(entry.value));
        }
    }

    @Override
    public void process(Record<String, Correction> record) {
        Correction correction = record.value();
        if (correction == null || correction.text() == null
                || (correction.category() == null && (correction.area() == null || correction.placeWords() == null))) {
            return;
        }
        // keyed by case and time, so that a case corrected twice is two examples
        corrections.put(record.key() + "@" + correction.at(), correction);
        learn(correction);
    }

    private void learn(Correction correction) {
        if (correction.category() != null) {
            classifier.learn(new LabelledExample(correction.text(), correction.category()));
        }
        // a confirmed place: the words that named it resolve there from now on
        if (correction.area() != null && correction.placeWords() != null) {
            places.learn(correction.placeWords(), correction.area());
        }
    }
}
