package io.langnghe.faults;

import io.langnghe.testsupport.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shortened fault suite of {@code ./langnghe chaos}: the stack from the real launcher on the test's
 * Kafka and Elasticsearch, each service killed with SIGKILL under a load of petitions, an officer's
 * acknowledgements and a burst of look-alikes around the kill; nothing accepted is lost or doubled, and
 * each burst raises its alert once.
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
                .containsExactly("kill -9 search-service", "kill -9 ingest-service", "kill -9 routing-streams", "routing clock +14 days");
        assertThat(rows).allSatisfy(row -> {
            String seen = row.fault() + " " + row.examples();
            assertThat(row.petitions().accepted()).as(seen + ": petitions accepted").isPositive();
            assertThat(row.petitions().lost()).as(seen + ": petitions lost").isZero();
            assertThat(row.petitions().doubled()).as(seen + ": petitions doubled").isZero();
            assertThat(row.petitions().stale()).as(seen + ": documents stale").isZero();
            assertThat(row.actions().accepted()).as(seen + ": actions accepted").isPositive();
            assertThat(row.actions().lost()).as(seen + ": actions lost").isZero();
            assertThat(row.actions().doubled()).as(seen + ": actions applied twice").isZero();
            assertThat(row.alerts().lost()).as(seen + ": the burst's alert lost").isZero();
            assertThat(row.alerts().doubled()).as(seen + ": alerts raised twice").isZero();
            assertThat(row.deadlines().missed()).as(seen + ": deadlines passed without their mark").isZero();
            assertThat(row.deadlines().doubled()).as(seen + ": deadlines marked twice").isZero();
            assertThat(row.caughtUpAfter()).as(seen + ": caught up").isNotNull();
        });
        // after two weeks on routing-streams' clock, the day's cases not yet acknowledged are marked
        assertThat(rows.get(3).deadlines().marked()).as("marks after the clock jump").isPositive();
    }
}
