package io.langnghe.contracts;

import io.langnghe.contracts.privacy.ContactKey;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.util.List;

/**
 * Every topic of the pipeline, declared once with its key and value types. Names are
 * {@code <prefix>.<name>.v<n>}: dots only, never underscores (Kafka's metric names confuse the two).
 */
public record Topics(
        Topic<String, FeedbackReceived> feedbackReceived,
        Topic<String, CaseCommand> caseCommands,
        Topic<String, CaseState> cases,
        Topic<String, Alert> alerts,
        Topic<String, RoutingRule> routingRules,
        Topic<String, DeadLetter> feedbackDlq,
        Topic<String, CommandResult> caseCommandResults,
        Topic<String, Correction> classifierCorrections,
        Topic<String, AlertAck> alertAcks,
        Topic<String, DeadLetter> indexDlq,
        Topic<String, NotificationRequest> notifications,
        Topic<String, MessageOutcome> notificationOutcomes,
        Topic<String, NotificationRequest> notificationsDlq,
        Topic<String, ContactOptOut> contactOptOuts,
        Topic<String, HistoryEntry> caseHistory,
        Topic<String, ContactKey> contactKeys,
        Topic<String, IssueState> issues,
        Topic<String, SpikeInForce> spikes) {

    public static final String DEFAULT_PREFIX = "langnghe";

    public static Topics withPrefix(String prefix) {
        if (prefix == null || !prefix.matches("[a-z0-9]+(\\.[a-z0-9-]+)*")) {
            throw new IllegalArgumentException("topic prefix must be lowercase words joined by dots, got: " + prefix);
        }
        return new Topics(
                topic(prefix + ".feedback.received.v1", FeedbackReceived.class, false),
                topic(prefix + ".case.commands.v1", CaseCommand.class, false),
                topic(prefix + ".cases.v1", CaseState.class, true),
                topic(prefix + ".alerts.v1", Alert.class, false),
                topic(prefix + ".routing.rules.v1", RoutingRule.class, true),
                topic(prefix + ".feedback.dlq.v1", DeadLetter.class, false),
                topic(prefix + ".case.command.results.v1", CommandResult.class, false),
                // kept whole: every correction ever made is a training example
                topic(prefix + ".classifier.corrections.v1", Correction.class, false),
                // keyed by the alert's subject, so its latest acknowledgement is what a compaction keeps
                topic(prefix + ".alert.acks.v1", AlertAck.class, true),
                // cases Elasticsearch refused for good, with its reason: kept apart so one bad case never blocks the index
                topic(prefix + ".index.dlq.v1", DeadLetter.class, false),
                // keyed by case, so one case's messages leave in the order its changes happened
                topic(prefix + ".notifications.v1", NotificationRequest.class, false),
                // every message sent, failed, held, merged or suppressed: the case's message history, keyed by case
                topic(prefix + ".notification.outcomes.v1", MessageOutcome.class, false),
                topic(prefix + ".notifications.dlq.v1", NotificationRequest.class, false),
                // keyed by the contact's hash: the latest STOP (or its undoing) is what a compaction keeps
                topic(prefix + ".contact.optouts.v1", ContactOptOut.class, true),
                // keyed by case id, every line of every case's history: the case record carries only its latest lines
                new Topic<>(prefix + ".case.history.v1", Serdes.String(), new JsonSerde<>(HistoryEntry.class), false, true),
                // keyed by case id, one data key per case's contact: a tombstone erases that contact everywhere
                topic(prefix + ".contact.keys.v1", ContactKey.class, true),
                // keyed by issue id, the issue's current risk and counts: its latest version is what a compaction keeps
                topic(prefix + ".issues.v1", IssueState.class, true),
                // keyed by area and category, the spikes the early warning sees now: a tombstone once one is over
                topic(prefix + ".spikes.v1", SpikeInForce.class, true));
    }

    public static Topics defaults() {
        return withPrefix(DEFAULT_PREFIX);
    }

    public List<Topic<?, ?>> all() {
        return List.of(feedbackReceived, caseCommands, cases, alerts, routingRules, feedbackDlq, caseCommandResults, classifierCorrections,
                alertAcks, indexDlq, notifications, notificationOutcomes, notificationsDlq, contactOptOuts, caseHistory,
                contactKeys, issues, spikes);
    }

    private static <V> Topic<String, V> topic(String name, Class<V> valueType, boolean compacted) {
        Serde<String> keys = Serdes.String();
        return new Topic<>(name, keys, new JsonSerde<>(valueType), compacted);
    }
}
