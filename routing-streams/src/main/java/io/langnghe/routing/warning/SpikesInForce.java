package io.langnghe.routing.warning;

import io.langnghe.contracts.Category;
import io.langnghe.contracts.SpikeInForce;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The spikes the early warning said are in force ({@code spikes.v1}), as the case keeper reads them from its
 * global table to open a case with the risk the early warning would give it alone. Only a hint: the early
 * warning still scores every new case and tells one whose risk it sees otherwise (a spike said a moment too
 * late, or over since).
 */
public final class SpikesInForce {

    /** The global table's store. */
    public static final String STORE = "spikes-in-force";
    /** The early warning says a lasting spike again this often ... */
    static final Duration SAID_AGAIN_AFTER = Duration.ofMinutes(30);
    /** ... and a case trusts what it said this long: a spike nobody reported into since is over for an opening. */
    static final Duration TRUSTED_FOR = Duration.ofHours(1);

    /** None in force: a topology without the early warning, or a test of the opening alone. */
    public static final Seen NONE = (area, category, at) -> Optional.empty();

    /** The spike in force in an area and category at a moment, as far as the opening knows. */
    @FunctionalInterface
    public interface Seen {
        Optional<Spike> at(String area, Category category, Instant at);
    }

    private SpikesInForce() {
    }

    /** What the global table says, trusted from the report that saw the spike until {@link #TRUSTED_FOR} after it. */
    public static Seen readFrom(ReadOnlyKeyValueStore<String, ValueAndTimestamp<SpikeInForce>> table) {
        return (area, category, at) -> {
            if (area == null || category == null) {
                return Optional.empty();
            }
            ValueAndTimestamp<SpikeInForce> said = table.get(SpikeInForce.key(area, category));
            SpikeInForce spike = said == null ? null : said.value();
            if (spike == null || at.isBefore(spike.seenAt()) || !at.isBefore(spike.seenAt().plus(TRUSTED_FOR))) {
                return Optional.empty();
            }
            return Optional.of(new Spike(area, category, spike.count(), spike.mean(), spike.spread(), spike.threshold()));
        };
    }

    /** The record that says a spike is in force, seen by the report at {@code at}. */
    static SpikeInForce said(Spike spike, Instant at) {
        return new SpikeInForce(spike.area(), spike.category(), spike.count(), spike.mean(), spike.spread(), spike.threshold(), at);
    }
}
