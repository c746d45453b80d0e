package io.langnghe.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langnghe.contracts.Json;
import io.micronaut.http.HttpRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
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
 * {@code POST /fake-search/api/track/{code}/rating} (remembering the rating), {@code GET /fake-search/api/similar}
 * as its similar-cases endpoint does (snippets only for a bearer token, the Authorization it received
 * remembered), {@code POST /fake-search/login}, and {@code GET /fake-search/api/public/requests} over
 * the items a test listed. Point
 * {@code langnghe.search-url} at {@code <this server>/fake-search}. search-service is another
 * deployable; Kafka and Elasticsearch are never faked.
 */
@Controller("/fake-search")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "langnghe.test.fake-search", value = "true")
public class FakeSearchService {

    /** The tracking code of the one open look-alike case in tdp-05 (a valid code, so it can be attached to). */
    public static final String SIMILAR_CODE = TrackingCode.generate().display();
    public static final String SIMILAR_PUBLIC_ID = java.util.UUID.randomUUID().toString();

    private static final Map<String, String> VIEWS = new ConcurrentHashMap<>();
    private static final Map<String, String> SEEN = new ConcurrentHashMap<>();
    private static final Map<String, byte[]> PHOTOS = new ConcurrentHashMap<>();

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
        // as search-service answers: the tracking code only to staff, the public id to anyone
        String operatorFields = authorization != null && authorization.startsWith("Bearer ")
                ? ",\"trackingCode\":\"" + SIMILAR_CODE + "\",\"snippet\":\"Cống thoát nước ngõ 5 bị tắc từ tuần trước\",\"caseId\":\"c-42\"" : "";
        return HttpResponse.ok("""
                {"items":[{"publicId":"%s","category":{"code":"moi_truong","vi":"Môi trường","en":"Environment"},\
                "status":"in_progress","createdAt":"2026-11-20T08:00:00Z","publicAnswer":null%s}]}""".formatted(SIMILAR_PUBLIC_ID, operatorFields));
    }

    /** The X-Forwarded-For of the last login ("" when none): whom search-service would limit and audit. */
    public static String lastLoginForwardedFor() {
        return SEEN.getOrDefault("login-forwarded-for", "");
    }

    @Post(value = "/login", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> login(@Body Map<String, String> credentials,
                                      @Nullable @Header("X-Forwarded-For") String forwardedFor) {
        SEEN.put("login-forwarded-for", forwardedFor == null ? "" : forwardedFor);
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

    /** From now on the answer of the code has this PNG photo of proof under the reference. */
    public static void showsPhoto(String trackingCode, String ref, byte[] png) {
        PHOTOS.put(trackingCode + "/" + ref, png);
    }

    @Get(value = "/api/track/{code}/photos/{ref}")
    public HttpResponse<?> answerPhoto(String code, String ref) {
        byte[] photo = PHOTOS.get(code + "/" + ref);
        if (photo == null) {
            return HttpResponse.status(HttpStatus.NOT_FOUND).contentType("application/problem+json").body(
                    "{\"type\":\"urn:langnghe:problem:photo-not-found\",\"title\":\"Không tìm thấy ảnh / Photo not found\",\"status\":404}");
        }
        return HttpResponse.ok(photo).contentType(MediaType.IMAGE_PNG_TYPE);
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
        // as search-service: a "not fixed" reopens at once only with the phone's proof
        boolean reopens = rating.contains("\"fixed\":false") && rating.contains("\"proof\"");
        return HttpResponse.<String>status(HttpStatus.ACCEPTED).body("""
                {"commandId":"cmd-1","trackingCode":"%s","reopens":%s}""".formatted(code, reopens));
    }

    private static final List<ObjectNode> PUBLIC = new CopyOnWriteArrayList<>();

    /** The query string of the last public-list request ("" when none). */
    public static String lastPublicQuery() {
        return SEEN.getOrDefault("public", "");
    }

    /**
     * From now on the public list holds this item (search-service's PublicRequest JSON, text already
     * masked), newest registered first, filtered as search-service filters: status, category, area,
     * ids, and from/to on receivedAt.
     */
    public static void lists(String publicRequestJson) {
        try {
            PUBLIC.add(0, (ObjectNode) Json.mapper().readTree(publicRequestJson));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(value = "/api/public/requests", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> publicRequests(HttpRequest<?> request) {
        var parameters = request.getParameters();
        SEEN.put("public", request.getUri().getRawQuery() == null ? "" : request.getUri().getRawQuery());
        Function<String, Set<String>> set = name -> parameters.getFirst(name)
                .map(v -> Set.of(v.split(","))).orElse(Set.of());
        Set<String> ids = set.apply("ids");
        Instant from = parameters.getFirst("from").map(Instant::parse).orElse(Instant.MIN);
        Instant to = parameters.getFirst("to").map(Instant::parse).orElse(Instant.MAX);
        int size = parameters.getFirst("size").map(Integer::parseInt).orElse(20);
        List<JsonNode> items = PUBLIC.stream()
                .filter(i -> set.apply("status").isEmpty() || set.apply("status").contains(i.path("status").asText()))
                .filter(i -> set.apply("category").isEmpty() || set.apply("category").contains(i.path("category").path("code").asText()))
                .filter(i -> set.apply("area").isEmpty() || set.apply("area").contains(i.path("area").path("code").asText()))
                .filter(i -> ids.isEmpty() || ids.contains(i.path("publicId").asText()))
                .filter(i -> {
                    Instant received = Instant.parse(i.path("receivedAt").asText());
                    return !received.isBefore(from) && received.isBefore(to);
                })
                .limit(size)
                .map(i -> (JsonNode) i)
                .toList();
        ObjectNode page = Json.mapper().createObjectNode();
        page.putArray("items").addAll(items);
        page.put("page", 0).put("size", size).put("total", items.size());
        return HttpResponse.ok(page.toString());
    }
}
