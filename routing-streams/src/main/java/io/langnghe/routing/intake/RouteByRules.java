package io.langnghe.routing.intake;

import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.RoutingRule;
import io.langnghe.routing.classify.Classifier;
import io.langnghe.routing.rules.LiveRules;
import io.langnghe.routing.rules.RulesInForce;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import java.util.List;
import java.util.function.Supplier;

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
    private final RulesInForce rulesInForce;
    private FixedKeyProcessorContext<String, Routed> context;
    private Supplier<List<RoutingRule>> rules;

    /** @param rulesInForce the global table's rules, read again when it changed (its store must be {@link RulesInForce#store}) */
    public RouteByRules(Classifier classifier, Router router, RulesInForce rulesInForce) {
        this.classifier = classifier;
        this.router = router;
        this.letters = new LetterProposals(classifier, router);
        this.rulesInForce = rulesInForce;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Routed> context) {
        this.context = context;
        ReadOnlyKeyValueStore<String, ValueAndTimestamp<RoutingRule>> table = context.getStateStore(RULES);
        this.rules = rulesInForce.readerOf(table);
    }

    @Override
    public void process(FixedKeyRecord<String, FeedbackReceived> record) {
        FeedbackReceived petition = record.value();
        List<RoutingRule> rules = this.rules.get();
        Routing routing = router.route(classifier.rank(petition.text()), petition.area(), petition.text(), petition.address(), rules);
        routing = letters.propose(routing, petition.text(), petition.area(), petition.address(), rules);
        context.forward(record.withValue(new Routed(petition, routing)));
    }
}
