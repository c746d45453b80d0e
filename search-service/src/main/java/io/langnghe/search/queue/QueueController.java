package io.langnghe.search.queue;

import io.langnghe.access.Caller;
import io.langnghe.access.Roles;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.search.cases.CaseQuery;
import io.langnghe.search.cases.SearchParameters;
import io.langnghe.search.problem.FieldError;
import io.langnghe.search.problem.Problem;
import io.langnghe.search.problem.ProblemException;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The officer's queue: the department's open cases, urgent first, then the riskiest now (a case of an
 * issue counts with its issue's current risk), then the one due soonest.
 */
@Controller("/api/queue")
@Secured(Roles.OFFICER)
@ExecuteOn(TaskExecutors.BLOCKING)
public class QueueController {

    private final QueueReader queue;
    private final Taxonomy taxonomy;
    private final ZoneId wardZone;

    public QueueController(QueueReader queue, Taxonomy taxonomy,
                           @Value("${langnghe.time-zone:Asia/Ho_Chi_Minh}") String wardZone) {
        this.queue = queue;
        this.taxonomy = taxonomy;
        this.wardZone = ZoneId.of(wardZone);
    }

    @Get
    public QueuePage queue(@Nullable @QueryValue String status, @Nullable @QueryValue String area,
                           @Nullable @QueryValue String category, @Nullable @QueryValue String q,
                           @Nullable @QueryValue String page, @Nullable @QueryValue String size,
                           Authentication authentication) {
        Caller caller = Caller.of(authentication);
        String department = caller.departmentScope()
                .orElseThrow(() -> new ProblemException(Problem.forbidden()));
        CaseQuery query = new SearchParameters(q, category, null, area, status, null, null, page, size).check(taxonomy, wardZone);
        List<CaseStatus> closed = query.statuses().stream().filter(s -> !s.isOpen()).toList();
        if (!closed.isEmpty()) {
            throw new ProblemException(Problem.invalidInput(List.of(new FieldError("status", "not_open",
                    "Hàng chờ chỉ có hồ sơ đang mở; '" + closed.get(0).code() + "' đã đóng. Hãy dùng tìm kiếm.",
                    "The queue holds open cases only; '" + closed.get(0).code() + "' is closed. Use search instead."))));
        }
        QueueReader.Lines lines = queue.read(query, department);
        Instant now = Instant.now();
        return new QueuePage(department,
                lines.found().cases().stream().map(doc -> QueueItem.of(doc, lines.issueOf(doc), taxonomy, now)).toList(),
                query.page(), query.size(), lines.found().total());
    }
}
