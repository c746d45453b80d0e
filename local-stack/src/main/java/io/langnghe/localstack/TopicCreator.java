package io.langnghe.localstack;

import io.langnghe.contracts.Topic;
import io.langnghe.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Creates every topic of the pipeline (3 partitions, one replica); topics that exist are left alone. */
public final class TopicCreator {

    public static final int PARTITIONS = 3;

    private TopicCreator() {
    }

    public static List<String> create(String bootstrapServers, Topics topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<NewTopic> wanted = topics.all().stream().map(TopicCreator::newTopic).toList();
            var results = admin.createTopics(wanted).values();
            for (var entry : results.entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + entry.getKey(), e.getCause());
                    }
                }
            }
            return wanted.stream().map(NewTopic::name).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not create the topics within 30 s", e);
        }
    }

    private static NewTopic newTopic(Topic<?, ?> topic) {
        NewTopic newTopic = new NewTopic(topic.name(), PARTITIONS, (short) 1);
        if (topic.compacted()) {
            newTopic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        } else if (topic.keptForever()) {
            newTopic.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
        }
        return newTopic;
    }
}
