package io.langnghe.search.clusters;

import io.langnghe.access.Caller;
import io.langnghe.access.Roles;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.time.Instant;

/**
 * {@code GET /api/clusters}: the issues with the most open reports, for the leader's dashboard. An
 * officer gets the same list counted over the department's own cases. The reports of one issue are
 * {@code GET /api/cases?cluster=}.
 */
@Controller("/api/clusters")
@Secured({Roles.LEADER, Roles.OFFICER})
@ExecuteOn(TaskExecutors.BLOCKING)
public class ClusterController {

    private final ClusterReader clusters;

    public ClusterController(ClusterReader clusters) {
        this.clusters = clusters;
    }

    @Get
    public ClusterSizes largest(Authentication authentication) {
        return clusters.largest(Caller.of(authentication).departmentScope(), Instant.now());
    }
}
