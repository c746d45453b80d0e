package io.langnghe.search.publicread;

import io.langnghe.access.ClientAddress;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.time.ZoneId;
import java.util.OptionalLong;

/**
 * The ward's petitions as anyone may read them: for residents (the page of answered petitions) and
 * civic apps (Open311, answered by ingest-service from here). Anonymous, limited per address, paged;
 * only public fields, the text masked.
 */
@Controller("/api/public/requests")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class PublicRequestController {

    private final PublicRequestReader reader;
    private final PublicReadLimits limits;
    private final Taxonomy taxonomy;
    private final ZoneId wardZone;
    private final ClientAddress clientAddress;

    public PublicRequestController(PublicRequestReader reader, PublicReadLimits limits, Taxonomy taxonomy,
                                   @Value("${langnghe.time-zone:Asia/Ho_Chi_Minh}") String wardZone, ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
        this.reader = reader;
        this.limits = limits;
        this.taxonomy = taxonomy;
        this.wardZone = ZoneId.of(wardZone);
    }

    @Operation(summary = "Public list of petitions, recently changed first",
            description = "Anonymous and limited per address. status, category and area are comma-separated codes; "
                    + "from/to bound the time received (ISO date-time with offset, or a day); ids are public ids "
                    + "(at most 100); size at most 1000. Only public fields; text and answer have phone numbers, "
                    + "e-mail addresses, identity numbers and introduced names masked.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PublicRequestPage.class)))
    @ApiResponse(responseCode = "400", description = "a parameter is wrong (problem+json lists each one)")
    @ApiResponse(responseCode = "429", description = "too many reads from this address; see Retry-After")
    @Get("{?status,category,area,from,to,ids,page,size}")
    public HttpResponse<?> list(@RequestBean PublicRequestParameters parameters, HttpRequest<?> request) {
        OptionalLong wait = limits.secondsToWait(clientAddress.of(request));
        if (wait.isPresent()) {
            return PublicReadLimits.tooMany(wait.getAsLong());
        }
        PublicRequestParameters.Query query = parameters.check(taxonomy, wardZone);
        PublicRequestReader.Found found = reader.find(query);
        PublicRequestPage page = new PublicRequestPage(
                found.cases().stream().map(doc -> PublicRequest.of(doc, taxonomy)).toList(),
                query.page(), query.size(), found.total());
        return HttpResponse.ok(page).header(HttpHeaders.CACHE_CONTROL, "public, max-age=30");
    }
}
