package io.langnghe.search.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.langnghe.contracts.Alert;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.DeadlineState;
import io.langnghe.contracts.Rating;
import io.langnghe.contracts.Risk;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.Classification;
import io.langnghe.contracts.HistoryEntry;
import io.langnghe.contracts.IssueState;
import io.langnghe.contracts.Json;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.search.cases.CaseQuery;
import io.langnghe.search.cases.CaseReader;
import io.langnghe.search.clusters.ClusterReader;
import io.langnghe.search.dashboard.DashboardClock;
import io.langnghe.search.dashboard.DashboardReader;
import io.langnghe.search.index.CaseDocument;
import io.langnghe.search.index.Elastic;
import io.langnghe.search.index.ElasticsearchSettings;
import io.langnghe.search.index.IndexSetup;
import io.langnghe.search.issues.IssueDocument;
import io.langnghe.search.issues.IssueReader;
import io.langnghe.search.issues.IssuesIndex;
import io.langnghe.search.queue.QueueReader;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Generates N cases (default 1,000,000) into a fresh index, with a scored issue for each of their
 * clusters in the issues index, then times the officer queue (ordered by the issues' current risk) and the
 * dashboard queries as the service runs them, and prints p50/p99. Arguments: [cases] [runs] [prefix];
 * ELASTICSEARCH_URL as the service; the index (prefix "bench" + time) is deleted at the end. Given a
 * prefix, the index is kept, and a later run with the same prefix times it again without generating.
 * The dashboard's queries are timed twice: computed (request cache emptied before each run) and as
 * a leader gets them within the same minute (answered from the request cache).
 */
public final class QueryBenchmark {

    private static final int BULK = 5_000;
    private static final String[] PHRASES = {
            "Cống thoát nước bị tắc, nước ngập", "Đèn đường hỏng, buổi tối rất tối", "Rác thải đổ bừa bãi ven đường",
            "Karaoke hát to quá nửa đêm", "Vỉa hè bị lấn chiếm bán hàng", "Đường bị sụt lún nguy hiểm",
            "Muỗi nhiều, lo sốt xuất huyết", "Nước máy có mùi lạ", "Cây đổ chắn ngang đường", "Xe máy đỗ chắn lối đi"};
    private static final String[] PLACES = {"ngõ 5", "ngõ 12", "đầu phố", "gần chợ", "cạnh trường học", "sau nhà văn hóa"};

    private QueryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        String url = System.getenv().getOrDefault("ELASTICSEARCH_URL", "http://127.0.0.1:9200");
        boolean keep = args.length > 2;
        String prefix = keep ? args[2] : "bench" + Long.toString(System.currentTimeMillis(), 36);
        ElasticsearchSettings settings = new ElasticsearchSettings(url, prefix, Duration.ofSeconds(5), Duration.ofMinutes(2));
        Taxonomy taxonomy = Taxonomy.loadDefault();
        try (RestClient rest = RestClient.builder(HttpHost.create(url))
                .setRequestConfigCallback(c -> c.setSocketTimeout(120_000)).build()) {
            ElasticsearchClient client = new ElasticsearchClient(
                    new RestClientTransport(rest, new JacksonJsonpMapper(Json.configure(new ObjectMapper()))));
            IndexSetup casesSetup = new IndexSetup(client, settings);
            casesSetup.ensure();
            new IndexSetup(client, IssuesIndex.of(settings), IssuesIndex.TEMPLATE_RESOURCE).ensure();
            String index = settings.casesIndex().current();
            try {
                long present = client.count(c -> c.index(index)).count();
                if (present < cases) {
                    load(client, casesSetup, IssuesIndex.of(settings).current(), cases, taxonomy);
                } else {
                    System.err.printf(Locale.ROOT, "timing the %,d cases already in %s%n", present, index);
                }
                measure(client, settings, taxonomy, runs);
            } finally {
                if (!keep) {
                    client.indices().delete(d -> d.index(index));
                    client.indices().deleteIndexTemplate(d -> d.name(settings.casesIndex().template()));
                    client.indices().delete(d -> d.index(IssuesIndex.of(settings).current()));
                    client.indices().deleteIndexTemplate(d -> d.name(IssuesIndex.of(settings).template()));
                }
            }
        }
    }

    private static void load(ElasticsearchClient client, IndexSetup casesSetup, String issuesIndex, int cases, Taxonomy taxonomy)
            throws Exception {
        String index = casesSetup.index().current();
        client.indices().putSettings(p -> p.index(index).settings(s -> s.refreshInterval(t -> t.time("-1"))));
        Random random = new Random(42);
        Instant now = Instant.now();
        long started = System.nanoTime();
        Map<String, CaseState> issues = new TreeMap<>();
        for (int from = 0; from < cases; from += BULK) {
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            for (int i = from; i < Math.min(cases, from + BULK); i++) {
                CaseState state = generate(i, random, now, taxonomy);
                if (state.clusterId() != null) {
                    issues.putIfAbsent(state.clusterId(), state);
                }
                bulk.operations(op -> op.index(x -> x.index(index).id(state.caseId())
                        .version(state.version()).versionType(VersionType.External).document(CaseDocument.of(state))));
            }
            BulkResponse response = client.bulk(bulk.build());
            if (response.errors()) {
                throw new IllegalStateException("bulk refused: " + response.items().stream()
                        .filter(it -> it.error() != null).findFirst().map(it -> it.error().reason()).orElse("?"));
            }
            int done = Math.min(cases, from + BULK);
            if (done % 50_000 == 0 || done == cases) {
                double seconds = (System.nanoTime() - started) / 1e9;
                System.err.printf(Locale.ROOT, "indexed %,d cases (%.0f/s)%n", done, done / seconds);
            }
        }
        loadIssues(client, issuesIndex, issues, random);
        casesSetup.refreshAsTemplated(index);
        client.indices().refresh(r -> r.index(index));
        client.indices().forcemerge(f -> f.index(index).maxNumSegments(5L));
    }

    /** One scored issue per cluster of the generated cases, as the early warning would have written it. */
    private static void loadIssues(ElasticsearchClient client, String issuesIndex, Map<String, CaseState> firstOfEach, Random random)
            throws Exception {
        List<IssueState> all = new ArrayList<>();
        firstOfEach.forEach((issueId, first) -> all.add(IssueState.started(issueId, "dong_son").changed(
                new Risk(random.nextInt(101), "watch", List.of(new Alert.Reason("duplicates", "nhiều người cùng báo", 30)), first.createdAt()),
                2 + random.nextInt(40), 2 + random.nextInt(30), first.department(), first.area(), first.category(), first.createdAt())));
        for (int from = 0; from < all.size(); from += BULK) {
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            for (IssueState issue : all.subList(from, Math.min(all.size(), from + BULK))) {
                bulk.operations(op -> op.index(x -> x.index(issuesIndex).id(issue.issueId())
                        .version(issue.version()).versionType(VersionType.External).document(IssueDocument.of(issue))));
            }
            if (client.bulk(bulk.build()).errors()) {
                throw new IllegalStateException("bulk of issues refused");
            }
        }
        client.indices().refresh(r -> r.index(issuesIndex));
        System.err.printf(Locale.ROOT, "indexed %,d issues%n", all.size());
    }

    private static CaseState generate(int i, Random random, Instant now, Taxonomy taxonomy) {
        Category category = Category.values()[random.nextInt(Category.values().length)];
        String department = taxonomy.defaultDepartmentFor(category);
        Instant created = now.minus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
        Instant due = created.plus(Duration.ofDays(3 + random.nextInt(12)));
        CaseStatus status = CaseStatus.values()[random.nextInt(CaseStatus.values().length)];
        List<HistoryEntry> history = new ArrayList<>();
        history.add(new HistoryEntry(1, created, "routing-streams", "routed", CaseStatus.ASSIGNED, null));
        if (status != CaseStatus.NEW && status != CaseStatus.ASSIGNED) {
            history.add(new HistoryEntry(2, created.plus(Duration.ofMinutes(30 + random.nextInt(3000))), "bench",
                    "acknowledge", CaseStatus.ACKNOWLEDGED, null));
            history.add(new HistoryEntry(3, created.plus(Duration.ofHours(24 + random.nextInt(400))), "bench",
                    status.code(), status, null));
        }
        String text = PHRASES[random.nextInt(PHRASES.length)] + " " + PLACES[random.nextInt(PLACES.length)]
                + ", tổ " + (1 + random.nextInt(20)) + ", lần " + i;
        String area = String.format("tdp-%02d", 1 + random.nextInt(20));
        // About a third of the cases are reports of an issue (one per area, category and week), 4 in 10 assessed,
        // 1 in 20 urgent, and half of the answered ones rated: the queue sorts and clusters count over these.
        String clusterId = random.nextInt(3) == 0
                ? "cluster-" + area + "-" + category.code() + "-" + created.getEpochSecond() / (7 * 86_400) : null;
        Risk risk = random.nextInt(10) < 4 ? new Risk(random.nextInt(101), "watch",
                List.of(new Alert.Reason("duplicates", "nhiều người cùng báo", 30)), created) : null;
        Rating rating = !status.isOpen() && random.nextBoolean()
                ? new Rating(1 + random.nextInt(5), null, random.nextBoolean(), created.plus(Duration.ofDays(5))) : null;
        return new CaseState(CaseState.SCHEMA_VERSION, "bench-" + i, history.size(),
                new CaseState.Petition(String.format("%010d", i), "fb-" + i, Channel.values()[random.nextInt(Channel.values().length)],
                        text, null, null, null, created, null, List.of()),
                CaseState.Assignment.of(area, new Classification(category, 0.8, List.of()), department),
                new CaseState.Clock(created, history.get(history.size() - 1).at(), due, DeadlineState.ON_TIME, random.nextInt(20) == 0,
                        false, 0),
                new CaseState.Assessment(clusterId, risk),
                new CaseState.Outcome(status, null, List.of(), rating),
                CaseState.Letter.NONE,
                history);
    }

    private static void measure(ElasticsearchClient client, ElasticsearchSettings settings, Taxonomy taxonomy, int runs) {
        CaseReader cases = new CaseReader(client, settings);
        QueueReader queue = new QueueReader(cases, new IssueReader(client, settings));
        DashboardReader dashboard = new DashboardReader(client, settings, taxonomy);
        ZoneId ward = ZoneId.of("Asia/Ho_Chi_Minh");
        List<String> departments = taxonomy.departments().stream().map(d -> d.code()).toList();
        Random random = new Random(7);
        time("officer queue (page 1, 20)", runs, () -> queue.read(query(null, 0), departments.get(random.nextInt(departments.size()))));
        time("officer queue + words", runs, () -> queue.read(query("cống tắc", 0), departments.get(random.nextInt(departments.size()))));
        time("search (leader, words)", runs, () -> cases.search(query("đèn đường hỏng", 0), java.util.Optional.empty()));
        // As the dashboard's controller asks them: "now" to the minute, so that the request cache can answer.
        Runnable uncached = () -> Elastic.ask(() -> client.indices().clearCache(c -> c.index(settings.casesIndex().alias()).request(true)));
        for (boolean cached : new boolean[] {false, true}) {
            String how = cached ? " (cached)" : "";
            Runnable before = cached ? () -> { } : uncached;
            time("trends, 30 days" + how, runs, before, () -> {
                Instant end = DashboardClock.endOfMinute(Instant.now());
                return dashboard.trends(end.minus(Duration.ofDays(30)), end, ward);
            });
            time("trends, 365 days" + how, runs, before, () -> {
                Instant end = DashboardClock.endOfMinute(Instant.now());
                return dashboard.trends(end.minus(Duration.ofDays(365)), end, ward);
            });
            time("department performance, 30 days" + how, runs, before, () -> {
                Instant end = DashboardClock.endOfMinute(Instant.now());
                return dashboard.performance(DashboardClock.startOfMinute(Instant.now()), end.minus(Duration.ofDays(30)), end);
            });
            time("department performance, 365 days" + how, runs, before, () -> {
                Instant end = DashboardClock.endOfMinute(Instant.now());
                return dashboard.performance(DashboardClock.startOfMinute(Instant.now()), end.minus(Duration.ofDays(365)), end);
            });
            time("emerging words" + how, runs, before, () -> dashboard.emergingWords(DashboardClock.endOfMinute(Instant.now())));
        }
        ClusterReader clusters = new ClusterReader(client, settings, taxonomy, new IssueReader(client, settings));
        time("clusters by size", runs, () -> clusters.largest(java.util.Optional.empty(), Instant.now()));
        time("clusters, one department", runs, () -> clusters.largest(
                java.util.Optional.of(departments.get(random.nextInt(departments.size()))), Instant.now()));
    }

    private static CaseQuery query(String text, int page) {
        return new CaseQuery(text, List.of(), List.of(), List.of(), List.of(), null, null, page, CaseQuery.DEFAULT_SIZE);
    }

    private static void time(String name, int runs, Supplier<?> query) {
        time(name, runs, () -> { }, query);
    }

    /** The machine's 1-minute load average (Linux), since the numbers mean little without it. */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException unknown) {
            return "?";
        }
    }

    /** @param beforeEach run before every timed call, not timed (e.g. emptying a cache) */
    private static void time(String name, int runs, Runnable beforeEach, Supplier<?> query) {
        for (int i = 0; i < Math.min(5, runs); i++) {
            query.get();
        }
        long[] micros = new long[runs];
        for (int i = 0; i < runs; i++) {
            beforeEach.run();
            long start = System.nanoTime();
            query.get();
            micros[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(micros);
        System.out.printf(Locale.ROOT, "%-37s p50 %7.1f ms   p99 %7.1f ms   max %7.1f ms  (%d runs, load %s)%n", name,
                micros[runs / 2] / 1000.0, micros[(int) Math.ceil(runs * 0.99) - 1] / 1000.0, micros[runs - 1] / 1000.0, runs,
                loadAverage());
    }
}
