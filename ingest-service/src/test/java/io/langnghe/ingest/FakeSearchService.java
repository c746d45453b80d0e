package io.langnghe.ingest;

import io.langnghe.access.Roles;
import io.langnghe.contracts.TrackingCode;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.generator.TokenGenerator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers {@code GET /fake-search/api/track/{code}} the way search-service's TrackingController does
 * (its JSON shape, and its 404 problem for an unknown code), for the cases a test registered;
 * {@code POST /fake-search/api/track/{code}/rating} (remembering the rating), {@code GET /fake-search/api/similar} as its similar-cases endpoint does (snippets only for a bearer
 * token, the Authorization it received remembered), and {@code POST /fake-search/login}. Point
 * {@code langnghe.search-url} at {@code <this server>/fake-search}. search-service is another
 * deployable; Kafka and Elasticsearch are never faked.
 */
@Controller("/fake-search")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "langnghe.test.fake-search", value = "true")
public class FakeSearchService {

    /** The tracking code of the one open look-alike case in tdp-05 (a valid code, so it can be attached to). */
    public static final String SIMILAR_CODE = TrackingCode.generate().display();

    private static final Map<String, String> VIEWS = new ConcurrentHashMap<>();
    private static final Map<String, String> SEEN = new ConcurrentHashMap<>();

    private final TokenGenerator tokens;

    public FakeSearchService(TokenGenerator tokens) {
        this.tokens = tokens;
    }

    /** The Authorization header and query of the last similar-cases request ("" when none). */
    public static String lastSimilarAuthorization() {
        return SEEN.getOrDefault("authorization", "");
    }

    public static String lastSimilarQuery() {
        return SEEN.getOrDefault("query", "");
    }

    @Get(value = "/api/similar", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> similar(@QueryValue String area, @QueryValue String text, @QueryValue int size,
                                        @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        SEEN.put("authorization", authorization == null ? "" : authorization);
        SEEN.put("query", area + "|" + text + "|" + size);
        if (!area.equals("tdp-05")) {
            return HttpResponse.ok("{\"items\":[]}");
        }
        String operatorFields = authorization != null && authorization.startsWith("Bearer ")
                ? ",\"snippet\":\"Cống thoát nước ngõ 5 bị tắc từ tuần trước\",\"caseId\":\"c-42\"" : "";
        return HttpResponse.ok("""
                {"items":[{"trackingCode":"%s","category":{"code":"moi_truong","vi":"Môi trường","en":"Environment"},\
                "status":"in_progress","createdAt":"2026-11-20T08:00:00Z","publicAnswer":null%s}]}""".formatted(SIMILAR_CODE, operatorFields));
    }

    @Post(value = "/login", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> login(@Body Map<String, String> credentials) {
        if (!"tongdai".equals(credentials.get("username")) || !"langnghe-demo".equals(credentials.get("password"))) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED);
        }
        String token = tokens.generateToken(Authentication.build("tongdai", List.of(Roles.OPERATOR)), 3600).orElseThrow();
        return HttpResponse.ok("""
                {"username":"tongdai","roles":["OPERATOR"],"access_token":"%s","token_type":"Bearer","expires_in":3600}""".formatted(token));
    }

    /** From now on the code is answered with this TrackingView JSON. */
    public static void knows(String trackingCode, String trackingViewJson) {
        VIEWS.put(trackingCode, trackingViewJson);
    }

    @Get(value = "/api/track/{code}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> track(String code) {
        String view = VIEWS.get(code);
        if (view == null) {
            return HttpResponse.<String>status(HttpStatus.NOT_FOUND).contentType("application/problem+json").body("""
                    {"type":"urn:langnghe:problem:tracking-code-not-found","title":"Không tìm thấy mã tra cứu / Tracking code not found","status":404}""");
        }
        return HttpResponse.ok(view);
    }

    /** The body of the last rating received ("" when none). */
    public static String lastRating() {
        return SEEN.getOrDefault("rating", "");
    }

    /** Accepts a rating of a known code whose view says answered, resolved or closed; 409 for any other. */
    @Post(value = "/api/track/{code}/rating", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> rate(String code, @Body String rating) {
        String view = VIEWS.get(code);
        if (view == null || !view.matches("(?s).*\"status\":\"(answered|resolved|closed)\".*")) {
            return HttpResponse.<String>status(HttpStatus.CONFLICT).contentType("application/problem+json").body("""
                    {"type":"urn:langnghe:problem:not-yet-answered","title":"Chưa thể đánh giá / Not yet answered","status":409}""");
        }
        SEEN.put("rating", rating);
        return HttpResponse.<String>status(HttpStatus.ACCEPTED).body("""
                {"commandId":"cmd-1","trackingCode":"%s"}""".formatted(code));
    }
}
