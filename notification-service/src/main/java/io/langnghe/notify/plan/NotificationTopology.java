package io.langnghe.notify.plan;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.ContactOptOut;
import io.langnghe.contracts.DeadlineState;
import io.langnghe.contracts.JsonSerde;
import io.langnghe.contracts.MessageOutcome;
import io.langnghe.contracts.NotificationRequest;
import io.langnghe.contracts.Topics;
import io.langnghe.notify.history.MessageHistory;
import io.langnghe.notify.staff.Escalations;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Case changes become messages to send:
 * <pre>
 *   cases.v1 ──> plan (per case: last status seen, held messages) ───┬─> notifications.v1   (send now)
 *                  ^ contact.optouts.v1 (global: who said STOP)      └─> notification.outcomes.v1 (held, merged, suppressed)
 *   wall clock every releaseEvery ──> cases due by now, read from notification-release-due (ordered by due time)
 *                                     ──> their held messages ──────────> notifications.v1
 *   a case turning overdue ──> e-mail to the department's head and the leader ──> notifications.v1
 *   alerts.v1 (with a department) ──> e-mail to its head and the leader ───────> notifications.v1
 *   notification.outcomes.v1 ──> each case's last 50 messages (the officer's view of them)
 * </pre>
 * The planner's memory is a changelogged store and its outputs are written exactly once with the
 * offsets, so a restart neither repeats nor loses a decision. A case version that changes nothing the
 * planner keeps (no new status) writes nothing to it, and a look at held messages reads only the cases
 * due, so neither costs more as the ward keeps more cases. A version marked as only an assessment is not even read.
 */
public final class NotificationTopology {

    public static final String MEMO_STORE = "notification-memo";
    public static final String OPT_OUT_STORE = "contact-optouts";
    public static final String HISTORY_STORE = "case-messages";
    /** The cases holding a message, by when the first is due: "release millis, zero-padded | case id". */
    public static final String RELEASE_STORE = "notification-release-due";

    private NotificationTopology() {
    }

    /**
     * @param noted where held, merged and suppressed messages are also reported (the local stack's outbox)
     */
    public static KStream<String, CaseState> define(StreamsBuilder builder, Topics topics, NoticePlanner planner,
                                                    Escalations escalations, Duration releaseEvery,
                                                    Clock clock, Consumer<NoticePlanner.Noted> noted) {
        // who said STOP: every instance needs all of them, whatever partition their case is on
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(OPT_OUT_STORE), Serdes.String(),
                        topics.contactOptOuts().valueSerde()).withLoggingDisabled(),
                topics.contactOptOuts().name(),
                Consumed.with(topics.contactOptOuts().keySerde(), topics.contactOptOuts().valueSerde()),
                () -> new OptOutUpdater());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MEMO_STORE), Serdes.String(),
                new JsonSerde<>(CaseMemo.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RELEASE_STORE), Serdes.String(),
                Serdes.String()));

        // each case version: plan its messages; the punctuation releases held ones. Versions that only carry
        // an assessment are most of a busy ward's versions and change nothing here: skipped before their JSON is read
        KStream<String, CaseState> cases = builder
                .stream(topics.cases().name(), Consumed.with(topics.cases().keySerde(), Serdes.ByteArray()))
                .processValues(() -> new CaseVersions(topics.cases()), Named.as("case-versions"));
        KStream<String, Planned> planned = cases
                .filter((caseId, state) -> state != null, Named.as("live-cases"))
                .process(() -> new Plan(planner, escalations, releaseEvery, clock, noted), Named.as("plan-messages"), MEMO_STORE,
                        RELEASE_STORE);

        // messages to hand to a channel now
        planned.filter((caseId, p) -> p.request() != null, Named.as("to-send"))
                .mapValues(Planned::request, Named.as("request"))
                .to(topics.notifications().name(), Produced.with(topics.notifications().keySerde(), topics.notifications().valueSerde()));

        // the history of messages that no channel saw
        planned.filter((caseId, p) -> p.outcome() != null, Named.as("not-sent"))
                .mapValues(Planned::outcome, Named.as("outcome"))
                .to(topics.notificationOutcomes().name(),
                        Produced.with(topics.notificationOutcomes().keySerde(), topics.notificationOutcomes().valueSerde()));

        // every case's messages, for its history on the officer's page
        builder.stream(topics.notificationOutcomes().name(),
                        Consumed.with(topics.notificationOutcomes().keySerde(), topics.notificationOutcomes().valueSerde()))
                .groupByKey()
                .aggregate(MessageHistory::empty, (caseId, outcome, history) -> history.plus(outcome),
                        Materialized.<String, MessageHistory, KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]>>as(HISTORY_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(new JsonSerde<>(MessageHistory.class)));

        // an early warning for a department: its head and the leader hear of it (keyed by department)
        builder.stream(topics.alerts().name(), Consumed.with(topics.alerts().keySerde(), topics.alerts().valueSerde()))
                .filter((alertId, alert) -> alert != null && alert.department() != null, Named.as("department-alerts"))
                .flatMap((alertId, alert) -> escalations.alert(alert, clock.instant()).stream()
                        .map(mail -> KeyValue.pair(alert.department(), mail)).toList(), Named.as("alert-mails"))
                .to(topics.notifications().name(), Produced.with(topics.notifications().keySerde(), topics.notifications().valueSerde()));
        return cases;
    }

    /** One output of the planner: a request to send, or an outcome for the history. */
    public record Planned(NotificationRequest request, MessageOutcome outcome) {
    }

    private static final class OptOutUpdater implements Processor<String, ContactOptOut, Void, Void> {
        private KeyValueStore<String, ContactOptOut> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(OPT_OUT_STORE);
        }

        @Override
        public void process(Record<String, ContactOptOut> record) {
            if (record.value() == null || !record.value().optedOut()) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
        }
    }

    private static final class Plan implements Processor<String, CaseState, String, Planned> {
        /** Sorts after every due key: says the index holds every memo written before it existed. */
        private static final String INDEXED = "~indexed";

        private final NoticePlanner planner;
        private final Escalations escalations;
        private final Duration releaseEvery;
        private final Clock clock;
        private final Consumer<NoticePlanner.Noted> noted;
        private ProcessorContext<String, Planned> context;
        private KeyValueStore<String, CaseMemo> memos;
        private KeyValueStore<String, String> due;
        private KeyValueStore<String, ContactOptOut> optOuts;
        private boolean indexed;

        Plan(NoticePlanner planner, Escalations escalations, Duration releaseEvery, Clock clock,
             Consumer<NoticePlanner.Noted> noted) {
            this.planner = planner;
            this.escalations = escalations;
            this.releaseEvery = releaseEvery;
            this.clock = clock;
            this.noted = noted;
        }

        @Override
        public void init(ProcessorContext<String, Planned> context) {
            this.context = context;
            this.memos = context.getStateStore(MEMO_STORE);
            this.due = context.getStateStore(RELEASE_STORE);
            this.optOuts = context.getStateStore(OPT_OUT_STORE);
            context.schedule(releaseEvery, PunctuationType.WALL_CLOCK_TIME, ignored -> release());
        }

        @Override
        public void process(Record<String, CaseState> record) {
            indexOnce();
            CaseState state = record.value();
            String hash = state.contact() == null ? null : state.contact().contactHash();
            boolean optedOut = hash != null && optOuts.get(hash) != null;
            Instant now = clock.instant();
            CaseMemo known = memos.get(record.key());
            NoticePlanner.Plan plan = planner.onCase(state, known, optedOut, now);
            if (state.deadlineState() == DeadlineState.OVERDUE && !plan.memo().overdueTold()
                    && state.department() != null && planner.fresh(state.updatedAt(), now)) {
                // once per case: the memo remembers that the head and the leader were told
                escalations.overdue(state, now).forEach(mail ->
                        context.forward(new Record<>(record.key(), new Planned(mail, null), record.timestamp())));
                plan = new NoticePlanner.Plan(plan.memo().withOverdueTold(), plan.send(), plan.noted());
            }
            emit(record.key(), known, plan, record.timestamp());
        }

        /** Reads only the cases due by now: few, since messages are held for minutes or one night. */
        private void release() {
            indexOnce();
            List<String> dueNow = new ArrayList<>();
            Instant now = clock.instant();
            try (var upToNow = due.range(dueKey(Instant.EPOCH, ""), dueKey(now, "\uffff"))) {
                upToNow.forEachRemaining(kv -> dueNow.add(kv.value));
            }
            for (String caseId : dueNow) {
                CaseMemo memo = memos.get(caseId);
                if (memo != null) {
                    emit(caseId, memo, planner.release(memo, now), now.toEpochMilli());
                }
            }
        }

        /**
         * Memos written before the index existed are indexed once, by the first look after an upgrade:
         * the one read of the whole store, never repeated (the marker is on the changelog).
         */
        private void indexOnce() {
            if (indexed) {
                return;
            }
            if (due.get(INDEXED) == null) {
                List<KeyValue<String, CaseMemo>> holding = new ArrayList<>();
                try (var all = memos.all()) {
                    all.forEachRemaining(kv -> {
                        if (kv.value.nextRelease() != null) {
                            holding.add(kv);
                        }
                    });
                }
                holding.forEach(kv -> due.put(dueKey(kv.value.nextRelease(), kv.key), kv.key));
                due.put(INDEXED, "");
            }
            indexed = true;
        }

        private void emit(String caseId, CaseMemo known, NoticePlanner.Plan plan, long timestamp) {
            if (!plan.memo().equals(known)) {
                memos.put(caseId, plan.memo());
                Instant was = known == null ? null : known.nextRelease();
                Instant next = plan.memo().nextRelease();
                if (was != null && !was.equals(next)) {
                    due.delete(dueKey(was, caseId));
                }
                if (next != null && !next.equals(was)) {
                    due.put(dueKey(next, caseId), caseId);
                }
            }
            for (NoticePlanner.Noted n : plan.noted()) {
                noted.accept(n);
                context.forward(new Record<>(caseId, new Planned(null, n.outcome()), timestamp));
            }
            for (NotificationRequest request : plan.send()) {
                context.forward(new Record<>(caseId, new Planned(request, null), timestamp));
            }
        }
    }

    /** "due millis, zero-padded | case id": the store's byte order is then the order of release. */
    static String dueKey(Instant at, String caseId) {
        return String.format(Locale.ROOT, "%020d|%s", at.toEpochMilli(), caseId);
    }
}
