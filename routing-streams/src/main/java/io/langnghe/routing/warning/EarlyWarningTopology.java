package io.langnghe.routing.warning;

import io.langnghe.contracts.JsonSerde;
import io.langnghe.contracts.Topics;
import io.langnghe.contracts.taxonomy.Taxonomy;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The early warning's part of a ward's task (see {@link io.langnghe.routing.RoutingTopology}): its stores, and
 * where what it says goes.
 * <pre>
 *   each case change the ward's case keeper makes, each alert acknowledged → early warning of that ward
 *       stores: cases, issues (counts apart from their latest reports), reporters per issue,
 *       look-alikes (open, by area and time), tracking codes, hourly counts, the last
 *       day's reports (and per hour and issue), closed cases, alerts said, what may be
 *       forgotten by when, spikes said
 *                                 ├→ alerts.v1          (keyed by alert id)
 *                                 ├→ issues.v1          (keyed by issue id: its risk and counts at each
 *                                 │                      change, a tombstone once forgotten)
 *                                 ├→ spikes.v1          (keyed by area and category: a spike starting,
 *                                 │                      said again each half hour, over; a case opens in it with its risk)
 *                                 └→ (in the task) the case keeper: a case joining or leaving an issue, with
 *                                                  the issue's risk then; a case alone, its own risk
 * </pre>
 * Everything of a ward goes to one task, so a report meets the open cases of every neighbouring
 * area, whichever partition their case id hashed to; the wards of a city spread over the
 * partitions. An issue's later changes are its own record only, so a level change is one record,
 * not a new version of every member case.
 */
public final class EarlyWarningTopology {

    private final Taxonomy taxonomy;
    private final WarningSettings settings;
    private final WarningWords words;

    private EarlyWarningTopology(Taxonomy taxonomy, WarningSettings settings, WarningWords words) {
        this.taxonomy = taxonomy;
        this.settings = settings;
        this.words = words;
    }

    /** The early warning of each ward of the taxonomy. */
    public static EarlyWarningTopology of(Taxonomy taxonomy, WarningSettings settings, WarningWords words) {
        return new EarlyWarningTopology(taxonomy, settings, words);
    }

    /** No early warning: the wards' tasks keep their cases only (the case keeper's own tests). */
    public static EarlyWarningTopology off(Taxonomy taxonomy) {
        return new EarlyWarningTopology(taxonomy, null, null);
    }

    public boolean isOn() {
        return settings != null;
    }

    /** The key of a ward's task. A taxonomy is one ward's: whatever names no area (a command, an acknowledgement) is its. */
    public String wardOf(String area) {
        return taxonomy.wardOf(area);
    }

    /** A new early warning for a ward's task (each task has its own). */
    public Optional<EarlyWarning> newWarning() {
        return isOn() ? Optional.of(new EarlyWarning(taxonomy, settings, words)) : Optional.empty();
    }

    /**
     * With the record cache: a key written again before the next commit (an area's hourly count, an issue's
     * counts, a case's memo) reaches its changelog once per commit, not once per write.
     */
    private static <V> StoreBuilder<KeyValueStore<String, V>> cached(StoreBuilder<KeyValueStore<String, V>> store) {
        return store.withCachingEnabled();
    }

    /**
     * Adds the warning's stores to the builder; returns their names, for the ward's task (none when off).
     *
     * @param stores on disk in service; in memory for a simulation (see RoutingTopology)
     */
    public List<String> addStores(StreamsBuilder builder, Function<String, KeyValueBytesStoreSupplier> stores) {
        if (!isOn()) {
            return List.of();
        }
        builder.addStateStore(cached(Stores.keyValueStoreBuilder(stores.apply(EarlyWarning.CASES),
                Serdes.String(), new JsonSerde<>(CaseMemo.class))));
        builder.addStateStore(cached(Stores.keyValueStoreBuilder(stores.apply(EarlyWarning.CLUSTERS),
                Serdes.String(), new JsonSerde<>(Cluster.class))));
        builder.addStateStore(cached(Stores.keyValueStoreBuilder(stores.apply(EarlyWarning.RECENT),
                Serdes.String(), new JsonSerde<>(Cluster.Member.class))));
        for (String store : List.of(EarlyWarning.COUNTS, EarlyWarning.ISSUE_HOURS, EarlyWarning.SPIKES)) {
            builder.addStateStore(cached(Stores.keyValueStoreBuilder(stores.apply(store), Serdes.String(), Serdes.Long())));
        }
        builder.addStateStore(cached(Stores.keyValueStoreBuilder(stores.apply(EarlyWarning.ALERTS),
                Serdes.String(), new JsonSerde<>(AlertBook.class))));
        // A key of these is written once (a case opens, a case closes): the cache would save no changelog record, yet
        // every range over them (the look-alikes of each area, for every report) would copy and merge its cached keys.
        // (as bytes, see LookalikeSerde: the early warning reads them once per task start and keeps them decoded, see Lookalikes)
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(EarlyWarning.LOOKALIKES), Serdes.String(), Serdes.ByteArray()));
        for (String store : List.of(EarlyWarning.TRACKING, EarlyWarning.CLOSED)) {
            builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(store), Serdes.String(), Serdes.String()));
        }
        for (String store : List.of(EarlyWarning.MEMBERS, EarlyWarning.LAST_DAY, EarlyWarning.QUIET)) {
            builder.addStateStore(cached(Stores.keyValueStoreBuilder(stores.apply(store), Serdes.String(), Serdes.String())));
        }
        return List.of(EarlyWarning.CASES, EarlyWarning.CLUSTERS, EarlyWarning.COUNTS, EarlyWarning.ALERTS, EarlyWarning.LOOKALIKES,
                EarlyWarning.TRACKING, EarlyWarning.MEMBERS, EarlyWarning.LAST_DAY, EarlyWarning.CLOSED, EarlyWarning.RECENT,
                EarlyWarning.ISSUE_HOURS, EarlyWarning.QUIET, EarlyWarning.SPIKES);
    }

    /** Publishes what the warning says: alerts, spikes (a tombstone when over) and issues (a tombstone when forgotten). */
    public static void publish(KStream<String, WarningOutput> said, Topics topics) {
        Map<String, KStream<String, WarningOutput>> kinds = said
                .split(Named.as("warning-"))
                .branch((key, out) -> out.alert() != null, Branched.as("alert"))
                .branch((key, out) -> out.spike() != null, Branched.as("spike"))
                .defaultBranch(Branched.as("issue"));
        kinds.get("warning-alert")
                .mapValues(WarningOutput::alert, Named.as("alert"))
                .to(topics.alerts().name(), Produced.with(topics.alerts().keySerde(), topics.alerts().valueSerde()).withName("alerts"));
        kinds.get("warning-spike")
                .mapValues(out -> out.spike().inForce(), Named.as("spike"))
                .to(topics.spikes().name(), Produced.with(topics.spikes().keySerde(), topics.spikes().valueSerde()).withName("spikes-said"));
        kinds.get("warning-issue")
                .mapValues(WarningOutput::issue, Named.as("issue"))
                .to(topics.issues().name(), Produced.with(topics.issues().keySerde(), topics.issues().valueSerde()).withName("issues"));
    }
}
