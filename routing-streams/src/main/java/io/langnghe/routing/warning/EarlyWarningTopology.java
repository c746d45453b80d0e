package io.langnghe.routing.warning;

import io.langnghe.contracts.JsonSerde;
import io.langnghe.contracts.Topics;
import io.langnghe.contracts.taxonomy.Taxonomy;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The early warning, downstream of the cases:
 * <pre>
 *   cases.v1 ──────┐  (but the versions marked as only an assessment: not even read)
 *   alert.acks.v1 ─┴→ keyed by ward (taxonomy; of a case, only what the warning weighs crosses) → early warning of that ward
 *                        stores: cases, issues (counts apart from their latest reports), reporters per issue,
 *                        look-alikes (open, by area and time), tracking codes, hourly counts, the last
 *                        day's reports (and per hour and issue), closed cases, alerts said, what may be
 *                        forgotten by when, spikes said
 *                                                     ├→ alerts.v1          (keyed by alert id)
 *                                                     ├→ issues.v1          (keyed by issue id: its risk and counts at each
 *                                                     │                      change, a tombstone once forgotten)
 *                                                     ├→ spikes.v1          (keyed by area and category: a spike starting,
 *                                                     │                      said again each half hour, over; the case
 *                                                     │                      keeper opens a case in it with its risk)
 *                                                     └→ case.commands.v1   (assess: a case joining or leaving an issue, with
 *                                                                            the issue's risk then; a case alone, its own risk)
 * </pre>
 * Everything of a ward goes to one task, so a report meets the open cases of every neighbouring
 * area, whichever partition their case id hashed to; the wards of a city spread over the
 * partitions (as many as cases.v1's). The assessments come back through the case keeper, which puts
 * the issue and the risk on the case; an issue's later changes are its own record only, so a level
 * change is one record, not a new version of every member case.
 */
public final class EarlyWarningTopology {

    private EarlyWarningTopology() {
    }

    /**
     * With the record cache: a key written again before the next commit (an area's hourly count, an issue's
     * counts, a case's memo) reaches its changelog once per commit, not once per write.
     */
    private static <V> StoreBuilder<KeyValueStore<String, V>> cached(StoreBuilder<KeyValueStore<String, V>> store) {
        return store.withCachingEnabled();
    }

    public static void define(StreamsBuilder builder, Topics topics, Taxonomy taxonomy, WarningSettings settings, WarningWords words) {
        define(builder, topics, taxonomy, settings, words, Stores::persistentKeyValueStore);
    }

    /** @param stores on disk in service; in memory for a simulation (see RoutingTopology) */
    public static void define(StreamsBuilder builder, Topics topics, Taxonomy taxonomy, WarningSettings settings, WarningWords words,
                              Function<String, KeyValueBytesStoreSupplier> stores) {
        KStream<String, WarningInput> cases = builder.stream(topics.cases().name(),
                        Consumed.with(topics.cases().keySerde(), Serdes.ByteArray()).withName("warning-case-changes"))
                // an assessment coming back changes nothing the warning weighs: it is not read, nor crosses the repartition
                .processValues(() -> new WeighedChanges(topics.cases()), Named.as("warning-case"));
        KStream<String, WarningInput> acks = builder.stream(topics.alertAcks().name(),
                        Consumed.with(topics.alertAcks().keySerde(), topics.alertAcks().valueSerde()).withName("warning-acks"))
                .filter((subject, ack) -> ack != null, Named.as("warning-ack-not-deleted"))
                .mapValues(WarningInput::of, Named.as("warning-ack"));

        // Keyed by ward: one ward's early warning is one task, and another ward's never waits behind it.
        // (An acknowledgement names no area: a taxonomy is one ward's, so it goes to that ward.)
        KStream<String, WarningInput> ward = cases.merge(acks, Named.as("warning-inputs"))
                .selectKey((key, input) -> taxonomy.wardOf(input.change() == null ? null : input.change().area()), Named.as("warning-ward"))
                .repartition(Repartitioned.<String, WarningInput>with(Serdes.String(), new JsonSerde<>(WarningInput.class))
                        .withName("warning-by-ward"));

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

        Map<String, KStream<String, WarningOutput>> said = ward
                .process(() -> new EarlyWarning(taxonomy, settings, words), Named.as("early-warning"),
                        EarlyWarning.CASES, EarlyWarning.CLUSTERS, EarlyWarning.COUNTS, EarlyWarning.ALERTS, EarlyWarning.LOOKALIKES,
                        EarlyWarning.TRACKING, EarlyWarning.MEMBERS, EarlyWarning.LAST_DAY, EarlyWarning.CLOSED, EarlyWarning.RECENT,
                        EarlyWarning.ISSUE_HOURS, EarlyWarning.QUIET, EarlyWarning.SPIKES)
                .split(Named.as("warning-"))
                .branch((key, out) -> out.alert() != null, Branched.as("alert"))
                .branch((key, out) -> out.assessment() != null, Branched.as("assessment"))
                .branch((key, out) -> out.spike() != null, Branched.as("spike"))
                .defaultBranch(Branched.as("issue"));
        said.get("warning-alert")
                .mapValues(WarningOutput::alert, Named.as("alert"))
                .to(topics.alerts().name(), Produced.with(topics.alerts().keySerde(), topics.alerts().valueSerde()).withName("alerts"));
        said.get("warning-assessment")
                .mapValues(WarningOutput::assessment, Named.as("assessment"))
                .to(topics.caseCommands().name(),
                        Produced.with(topics.caseCommands().keySerde(), topics.caseCommands().valueSerde()).withName("assessments"));
        // a spike over has no value: its tombstone
        said.get("warning-spike")
                .mapValues(out -> out.spike().inForce(), Named.as("spike"))
                .to(topics.spikes().name(), Produced.with(topics.spikes().keySerde(), topics.spikes().valueSerde()).withName("spikes-said"));
        // an issue forgotten has no value: its tombstone
        said.get("warning-issue")
                .mapValues(WarningOutput::issue, Named.as("issue"))
                .to(topics.issues().name(), Produced.with(topics.issues().keySerde(), topics.issues().valueSerde()).withName("issues"));
    }
}
