package io.langnghe.search.tracking;

import io.langnghe.contracts.TrackingCode;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.search.cases.CaseReader;
import io.langnghe.search.problem.Problem;
import io.langnghe.search.problem.ProblemException;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** Residents follow their petition with the tracking code alone: no account, no personal data. */
@Controller("/api/track")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class TrackingController {

    private final CaseReader cases;
    private final Taxonomy taxonomy;

    public TrackingController(CaseReader cases, Taxonomy taxonomy) {
        this.cases = cases;
        this.taxonomy = taxonomy;
    }

    @Get("/{trackingCode}")
    public TrackingView track(String trackingCode) {
        return cases.byTrackingCode(TrackingCode.normalise(trackingCode))
                .map(doc -> TrackingView.of(doc, taxonomy))
                .orElseThrow(() -> new ProblemException(Problem.trackingCodeNotFound()));
    }
}
