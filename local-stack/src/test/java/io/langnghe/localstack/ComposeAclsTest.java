package io.langnghe.localstack;

import io.langnghe.contracts.Topics;
import io.langnghe.contracts.kafka.ServicePrincipal;
import io.langnghe.contracts.kafka.TopicAccess;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml grants the deployed broker's ACLs in shell lines, the local stack and the tests
 * from {@link TopicAccess}: the two must say the same, or a deployment and its tests disagree about
 * what a service may do. Also: nothing of Kafka or Elasticsearch is published on the host.
 */
class ComposeAclsTest {

    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");
    private static final Pattern ALLOW = Pattern.compile(
            "^\\s*allow (\\S+) (\\S+) --(topic|group|transactional-id) (\\S+)( --resource-pattern-type prefixed)?\\s*$");

    @Test
    void composeGrantsExactlyTheAccessOfTopicAccess() throws IOException {
        List<String> lines = Files.readAllLines(COMPOSE);
        List<String> granted = new ArrayList<>();
        for (String line : lines) {
            Matcher allow = ALLOW.matcher(line);
            if (allow.matches()) {
                granted.add(String.join(" ", allow.group(1), allow.group(2).toLowerCase(), resource(allow.group(3)), allow.group(4),
                        allow.group(5) == null ? "literal" : "prefixed"));
            }
        }
        // the cluster rights are granted in a loop over the services
        String services = lines.stream().filter(line -> line.strip().startsWith("for service in ")).findFirst().orElseThrow();
        for (String service : services.strip().replace("for service in ", "").replace("; do", "").split(" ")) {
            granted.add(service + " describe cluster kafka-cluster literal");
            granted.add(service + " describeconfigs cluster kafka-cluster literal");
        }

        Set<String> expected = TopicAccess.of(Topics.DEFAULT_PREFIX).stream().map(ComposeAclsTest::describe).collect(Collectors.toSet());
        assertThat(granted).doesNotHaveDuplicates();
        assertThat(Set.copyOf(granted)).isEqualTo(expected);
    }

    @Test
    void composeCreatesAUserForEveryPrincipal() throws IOException {
        String compose = Files.readString(COMPOSE);
        for (ServicePrincipal principal : ServicePrincipal.values()) {
            assertThat(compose).contains("user " + principal.user() + " \"$$" + principal.passwordVariable() + "\"");
        }
    }

    @Test
    void kafkaAndElasticsearchAreNotPublishedOnTheHost() throws IOException {
        String compose = Files.readString(COMPOSE);
        for (String service : List.of("kafka", "kafka-init", "elasticsearch", "es-init")) {
            String block = serviceBlock(compose, service);
            assertThat(block).as(service).doesNotContain("ports:");
        }
        assertThat(serviceBlock(compose, "elasticsearch")).contains("xpack.security.enabled: \"true\"");
        assertThat(serviceBlock(compose, "kafka")).contains("INTERNAL:SASL_PLAINTEXT")
                .contains("OPERATOR://127.0.0.1:").contains("CONTROLLER://127.0.0.1:");
    }

    private static String serviceBlock(String compose, String service) {
        int start = compose.indexOf("\n  " + service + ":\n");
        assertThat(start).as("service " + service).isPositive();
        Matcher next = Pattern.compile("\n  [a-z][a-z-]*:\n|\n[a-z]").matcher(compose);
        int end = next.find(start + 1) ? next.start() : compose.length();
        return compose.substring(start, end);
    }

    private static String resource(String option) {
        return switch (option) {
            case "topic" -> "topic";
            case "group" -> "group";
            default -> "transactional_id";
        };
    }

    private static String describe(AclBinding binding) {
        String user = binding.entry().principal().substring("User:".length());
        String operation = binding.entry().operation().name().toLowerCase().replace("_", "");
        ResourceType type = binding.pattern().resourceType();
        return String.join(" ", user, operation, type.name().toLowerCase(), binding.pattern().name(),
                binding.pattern().patternType() == PatternType.PREFIXED ? "prefixed" : "literal");
    }
}
