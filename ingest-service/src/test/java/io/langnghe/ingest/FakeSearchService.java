package io.langnghe.ingest;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers {@code GET /fake-search/api/track/{code}} the way search-service's TrackingController does
 * (its JSON shape, and its 404 problem for an unknown code), for the cases a test registered. Point
 * {@code langnghe.search-url} at {@code <this server>/fake-search}. search-service is another
 * deployable; Kafka and Elasticsearch are never faked.
 */
@Controller("/fake-search/api/track")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "langnghe.test.fake-search", value = "true")
public class FakeSearchService {

    private static final Map<String, String> VIEWS = new ConcurrentHashMap<>();

    /** From now on the code is answered with this TrackingView JSON. */
    public static void knows(String trackingCode, String trackingViewJson) {
        VIEWS.put(trackingCode, trackingViewJson);
    }

    @Get(value = "/{code}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> track(String code) {
        String view = VIEWS.get(code);
        if (view == null) {
            return HttpResponse.<String>status(HttpStatus.NOT_FOUND).contentType("application/problem+json").body("""
                    {"type":"urn:langnghe:problem:tracking-code-not-found","title":"Không tìm thấy mã tra cứu / Tracking code not found","status":404}""");
        }
        return HttpResponse.ok(view);
    }
}
