package io.langnghe.ingest.publicread;

import io.langnghe.ingest.limits.RateLimits;
import io.langnghe.ingest.problem.Problem;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code GET /api/public/requests?status=&category=&area=&from=&to=&ids=&page=&size=}: the ward's
 * petitions as anyone may read them (the page of answered petitions uses it), read through to
 * search-service, which checks the parameters and masks the text. Limited per address.
 */
@Controller("/api/public/requests")
@Secured(SecurityRule.IS_ANONYMOUS)
public class PublicRequestsController {

    private final PublicRequests publicRequests;
    private final RateLimits rateLimits;

    public PublicRequestsController(PublicRequests publicRequests, RateLimits rateLimits) {
        this.publicRequests = publicRequests;
        this.rateLimits = rateLimits;
    }

    /**
     * @param status   comma-separated case statuses, e.g. answered,resolved,closed
     * @param category comma-separated category codes
     * @param area     comma-separated tổ dân phố codes
     * @param from     received at or after: an ISO date-time with offset, or a day
     * @param to       received before: an ISO date-time with offset, or a day (the whole day)
     * @param ids      comma-separated public ids, at most 100
     * @param page     from 0
     * @param size     1 to 1000, 20 when absent
     */
    @Get(uri = "{?status,category,area,from,to,ids,page,size}", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> list(@Nullable @QueryValue String status, @Nullable @QueryValue String category,
                                @Nullable @QueryValue String area, @Nullable @QueryValue String from,
                                @Nullable @QueryValue String to, @Nullable @QueryValue String ids,
                                @Nullable @QueryValue String page, @Nullable @QueryValue String size,
                                HttpRequest<?> request) {
        rateLimits.checkAddress(request);
        Map<String, String> query = new HashMap<>();
        put(query, "status", status);
        put(query, "category", category);
        put(query, "area", area);
        put(query, "from", from);
        put(query, "to", to);
        put(query, "ids", ids);
        put(query, "page", page);
        put(query, "size", size);
        try {
            PublicRequests.Answer answer = publicRequests.list(query);
            if (answer.ok()) {
                return HttpResponse.ok(answer.body()).header(HttpHeaders.CACHE_CONTROL, "public, max-age=30");
            }
            if (answer.status() == 400 && answer.body() != null) {
                // search-service's problem names each bad parameter: passed on as it is
                return HttpResponse.badRequest(answer.body()).contentType(Problem.MEDIA_TYPE);
            }
        } catch (PublicRequests.PublicRequestsUnavailableException e) {
            // answered below
        }
        return Problem.of("public-requests-unavailable", "Tạm thời không xem được danh sách / List temporarily unavailable",
                        HttpStatus.SERVICE_UNAVAILABLE, "Vui lòng thử lại sau ít phút. / Please try again in a few minutes.")
                .toResponse()
                .header(HttpHeaders.RETRY_AFTER, "30");
    }

    private static void put(Map<String, String> query, String name, String value) {
        if (value != null) {
            query.put(name, value);
        }
    }
}
