package io.langnghe.search.dashboard;

import io.langnghe.access.Roles;
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

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** The leader dashboard's API: what came in over a period, and which departments are late now. */
@Controller("/api")
@Secured(Roles.LEADER)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DashboardController {

    static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    static final Duration LONGEST_PERIOD = Duration.ofDays(3 * 366);

    private final DashboardReader dashboard;
    private final Taxonomy taxonomy;
    private final ZoneId wardZone;

    public DashboardController(DashboardReader dashboard, Taxonomy taxonomy,
                               @Value("${langnghe.time-zone:Asia/Ho_Chi_Minh}") String wardZone) {
        this.dashboard = dashboard;
        this.taxonomy = taxonomy;
        this.wardZone = ZoneId.of(wardZone);
    }

    /** {@code from} and {@code to} as in search (a day or an instant); by default the 30 days up to the end of this minute. */
    @Get("/trends")
    public Trends trends(@Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        Period period = period(from, to);
        return dashboard.trends(period.from(), period.to(), wardZone);
    }

    /** The chosen period, as trends reads it: by default the 30 days up to the end of this minute, a year at most. */
    private Period period(String from, String to) {
        CaseQuery typed = new SearchParameters(null, null, null, null, null, from, to, null, null).check(taxonomy, wardZone);
        Instant end = typed.to() != null ? typed.to() : DashboardClock.endOfMinute(Instant.now());
        Instant start = typed.from() != null ? typed.from() : end.minus(DEFAULT_PERIOD);
        if (!start.isBefore(end)) {
            start = end.minus(DEFAULT_PERIOD);
        }
        // One bucket per day: a longer period would be a chart nobody reads, and heavy to compute.
        if (Duration.between(start, end).compareTo(LONGEST_PERIOD) > 0) {
            throw new ProblemException(Problem.invalidInput(List.of(new FieldError("from", "period_too_long",
                    "Khoảng thời gian dài nhất là " + LONGEST_PERIOD.toDays() + " ngày.",
                    "The longest period is " + LONGEST_PERIOD.toDays() + " days."))));
        }
        return new Period(start, end);
    }

    private record Period(Instant from, Instant to) {
    }

    /** The last 7 days against the 90 before them. */
    @Get("/trends/emerging")
    public EmergingWords emerging() {
        return dashboard.emergingWords(DashboardClock.endOfMinute(Instant.now()));
    }

    /**
     * Open and overdue cases now, whenever they came; answered, on time, times and satisfaction of the
     * cases received in the period ({@code from}, {@code to} as for trends).
     */
    @Get("/departments/performance")
    public DepartmentPerformance performance(@Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        Period period = period(from, to);
        return dashboard.performance(DashboardClock.startOfMinute(Instant.now()), period.from(), period.to());
    }
}
