package io.langnghe.e2e;

import io.langnghe.bench.e2e.BenchPlan;
import io.langnghe.bench.e2e.BenchResult;
import io.langnghe.bench.e2e.CeilingSearch;
import io.langnghe.bench.e2e.E2eBench;
import io.langnghe.bench.e2e.IngestBench;
import io.langnghe.bench.e2e.ProcessCpu;
import io.langnghe.bench.e2e.Stack;
import io.langnghe.bench.profile.ServiceProfile;
import io.langnghe.testsupport.SharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./langnghe bench e2e}, run for a few seconds against the services started as the local stack
 * starts them, so the benchmark cannot rot: it must produce its table, and its counts must agree with
 * what was sent. Speed is the benchmark's to report, never this test's to assert.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndBenchTest {

    private ServiceStack stack;
    private BenchPlan brief;

    @BeforeAll
    void startTheThreeServices() {
        stack = ServiceStack.start();
        Stack named = Stack.local()
                .withIngest(stack.ingest())
                .withRouting(stack.routing())
                .withSearch(stack.search())
                .withNotification(stack.notification())
                .withKafka(SharedInfrastructure.kafkaBootstrapServers())
                .withElasticsearch(SharedInfrastructure.elasticsearchUrl())
                .withPrefixes(stack.prefix(), stack.prefix());
        brief = BenchPlan.defaults().withRate(10).withSeconds(3).withWarmup(0).withRest(1).withStack(named);
    }

    @AfterAll
    void stopThem() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everydayLoadAfterAHistoryEndsWithOneTableWhoseCountsAgree() throws Exception {
        BenchResult result = new E2eBench(brief.withCasesKept(12), System.err).run();

        assertThat(result.sent()).isEqualTo(30);
        assertThat(result.answered202()).as(result.firstRefusal()).isEqualTo(30);
        assertThat(result.latencies().accepted().getTotalCount()).isEqualTo(30);
        assertThat(result.unseen()).isZero();
        assertThat(result.latencies().searchable().getTotalCount()).isEqualTo(30);
        // each case is on cases.v1 before it can be indexed: the first part of the wait
        assertThat(result.latencies().committed().getTotalCount()).isEqualTo(30);
        assertThat(result.latencies().committed().getValueAtPercentile(50)).isPositive()
                .isLessThanOrEqualTo(result.latencies().searchable().getValueAtPercentile(50));
        // a year's history: most of it is done, closed by officers' commands the index shows applied
        assertThat(result.fill().closed()).isBetween(1L, 12L);
        // the history went in before the window: only the load's petitions count
        assertThat(result.recordsWritten(stack.prefix() + ".feedback.received.v1")).isEqualTo(30);
        assertThat(result.recordsWritten(stack.prefix() + ".cases.v1")).isGreaterThanOrEqualTo(30);
        // Kafka and Elasticsearch may sit behind a container's port here; the services are always ours
        assertThat(result.cpu().seconds()).containsKeys("ingest-service", "routing-streams", "search-service", "notification-service");
        assertThat(result.cpu().seconds().get("routing-streams")).isPositive();
        // a compiler thread's seconds are part of its process's, never more
        result.cpu().compilingSeconds().forEach((process, compiling) ->
                assertThat(compiling).as(process).isBetween(0.0, result.cpu().seconds().get(process)));
        // the same processes watched at rest, in cores (a young JVM may still be compiling), never taken off as more than spent
        assertThat(result.cpu().atRestPerSecond()).containsOnlyKeys(result.cpu().seconds().keySet());
        double cores = Runtime.getRuntime().availableProcessors();
        result.cpu().atRestPerSecond().forEach((process, used) -> assertThat(used).as(process).isBetween(0.0, cores));
        assertThat(result.stackCpuMillisPerPetitionBeyondRest()).isLessThanOrEqualTo(result.stackCpuMillisPerPetitionCompiled());
        // the bench's own CPU (it sent 30 petitions and probed the index) is counted apart from the stack's
        assertThat(result.cpu().benchSeconds()).isPositive();
        if (result.cpu().seconds().containsKey("elasticsearch")) {
            // and so is what its searches cost Elasticsearch, replayed: each search the probe made, never more than all of it
            assertThat(result.cpu().probe().searches()).isPositive();
            assertThat(result.cpu().probe().seconds()).isBetween(0.0, result.cpu().seconds().get("elasticsearch"));
            assertThat(result.stackCpuMillisPerPetitionUnprobed()).isLessThanOrEqualTo(result.stackCpuMillisPerPetitionCompiled());
            assertThat(result.table()).contains("| CPU per petition, elasticsearch, on the bench's searchable probe (its searches replayed after the run) |",
                    "| CPU per petition, whole stack, JIT compiling and the bench's searchable probe left out |");
        }
        // the broker's requests in the window, counted where it answers them (each petition reached it in a produce
        // request, its contact key in one before) and where each service sends them
        assertThat(result.requests().answeredByType().get("Produce")).isGreaterThanOrEqualTo(30L);
        assertThat(result.requests().sentByProcess()).containsKeys("ingest-service", "routing-streams");
        result.requests().sentByProcess().forEach((process, sent) -> assertThat(sent).as(process).isPositive());
        assertThat(result.table())
                .contains("| load | 10 petitions/s for 3 s |", "| cases kept before the load / warm-up not counted | 12 / 0 s |",
                        "| petitions sent / 202 / refused / failed | 30 / 30 / 0 / 0 |", "(0 not searchable within",
                        "| 202 → on cases.v1 (committed by routing-streams) p50 / p99 / max |", "(30 seen) |",
                        "cases kept: of them closed | " + result.fill().closed() + " |",
                        "cases kept: filled through Kafka, indexed, closed, stack quiet in", "CPU per petition, routing-streams",
                        "CPU per petition, whole stack, JIT compiling left out",
                        "CPU per petition, whole stack, JIT compiling and the stack at rest left out",
                        "the stack at rest, 1 s before the load: cores in use, JIT compiling left out", "records per petition, " + stack.prefix() + ".cases.v1",
                        "| CPU per petition, this bench (the load and its probes, on the same cores; not the stack's) |",
                        "| broker requests per petition, Produce |", "| broker requests per petition, sent by ingest-service |");
    }

    @Test
    void burstAfterAWarmUpCountsOnlyItsOwnReports() throws Exception {
        BenchResult result = new E2eBench(brief.withBurst(8).withWarmup(1), System.err).run();

        assertThat(result.answered202()).as(result.firstRefusal()).isEqualTo(8);
        assertThat(result.unseen()).isZero();
        // the warm-up's ten petitions went in before the window
        assertThat(result.recordsWritten(stack.prefix() + ".feedback.received.v1")).isEqualTo(8);
        assertThat(result.table()).contains("| load | burst of 8 look-alike reports at 10/s |");
    }

    @Test
    void ingestAloneCountsOnlyTheMeasuredPetitions() throws Exception {
        IngestBench.Result result = new IngestBench(brief.withSeconds(2).withWarmup(1), System.err).run();

        // the warm-up's ten petitions went in before the window
        assertThat(result.sent()).isEqualTo(20);
        assertThat(result.answered202()).as(result.firstRefusal()).isEqualTo(20);
        assertThat(result.accepted().getTotalCount()).isEqualTo(20);
        assertThat(result.cpuSeconds().get("ingest-service")).isPositive();
        // each petition reached the broker in a produce request of ingest-service's
        assertThat(result.requests().sentByProcess().get("ingest-service")).isGreaterThanOrEqualTo(20L);
        assertThat(result.requests().answeredByType().get("Produce")).isGreaterThanOrEqualTo(20L);
        assertThat(result.table()).contains("| load | 10 petitions/s for 2 s, after 1 s of warm-up not counted |",
                "| petitions sent / 202 / refused or failed | 20 / 20 / 0 |", "| CPU per petition, ingest-service |",
                "| broker requests per petition, sent by ingest-service |");
    }

    @Test
    void aProfileOfIngestServiceUnderLoadShowsItsOwnRequestPath() throws Exception {
        int port = URI.create(stack.ingest()).getPort();
        long pid = ProcessCpu.pidsListeningOn(Map.of("ingest-service", port)).get("ingest-service");
        Path out = Files.createTempDirectory("profiles");
        ServiceProfile.Plan plan = ServiceProfile.Plan.of(pid, "ingest-service").withLength(Duration.ofSeconds(4)).withDirectory(out);
        CompletableFuture<ServiceProfile.Result> profiled = CompletableFuture.supplyAsync(() -> {
            try {
                return ServiceProfile.run(plan, System.err);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        IngestBench.Result load = new IngestBench(brief.withSeconds(3).withWarmup(0), System.err).run();
        ServiceProfile.Result result = profiled.get(30, TimeUnit.SECONDS);

        assertThat(load.answered202()).as(load.firstRefusal()).isEqualTo(30);
        assertThat(result.stacks().samples()).isPositive();
        assertThat(result.procCpuSeconds()).isPositive();
        // the petitions' own path, by the controller's name, among our code's frames
        assertThat(result.stacks().ownCode().keySet()).anyMatch(frame -> frame.startsWith("io/langnghe/ingest/intake/FeedbackController"));
        assertThat(result.stacks().byThread().keySet()).anyMatch(thread -> thread.contains("eventLoop"));
        assertThat(Files.size(result.flameGraph())).isPositive();
        assertThat(Files.readString(result.flameGraph())).contains("<html");
        assertThat(result.table()).contains("| profile of ingest-service (pid " + pid + ") | 4 s, a sample every 1 ms of CPU |",
                "| CPU used, from /proc |", "| flame graph | " + result.flameGraph().toAbsolutePath() + " |", "| our code, with what it called: io/langnghe/ingest/");
        // a second profile of the same process starts afresh: the first one was stopped
        assertThat(ServiceProfile.run(plan.withLength(Duration.ofSeconds(1)), System.err).table()).contains("| 1 s, a sample every 1 ms of CPU |");
    }

    @Test
    void aCeilingSearchStepsUpTheRateAndNamesTheHighestKeptUpWith() throws Exception {
        CeilingSearch.Result result = new CeilingSearch(brief.withRate(4).withSeconds(2), 2, 8, System.err).run();

        CeilingSearch.Step first = result.steps().get(0);
        assertThat(first.rate()).isEqualTo(4);
        assertThat(first.sent()).isEqualTo(8);
        assertThat(first.answered202()).isEqualTo(8);
        assertThat(first.searchable().getTotalCount()).isEqualTo(8);
        assertThat(first.cpu().benchMillis()).isPositive();
        // what its searchable probe cost Elasticsearch is part of the stack's CPU, never more
        assertThat(first.cpu().probeMillis()).isBetween(0.0, first.cpu().stackMillis());
        // a step kept up with leads to the next, until the highest rate asked for
        assertThat(result.steps()).hasSize(first.keptUp() ? 2 : 1);
        assertThat(result.ceiling()).isEqualTo(result.steps().stream().filter(CeilingSearch.Step::keptUp)
                .mapToDouble(CeilingSearch.Step::rate).max().orElse(0));
        assertThat(result.table()).contains("| 4 | 8 / 8 / 0 · ", String.format("| ceiling | %.0f petitions/s |", result.ceiling()));
    }
}
