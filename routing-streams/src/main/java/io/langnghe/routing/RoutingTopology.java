package io.langnghe.routing;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.JsonSerde;
import io.langnghe.contracts.RoutingRule;
import io.langnghe.contracts.SpikeInForce;
import io.langnghe.contracts.Topic;
import io.langnghe.contracts.Topics;
import io.langnghe.contracts.kafka.CommandAuthority;
import io.langnghe.routing.cases.CaseKeeper;
import io.langnghe.routing.cases.CaseOpening;
import io.langnghe.routing.cases.MoveToWard;
import io.langnghe.routing.cases.OpenCase;
import io.langnghe.routing.cases.ReadCommand;
import io.langnghe.routing.cases.WardInput;
import io.langnghe.routing.cases.WardTask;
import io.langnghe.routing.cases.WrittenOnce;
import io.langnghe.routing.classify.BlendedClassifier;
import io.langnghe.routing.intake.LearnCorrections;
import io.langnghe.routing.intake.ReadPetition;
import io.langnghe.routing.intake.Reading;
import io.langnghe.routing.intake.RouteByRules;
import io.langnghe.routing.intake.Routed;
import io.langnghe.routing.intake.Router;
import io.langnghe.routing.lifecycle.CaseLifecycle;
import io.langnghe.routing.lifecycle.DeadlineWatch;
import io.langnghe.routing.rules.RulesInForce;
import io.langnghe.routing.warning.EarlyWarningTopology;
import io.langnghe.routing.warning.SpikesInForce;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Petitions and officers' commands in, cases and the early warning out. Each package is one stage of the topology:
 * <pre>
 *   intake/  routing.rules.v1 ────→ global table ──────┐
 *            feedback.received.v1 → ReadPetition → RouteByRules (classify, Router by the rules, LetterProposals)
 *                                                      │ Routed                                      (by case id)
 *   cases/   spikes.v1 → global table ───────────────→ OpenCase (CaseOpening: urgent words, legal track, first deadline,
 *                                                      │  the risk its words and the spike in force of its area decide)
 *            case.commands.v1 ────→ ReadCommand ────┐  │
 *                                                   ↓  ↓
 *                                                  MoveToWard (the upgrade: a case the previous version kept by case id
 *            alert.acks.v1 ─────────────────────┐   │           in "cases" crosses to its ward first)
 *                                               ↓   ↓
 *                                    keyed by ward → ward-inputs (the one crossing of a topic)       (by ward)
 *                                                   ↓
 *                                                  WardTask: one task per ward, no topic inside
 *                                                   ├ CaseKeeper (lifecycle/: CaseLifecycle decides, DeadlineWatch marks)
 *                                                   │   stores: "ward-cases" (by case id), "ward-case-deadlines" (by next mark)
 *                                                   │   every minute (wall clock): deadlines up to now → due soon / overdue
 *                                                   └ warning/ EarlyWarning weighs each change; a new case before it is
 *                                                       kept, so its verdict (issue, risk) is on its first version;
 *                                                       what it tells another case is decided there, as a version
 *                                                       marked as an assessment (see EarlyWarningTopology: its stores)
 *                                                   ├→ cases.v1 (history bounded; an assessment-only version with header
 *                                                   │            langnghe.change)
 *                                                   ├→ case.history.v1 (every line, once)
 *                                                   ├→ case.command.results.v1 (for people's commands)
 *                                                   ├→ case.commands.v1 (open_request: a letter's accepted requests)
 *                                                   ├→ classifier.corrections.v1
 *                                                   └→ alerts.v1, issues.v1 (an issue's risk and counts at each change),
 *                                                      spikes.v1 (a spike of an area and category starting, lasting, over)
 *   intake/  classifier.corrections.v1 → global store → LearnCorrections: the classifier and the place
 *            resolver learn (on every instance)
 *   (root)   the wiring: this class, RoutingStreams and RoutingBeans (Micronaut), the settings, dead letters
 * </pre>
 * and whatever cannot be read → {@code feedback.dlq.v1}. Petitions and commands are keyed by case id (= the
 * feedback id), so the upgrade finds a case and its commands in one partition; the two topics must
 * have the same number of partitions. A taxonomy is one ward's, so a command crosses to the ward its
 * taxonomy names; a deployment for a city would look its case's ward up first.
 * <p>
 * A complaint or a denunciation opens on the legal track at the triage desk, an urgent petition with
 * the urgent clocks (see CaseOpening).
 * <p>
 * A case is dated by its record's timestamp, not by the wall clock: replaying the topics (after a
 * crash, or to rebuild) then decides the very same way, but for what the global tables say then (the rules,
 * the spikes in force). The clock only stamps dead letters, and the wall clock only drives the deadline
 * check (a deadline passes whether or not a record arrives) and the upgrade's moving of cases.
 * <p>
 * Nothing here reads every case: a petition costs the same with a hundred thousand cases kept as
 * with none (measure it with {@code ./langnghe bench topology}).
 */
public final class RoutingTopology {

    private RoutingTopology() {
    }

    /** Adds the routing steps to the builder, its stores on disk; returns the incoming stream (Micronaut wants a KStream bean). */
    public static KStream<String, byte[]> define(StreamsBuilder builder, Topics topics, BlendedClassifier classifier,
                                                 Router router, CaseOpening opening, CaseLifecycle lifecycle,
                                                 DeadlineWatch watch, Clock clock, CommandAuthority authority,
                                                 EarlyWarningTopology warning) {
        return define(builder, topics, classifier, router, opening, lifecycle, watch, clock, Stores::persistentKeyValueStore, authority,
                warning);
    }

    /**
     * @param stores    how the cases are kept: on disk in service ({@link Stores#persistentKeyValueStore}); in memory
     *                  for a simulation of weeks in a minute ({@link Stores#inMemoryKeyValueStore})
     * @param authority each command's actor checked against its writer ({@link CommandAuthority}), as routing-streams runs it
     * @param warning   the early warning of each ward's task, or {@link EarlyWarningTopology#off} (the case keeper alone)
     */
    public static KStream<String, byte[]> define(StreamsBuilder builder, Topics topics, BlendedClassifier classifier,
                                                 Router router, CaseOpening opening, CaseLifecycle lifecycle,
                                                 DeadlineWatch watch, Clock clock,
                                                 Function<String, KeyValueBytesStoreSupplier> stores, CommandAuthority authority,
                                                 EarlyWarningTopology warning) {
        // Petitions arrive as bytes, so that one we cannot read is set aside instead of stopping the stream.
        KStream<String, byte[]> received = builder.stream(topics.feedbackReceived().name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("petitions"));

        // Read each petition; what is not one (not JSON, no text) goes to the dead-letter topic, with the error.
        Map<String, KStream<String, Reading>> read = received
                .processValues(() -> new ReadPetition(clock), Named.as("read-petition"))
                .split(Named.as("petition-"))
                .branch((id, reading) -> reading.isReadable(), Branched.as("readable"))
                .defaultBranch(Branched.as("unreadable"));
        read.get("petition-unreadable")
                .mapValues(Reading::deadLetter, Named.as("dead-letter"))
                .to(topics.feedbackDlq().name(), produced(topics.feedbackDlq(), "dead-letters"));

        // The routing rules, as a table every instance holds whole (few rows, read for every petition: read
        // again only when the table changed). No record cache: a rule must reach the store that counts changes
        // at once, not at the global thread's next flush.
        RulesInForce rulesInForce = new RulesInForce();
        builder.globalTable(topics.routingRules().name(),
                Consumed.with(topics.routingRules().keySerde(), topics.routingRules().valueSerde()).withName("routing-rules"),
                Materialized.<String, RoutingRule>as(rulesInForce.store(RouteByRules.RULES))
                        .withKeySerde(topics.routingRules().keySerde()).withValueSerde(topics.routingRules().valueSerde())
                        .withCachingDisabled());

        // Classify the text, then choose the department: by the rules, or the triage desk when unsure.
        KStream<String, Routed> routed = read.get("petition-readable")
                .mapValues(Reading::petition, Named.as("petition"))
                .processValues(() -> new RouteByRules(classifier, router, rulesInForce), Named.as("classify-and-route"));

        // The spikes the early warning says are in force, by area and category (a few rows, changed a few times an hour),
        // so a case opens with the risk the early warning would give it alone. No record cache, as for the rules.
        builder.globalTable(topics.spikes().name(),
                Consumed.with(topics.spikes().keySerde(), topics.spikes().valueSerde()).withName("spikes"),
                Materialized.<String, SpikeInForce>as(Stores.inMemoryKeyValueStore(SpikesInForce.STORE))
                        .withKeySerde(topics.spikes().keySerde()).withValueSerde(topics.spikes().valueSerde())
                        .withCachingDisabled());

        // Open the case, assigned to that department, dated by the petition's record time.
        KStream<String, CaseState> opened = routed.processValues(() -> new OpenCase(opening), Named.as("open-case"));

        // Officers' commands, read the same way: what is not a command is set aside with the error.
        Map<String, KStream<String, ReadCommand.Read>> commands = builder.stream(topics.caseCommands().name(),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("commands"))
                .processValues(() -> new ReadCommand(clock, authority), Named.as("read-command"))
                .split(Named.as("command-"))
                .branch((id, command) -> command.isReadable(), Branched.as("readable"))
                .defaultBranch(Branched.as("unreadable"));
        commands.get("command-unreadable")
                .mapValues(ReadCommand.Read::deadLetter, Named.as("command-dead-letter"))
                .to(topics.feedbackDlq().name(), produced(topics.feedbackDlq(), "command-dead-letters"));

        // Everything about the cases of a ward crosses once to that ward's task: the cases opened, the commands on
        // them, the acknowledgements of its alerts. Cases the previous version kept by case id cross first (MoveToWard).
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(MoveToWard.STORE), Serdes.String(), topics.cases().valueSerde()));
        KStream<String, WardInput> toWards = opened
                .mapValues(WardInput::opened, Named.as("opened"))
                .merge(commands.get("command-readable").mapValues(r -> WardInput.command(r.command()), Named.as("command")),
                        Named.as("cases-and-commands"))
                .process(MoveToWard::new, Named.as("move-to-ward"), MoveToWard.STORE);
        if (warning.isOn()) {
            toWards = toWards.merge(builder.stream(topics.alertAcks().name(),
                                    Consumed.with(topics.alertAcks().keySerde(), topics.alertAcks().valueSerde()).withName("acks"))
                            .filter((subject, ack) -> ack != null, Named.as("ack-not-deleted"))
                            .mapValues(WardInput::ack, Named.as("ack")),
                    Named.as("inputs-of-wards"));
        }
        KStream<String, WardInput> ward = toWards
                .selectKey((key, input) -> warning.wardOf(input.area()), Named.as("ward"))
                .repartition(Repartitioned.<String, WardInput>with(Serdes.String(), new JsonSerde<>(WardInput.class)).withName("ward-inputs"));

        // The ward's task keeps its cases and weighs each change with its early warning (WardTask), and every so
        // often (wall-clock time) marks the cases that became due soon or overdue.
        // The store and cases.v1 share one serde: the version just stored is published as the same bytes, not written again.
        Serde<CaseState> caseVersions = new WrittenOnce<>(topics.cases().valueSerde());
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(CaseKeeper.STORE), Serdes.String(), caseVersions));
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(CaseKeeper.DEADLINES), Serdes.String(), Serdes.String()));
        List<String> wardStores = new ArrayList<>(List.of(CaseKeeper.STORE, CaseKeeper.DEADLINES));
        wardStores.addAll(warning.addStores(builder, stores));
        Map<String, KStream<String, WardTask.Said>> said = ward
                .process(() -> new WardTask(new CaseKeeper(lifecycle, watch), warning.newWarning()), Named.as("ward-task"),
                        wardStores.toArray(String[]::new))
                .split(Named.as("said-"))
                .branch((id, out) -> out.change() != null, Branched.as("change"))
                .defaultBranch(Branched.as("warning"));
        EarlyWarningTopology.publish(said.get("said-warning").mapValues(WardTask.Said::warning, Named.as("warning-said")), topics);
        KStream<String, CaseKeeper.Change> changes = said.get("said-change").mapValues(WardTask.Said::change, Named.as("case-change"));

        // Publish the whole state of every changed case, the result of every command, and every correction.
        changes.mapValues(CaseKeeper.Change::state, Named.as("case-state"))
                .filter((id, state) -> state != null, Named.as("changed"))
                .to(topics.cases().name(), Produced.with(topics.cases().keySerde(), caseVersions).withName("cases"));
        changes.mapValues(CaseKeeper.Change::result, Named.as("command-result"))
                .filter((id, result) -> result != null, Named.as("answered-command"))
                .to(topics.caseCommandResults().name(), produced(topics.caseCommandResults(), "command-results"));
        changes.flatMapValues(CaseKeeper.Change::history, Named.as("history-lines"))
                .to(topics.caseHistory().name(), produced(topics.caseHistory(), "case-history"));
        // A letter's accepted requests open their own cases, each in its own partition: through the commands topic.
        changes.flatMap((id, change) -> change.followUps().stream().map(command -> KeyValue.pair(command.caseId(), command)).toList(),
                        Named.as("follow-ups"))
                .to(topics.caseCommands().name(), produced(topics.caseCommands(), "letter-requests"));
        changes.mapValues(CaseKeeper.Change::correction, Named.as("correction"))
                .filter((id, correction) -> correction != null, Named.as("corrected"))
                .to(topics.classifierCorrections().name(), produced(topics.classifierCorrections(), "corrections"));

        // Every instance learns every correction, so the next petition anywhere is classified with it.
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(LearnCorrections.STORE),
                                Serdes.String(), topics.classifierCorrections().valueSerde()).withLoggingDisabled(),
                topics.classifierCorrections().name(),
                Consumed.with(topics.classifierCorrections().keySerde(), topics.classifierCorrections().valueSerde())
                        .withName("learned-corrections"),
                () -> new LearnCorrections(classifier, router.places()));

        return received;
    }

    private static <V> Produced<String, V> produced(Topic<String, V> topic, String name) {
        return Produced.with(topic.keySerde(), topic.valueSerde()).withName(name);
    }
}
