package io.langnghe.ingest.web;

import io.langnghe.contracts.taxonomy.AreaInfo;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.List;

/** {@code GET /api/areas}: the ward's tổ dân phố, in Vietnamese and English, for the resident form. Public. */
@Controller("/api/areas")
@Secured(SecurityRule.IS_ANONYMOUS)
public class AreasController {

    private final List<AreaInfo> areas;

    public AreasController(Taxonomy taxonomy) {
        this.areas = List.copyOf(taxonomy.areas());
    }

    @Get
    public HttpResponse<List<AreaInfo>> areas() {
        // Configuration changes only with a restart: browsers may keep the list for an hour.
        return HttpResponse.ok(areas).header("Cache-Control", "public, max-age=3600");
    }
}
