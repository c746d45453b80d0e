package io.langnghe.ingest.publicread;

import io.langnghe.ingest.limits.RateLimits;
import io.langnghe.ingest.problem.Problem;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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

    @Get(produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> list(HttpRequest<?> request) {
        rateLimits.checkAddress(request);
        Map<String, String> query = new HashMap<>();
        PublicRequests.PARAMETERS.forEach(name -> request.getParameters().getFirst(name).ifPresent(value -> query.put(name, value)));
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
}
