package io.langnghe.routing.intake;

import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.RoutingRule;
import io.langnghe.routing.classify.Classifier;
import io.langnghe.routing.rules.LiveRules;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import java.util.ArrayList;
import java.util.List;

/**
 * Classifies a petition and routes it by the rules as they stand now in the global table of
 * {@code routing.rules.v1}: an administrator's change applies to the petitions read after it. A petition
 * without an area is placed by its words first (see {@link Router}); a letter holding several requests
 * carries them, each classified and routed on its own ({@link LetterProposals}).
 */
public final class RouteByRules implements FixedKeyProcessor<String, FeedbackReceived, Routed> {

    public static final String RULES = LiveRules.STORE;

    private final Classifier classifier;
    private final Router router;
    private final LetterProposals letters;
    private FixedKeyProcessorContext<String, Routed> context;
    private ReadOnlyKeyValueStore<String, ValueAndTimestamp<RoutingRule>> rules;

    public RouteByRules(Classifier classifier, Router router) {
        this.classifier = classifier;
        this.router = router;
        this.letters = new LetterProposals(classifier, router);
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Routed> context) {
        this.context = context;
        this.rules = context.getStateStore(RULES);
    }

    @Override
    public void process(FixedKeyRecord<String, FeedbackReceived> record) {
        FeedbackReceived petition = record.value();
        List<RoutingRule> rules = current();
        Routing routing = router.route(classifier.rank(petition.text()), petition.area(), petition.text(), petition.address(), rules);
        routing = letters.propose(routing, petition.text(), petition.area(), petition.address(), rules);
        context.forward(record.withValue(new Routed(petition, routing)));
    }

    private List<RoutingRule> current() {
        List<RoutingRule> now = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<RoutingRule>> all = rules.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value != null && entry.value.value() != null) {
                    now.add(entry.value.value());
                }
            });
        }
        return now;
    }
}
