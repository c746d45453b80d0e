package io.langnghe.search.export;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.langnghe.access.Roles;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.search.cases.CaseQuery;
import io.langnghe.search.cases.SearchParameters;
import io.langnghe.search.index.CaseDocument;
import io.langnghe.search.index.ElasticsearchSettings;
import io.langnghe.search.problem.FieldError;
import io.langnghe.search.problem.Problem;
import io.langnghe.search.problem.ProblemException;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static io.langnghe.search.index.CaseFields.BATCH_ID;
import static io.langnghe.search.index.CaseFields.CASE_ID;
import static io.langnghe.search.index.CaseFields.CREATED_AT;
import static io.langnghe.search.index.Elastic.ask;

/**
 * The period's cases as a report for the leader: {@code GET /api/export?from=&to=&format=csv|xlsx},
 * oldest first, read with search_after so no page limit applies; and the report of a voter-contact
 * meeting ({@code GET /api/export/batch/{batchId}}). Without contacts.
 */
@Controller("/api/export")
@Secured(Roles.LEADER)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ExportController {

    static final int MAX_ROWS = 50_000;
    static final int MAX_BATCH_ID = 200;
    private static final int BATCH = 1_000;
    private static final MediaType XLSX = MediaType.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ElasticsearchClient client;
    private final String alias;
    private final Taxonomy taxonomy;
    private final ZoneId wardZone;

    public ExportController(ElasticsearchClient client, ElasticsearchSettings settings, Taxonomy taxonomy,
                            @Value("${langnghe.time-zone:Asia/Ho_Chi_Minh}") String wardZone) {
        this.client = client;
        this.alias = settings.casesIndex().alias();
        this.taxonomy = taxonomy;
        this.wardZone = ZoneId.of(wardZone);
    }

    @Get
    public HttpResponse<byte[]> export(@Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                       @Nullable @QueryValue String format) {
        String kind = format(format);
        CaseQuery period = new SearchParameters(null, null, null, null, null, from, to, null, null).check(taxonomy, wardZone);
        Instant end = period.to() != null ? period.to() : Instant.now();
        Instant start = period.from() != null ? period.from() : end.minus(Duration.ofDays(30));
        List<ExportRow> rows = read(start, end);
        String name = "langnghe-" + LocalDate.ofInstant(start, wardZone) + "-" + LocalDate.ofInstant(end.minusMillis(1), wardZone);
        byte[] body = kind.equals("csv") ? Csv.write(ExportRow.HEADER, rows) : Spreadsheet.write("Phản ánh", ExportRow.HEADER, rows);
        return HttpResponse.ok(body)
                .contentType(kind.equals("csv") ? MediaType.of("text/csv; charset=utf-8") : XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + name + "." + kind + "\"");
    }

    /**
     * The report of answers to a voter-contact meeting: every petition filed with that batch, with
     * its status and the ward's answer, oldest first. For the leaders and the deputies (HĐND) who
     * report back to the voters.
     */
    @Get("/batch/{batchId}")
    @Secured({Roles.LEADER, Roles.DEPUTY})
    public HttpResponse<byte[]> meetingReport(String batchId, @Nullable @QueryValue String format) {
        String kind = format(format);
        String batch = batchId == null ? "" : batchId.strip();
        if (batch.isEmpty() || batch.length() > MAX_BATCH_ID) {
            throw new ProblemException(Problem.invalidInput(List.of(new FieldError("batchId", "out_of_range",
                    "Mã đợt tiếp nhận phải có từ 1 đến " + MAX_BATCH_ID + " ký tự.", "The batch id must have 1 to " + MAX_BATCH_ID + " characters."))));
        }
        List<ExportRow> rows = read(Query.of(q -> q.term(t -> t.field(BATCH_ID).value(batch))),
                doc -> MeetingReportRow.of(doc, taxonomy, wardZone));
        if (rows.isEmpty()) {
            throw new ProblemException(Problem.batchNotFound());
        }
        // The file name is the batch id with anything outside [A-Za-z0-9._-] replaced: it goes into a header.
        String name = "langnghe-dot-" + batch.replaceAll("[^A-Za-z0-9._-]", "_");
        byte[] body = kind.equals("csv") ? Csv.write(MeetingReportRow.HEADER, rows)
                : Spreadsheet.write("Trả lời cử tri", MeetingReportRow.HEADER, rows);
        return HttpResponse.ok(body)
                .contentType(kind.equals("csv") ? MediaType.of("text/csv; charset=utf-8") : XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + name + "." + kind + "\"");
    }

    private static String format(String format) {
        String kind = format == null || format.isBlank() ? "xlsx" : format.strip();
        if (!kind.equals("csv") && !kind.equals("xlsx")) {
            throw new ProblemException(Problem.invalidInput(List.of(new FieldError("format", "unknown_code",
                    "Định dạng là 'xlsx' hoặc 'csv'.", "The format is 'xlsx' or 'csv'."))));
        }
        return kind;
    }

    private List<ExportRow> read(Instant start, Instant end) {
        return read(Query.of(q -> q.range(r -> r.date(d -> d.field(CREATED_AT).gte(start.toString()).lt(end.toString())))),
                ExportRow::of);
    }

    private List<ExportRow> read(Query query, Function<CaseDocument, ExportRow> row) {
        List<ExportRow> rows = new ArrayList<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> cursor = after;
            SearchResponse<CaseDocument> page = ask(() -> client.search(s -> {
                s.index(alias)
                        .size(BATCH)
                        .trackTotalHits(t -> t.enabled(true))
                        .query(query)
                        .sort(o -> o.field(f -> f.field(CREATED_AT).order(SortOrder.Asc)))
                        .sort(o -> o.field(f -> f.field(CASE_ID).order(SortOrder.Asc)));
                if (cursor != null) {
                    s.searchAfter(cursor);
                }
                return s;
            }, CaseDocument.class));
            if (cursor == null && page.hits().total() != null && page.hits().total().value() > MAX_ROWS) {
                throw new ProblemException(Problem.invalidInput(List.of(new FieldError("from", "too_many",
                        "Khoảng thời gian có hơn " + MAX_ROWS + " phản ánh; hãy chọn khoảng ngắn hơn.",
                        "The period holds more than " + MAX_ROWS + " petitions; choose a shorter one."))));
            }
            List<Hit<CaseDocument>> hits = page.hits().hits();
            hits.stream().map(Hit::source).filter(java.util.Objects::nonNull).map(row).forEach(rows::add);
            if (hits.size() < BATCH) {
                return rows;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }
}
