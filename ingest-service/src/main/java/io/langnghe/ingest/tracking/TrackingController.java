package io.langnghe.ingest.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.ingest.intake.JsonBody;
import io.langnghe.ingest.limits.RateLimits;
import io.langnghe.ingest.problem.FieldError;
import io.langnghe.ingest.problem.Problem;
import io.langnghe.ingest.web.LimitedBody;
import io.langnghe.photos.PhotoStore;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.InputStream;
import java.util.List;

/**
 * {@code GET /api/track/{code}}: where a petition stands, for anyone holding its tracking code. Public.
 * A mistyped code (the check symbol catches it) is answered 400 without asking search-service.
 * The resident's rating of the answer goes through here too, under the same per-address limit.
 */
@Controller("/api/track")
@Secured(SecurityRule.IS_ANONYMOUS)
public class TrackingController {

    // Three fields and a comment of at most 1000 characters (4 bytes each at most in UTF-8).
    static final long MAX_RATING_BYTES = 8192;

    private final SearchTracking search;
    private final RateLimits rateLimits;

    public TrackingController(SearchTracking search, RateLimits rateLimits) {
        this.search = search;
        this.rateLimits = rateLimits;
    }

    @Get("/{code}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> track(String code, HttpRequest<?> request) {
        // Limited per address: codes carry 45 random bits, and nobody gets to try them quickly.
        rateLimits.checkAddress(request);
        TrackingCode parsed = TrackingCode.parse(code).orElse(null);
        if (parsed == null) {
            return mistyped();
        }
        try {
            return search.find(parsed)
                    .<HttpResponse<?>>map(status -> HttpResponse.ok(status).header(HttpHeaders.CACHE_CONTROL, "no-store"))
                    .orElseGet(() -> Problem.of("tracking-code-not-found", "Không tìm thấy mã tra cứu / Tracking code not found",
                            HttpStatus.NOT_FOUND,
                            "Vui lòng kiểm tra lại mã. Kiến nghị vừa gửi có thể cần vài giây mới tra cứu được. "
                                    + "/ Please check the code. A petition just sent may take a few seconds to appear.")
                            .toResponse());
        } catch (TrackingUnavailableException e) {
            return unavailable();
        }
    }

    /**
     * {@code GET /api/track/{code}/photos/{ref}}: a photo of the ward's proof attached to the answer, under
     * the same per-address limit. Only the answer's photos: search-service refuses any other reference.
     */
    @Get("/{code}/photos/{ref}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> answerPhoto(String code, String ref, HttpRequest<?> request) {
        rateLimits.checkAddress(request);
        TrackingCode parsed = TrackingCode.parse(code).orElse(null);
        if (parsed == null) {
            return mistyped();
        }
        if (!PhotoStore.REFERENCE.matcher(ref).matches()) {
            return photoNotFound();
        }
        try {
            return search.answerPhoto(parsed, ref)
                    .<HttpResponse<?>>map(photo -> HttpResponse.ok(photo.bytes()).contentType(photo.contentType())
                            .header(HttpHeaders.CACHE_CONTROL, "public, max-age=86400")
                            .header("X-Content-Type-Options", "nosniff"))
                    .orElseGet(TrackingController::photoNotFound);
        } catch (TrackingUnavailableException e) {
            return unavailable();
        }
    }

    private static HttpResponse<?> photoNotFound() {
        return Problem.of("photo-not-found", "Không tìm thấy ảnh / Photo not found", HttpStatus.NOT_FOUND,
                "Câu trả lời của phường không có ảnh này. / The ward's answer has no such photo.").toResponse();
    }

    /**
     * {@code POST /api/track/{code}/rating}: the resident rates the ward's answer ({@code stars} 1-5,
     * {@code fixed}, optional {@code comment}, and {@code proof}: the last 4 digits of the phone given
     * with the petition). search-service checks it and answers 202 once Kafka holds
     * it; its refusals (400, 404, 409) are passed on as they are.
     */
    @Post(value = "/{code}/rating", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> rate(String code, @Nullable @Body InputStream body, HttpRequest<?> request) {
        rateLimits.checkAddress(request);
        TrackingCode parsed = TrackingCode.parse(code).orElse(null);
        if (parsed == null) {
            return mistyped();
        }
        JsonNode rating = JsonBody.readObject(LimitedBody.read(body, MAX_RATING_BYTES), MAX_RATING_BYTES);
        // Only the fields of a rating (and the proof) travel on; anything else a client adds stays here.
        ObjectNode forwarded = JsonNodeFactory.instance.objectNode();
        for (String field : List.of("stars", "comment", "fixed", "proof")) {
            if (rating.has(field)) {
                forwarded.set(field, rating.get(field));
            }
        }
        try {
            SearchTracking.RatingAnswer answer = search.rate(parsed, forwarded);
            MutableHttpResponse<?> response = HttpResponse.status(HttpStatus.valueOf(answer.status())).body(answer.body())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store");
            return answer.status() >= 400 ? response.contentType(Problem.MEDIA_TYPE) : response;
        } catch (TrackingUnavailableException e) {
            return unavailable();
        }
    }

    private static HttpResponse<?> mistyped() {
        return Problem.invalidInput(List.of(new FieldError("code", "mistyped",
                "Mã tra cứu không đúng; hãy kiểm tra lại từng ký tự (dạng XXXX-XXXX-XX).",
                "This tracking code is not valid; please check each character (format XXXX-XXXX-XX)."))).toResponse();
    }

    private static HttpResponse<?> unavailable() {
        return Problem.of("tracking-unavailable", "Tạm thời không tra cứu được / Tracking temporarily unavailable",
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Vui lòng thử lại sau ít phút. / Please try again in a few minutes.")
                .toResponse()
                .header(HttpHeaders.RETRY_AFTER, "30");
    }
}
