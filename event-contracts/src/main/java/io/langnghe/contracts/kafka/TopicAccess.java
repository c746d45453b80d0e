package io.langnghe.contracts.kafka;

import io.langnghe.contracts.Topic;
import io.langnghe.contracts.Topics;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.List;

/**
 * Who may read and write which topic, as the broker's ACLs: each service only what its code uses, so
 * a leaked ingest password writes petitions and nothing else, and only routing-streams writes cases
 * and alerts. Read and write imply describe. A Kafka Streams application also owns its internal
 * topics, consumer group and transactional ids, all named after its application id.
 */
public final class TopicAccess {

    private final String prefix;
    private final Topics topics;
    private final List<AclBinding> bindings = new ArrayList<>();

    private TopicAccess(String prefix) {
        this.prefix = prefix;
        this.topics = Topics.withPrefix(prefix);
    }

    /** Every ACL of the pipeline whose topics start with this prefix (a ward, or a test). */
    public static List<AclBinding> of(String prefix) {
        return new TopicAccess(prefix).define().bindings;
    }

    private TopicAccess define() {
        // ingest-service: residents' petitions and STOP messages, and each case's contact key (read back after a restart)
        writes(ServicePrincipal.INGEST, topics.feedbackReceived(), topics.contactOptOuts(), topics.contactKeys());
        reads(ServicePrincipal.INGEST, topics.contactKeys());

        // routing-streams: the only writer of cases and alerts (it never reads cases back: a ward's task keeps them); its
        // system commands (a letter's requests to open) go on case.commands
        reads(ServicePrincipal.ROUTING, topics.feedbackReceived(), topics.caseCommands(), topics.routingRules(),
                topics.alertAcks(), topics.classifierCorrections(), topics.spikes());
        writes(ServicePrincipal.ROUTING, topics.cases(), topics.alerts(), topics.issues(), topics.spikes(), topics.caseCommands(), topics.caseCommandResults(),
                topics.feedbackDlq(), topics.caseHistory(), topics.classifierCorrections(), topics.routingRules());
        streamsApplication(ServicePrincipal.ROUTING, prefix + ".routing-streams");

        // search-service: reads what it indexes, writes officers' commands and alert acknowledgements; opens a contact
        // for the officer's case page and shreds its key on erasure
        reads(ServicePrincipal.SEARCH, topics.cases(), topics.alerts(), topics.issues(), topics.contactKeys());
        writes(ServicePrincipal.SEARCH, topics.caseCommands(), topics.alertAcks(), topics.feedbackDlq(), topics.indexDlq(),
                topics.contactKeys());
        allow(ServicePrincipal.SEARCH, ResourceType.GROUP, prefix + ".search-service", PatternType.PREFIXED, AclOperation.READ);

        // notification-service: cases and alerts in, its own messages and outcomes out
        // (it opens a contact just before sending, and shreds the keys of cases past the retention period)
        reads(ServicePrincipal.NOTIFICATION, topics.cases(), topics.alerts(), topics.contactOptOuts(),
                topics.notifications(), topics.notificationOutcomes(), topics.contactKeys());
        writes(ServicePrincipal.NOTIFICATION, topics.notifications(), topics.notificationOutcomes(), topics.notificationsDlq(),
                topics.contactKeys());
        streamsApplication(ServicePrincipal.NOTIFICATION, prefix + ".notification-planner");
        allow(ServicePrincipal.NOTIFICATION, ResourceType.GROUP, prefix + ".notification-sender", PatternType.LITERAL, AclOperation.READ);

        for (ServicePrincipal service : List.of(ServicePrincipal.INGEST, ServicePrincipal.ROUTING, ServicePrincipal.SEARCH,
                ServicePrincipal.NOTIFICATION)) {
            // the health checks describe the cluster and the broker's configuration
            allow(service, ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, AclOperation.DESCRIBE);
            allow(service, ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, AclOperation.DESCRIBE_CONFIGS);
        }
        return this;
    }

    private void reads(ServicePrincipal service, Topic<?, ?>... read) {
        for (Topic<?, ?> topic : read) {
            allow(service, ResourceType.TOPIC, topic.name(), PatternType.LITERAL, AclOperation.READ);
        }
    }

    private void writes(ServicePrincipal service, Topic<?, ?>... written) {
        for (Topic<?, ?> topic : written) {
            allow(service, ResourceType.TOPIC, topic.name(), PatternType.LITERAL, AclOperation.WRITE);
        }
    }

    /** Internal topics ({@code <id>-...-changelog}, {@code -repartition}), its group and its transactions. */
    private void streamsApplication(ServicePrincipal service, String applicationId) {
        allow(service, ResourceType.TOPIC, applicationId + "-", PatternType.PREFIXED, AclOperation.ALL);
        allow(service, ResourceType.GROUP, applicationId, PatternType.LITERAL, AclOperation.READ);
        allow(service, ResourceType.TRANSACTIONAL_ID, applicationId, PatternType.PREFIXED, AclOperation.ALL);
    }

    private void allow(ServicePrincipal service, ResourceType type, String name, PatternType pattern, AclOperation operation) {
        bindings.add(new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(service.principal(), "*", operation, AclPermissionType.ALLOW)));
    }
}
