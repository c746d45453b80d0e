package io.langnghe.faults;

import io.langnghe.testsupport.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shortened fault suite of {@code ./langnghe chaos}: the stack from the real launcher on the test's
 * Kafka and Elasticsearch, each service killed with SIGKILL under load; nothing accepted is lost or doubled.
 */
class ShortFaultSuiteTest {

    @TempDir
    Path home;

    @Test
    void everyAcceptedPetitionIsOneCaseAndOneDocumentAfterEachServiceIsKilled() {
        Path checkout = Path.of(System.getProperty("langnghe.checkout", "..")).toAbsolutePath().normalize();
        home.toFile().setExecutable(true, false);
        List<FaultRow> rows;
        try (LaunchedStack stack = LaunchedStack.start(checkout, home, SharedInfrastructure.uniquePrefix(),
                SharedInfrastructure.kafkaBootstrapServers(), SharedInfrastructure.elasticsearchUrl())) {
            rows = new FaultSuite(stack, FaultSuite.Plan.shortened(), System.out).run();
            assertThat(stack.lines()).filteredOn(line -> line.contains("supervisor:") && line.contains(" restarted "))
                    .hasSize(3);
        }

        assertThat(rows).extracting(FaultRow::fault)
                .containsExactly("kill -9 search-service", "kill -9 ingest-service", "kill -9 routing-streams");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.accepted()).as(row.fault() + ": accepted").isPositive();
            assertThat(row.lost()).as(row.fault() + ": lost " + row.examples()).isZero();
            assertThat(row.doubled()).as(row.fault() + ": doubled " + row.examples()).isZero();
            assertThat(row.stale()).as(row.fault() + ": stale " + row.examples()).isZero();
            assertThat(row.caughtUpAfter()).as(row.fault() + ": caught up").isNotNull();
        });
    }
}
