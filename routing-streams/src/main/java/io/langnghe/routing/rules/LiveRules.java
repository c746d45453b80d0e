package io.langnghe.routing.rules;

import io.langnghe.contracts.RoutingRule;
import io.micronaut.configuration.kafka.streams.KafkaStreamsFactory;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The routing rules the stream holds now (its global table), for the admin API and {@code POST /api/classify}. */
@Singleton
public class LiveRules {

    public static final String STORE = "routing-rules";

    private final KafkaStreamsFactory streams;

    LiveRules(KafkaStreamsFactory streams) {
        this.streams = streams;
    }

    /** Every rule by id; empty while the stream is not yet running (then the taxonomy's defaults apply). */
    public List<RoutingRule> all() {
        List<RoutingRule> rules = new ArrayList<>();
        store().ifPresent(store -> {
            try (KeyValueIterator<String, ValueAndTimestamp<RoutingRule>> all = store.all()) {
                all.forEachRemaining(entry -> {
                    if (entry.value != null && entry.value.value() != null) {
                        rules.add(entry.value.value());
                    }
                });
            }
        });
        rules.sort(Comparator.comparing(RoutingRule::ruleId));
        return rules;
    }

    private Optional<ReadOnlyKeyValueStore<String, ValueAndTimestamp<RoutingRule>>> store() {
        for (KafkaStreams running : streams.getStreams().keySet()) {
            try {
                return Optional.of(running.store(StoreQueryParameters.fromNameAndType(STORE,
                        QueryableStoreTypes.<String, RoutingRule>timestampedKeyValueStore())));
            } catch (InvalidStateStoreException e) {
                // not running yet: answer with no rules rather than fail
            }
        }
        return Optional.empty();
    }
}
