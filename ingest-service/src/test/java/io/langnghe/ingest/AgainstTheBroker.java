package io.langnghe.ingest;

import io.langnghe.contracts.Topics;
import io.langnghe.testsupport.SharedInfrastructure;
import io.langnghe.testsupport.TopicProbe;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/**
 * The set-up of an ingest-service test that posts to the running service and reads what reached the
 * shared real broker: topics of its own (a fresh prefix), the service started on them, an HTTP client
 * and a probe of the topics. A test class adds {@code @MicronautTest} and, when it needs more than
 * {@link TestIngest#properties}, overrides {@link #properties}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AgainstTheBroker implements TestPropertyProvider {

    protected final String prefix = SharedInfrastructure.uniquePrefix();
    protected Topics topics;
    protected TopicProbe probe;
    protected Http http;

    @Inject
    protected EmbeddedServer server;

    /** The topics exist before the service starts, so its producer and key follower find them. */
    @Override
    public final Map<String, String> getProperties() {
        topics = SharedInfrastructure.createTopics(prefix);
        return properties(prefix);
    }

    /** What the service starts with on this test's topics. */
    protected Map<String, String> properties(String topicsPrefix) {
        return TestIngest.properties(topicsPrefix);
    }

    @BeforeAll
    void connect() {
        probe = SharedInfrastructure.topicProbe();
        http = new Http(server.getURI());
    }
}
