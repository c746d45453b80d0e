package io.langnghe.ingest.similar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.ingest.intake.FeedbackForm;
import io.langnghe.ingest.intake.IntakeLimits;
import io.langnghe.ingest.limits.RateLimits;
import io.langnghe.ingest.problem.FieldError;
import io.langnghe.ingest.problem.Problem;
import io.langnghe.text.VietnameseText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.langnghe.access.Roles;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /api/similar?area=&text=&size=}: open cases of the area that look like what is being
 * written, so a resident or an operator can follow one instead of filing again. Answered by
 * search-service with the caller's Authorization passed on: anyone gets status and public answer,
 * an OPERATOR also the first words of the text.
 */
@Controller("/api/similar")
@Secured(SecurityRule.IS_ANONYMOUS)
public class SimilarController {

    static final int MAX_SIZE = 10;

    private final SearchProxy search;
    private final Taxonomy taxonomy;
    private final IntakeLimits limits;
    private final RateLimits rateLimits;

    public SimilarController(SearchProxy search, Taxonomy taxonomy, IntakeLimits limits, RateLimits rateLimits) {
        this.search = search;
        this.taxonomy = taxonomy;
        this.limits = limits;
        this.rateLimits = rateLimits;
    }

    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> similar(@Nullable @QueryValue String area, @Nullable @QueryValue String text,
                                   @Nullable @QueryValue String size,
                                   @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
                                   @Nullable Authentication caller,
                                   HttpRequest<?> request) {
        // Operators look up every call they take; residents are limited per address.
        if (caller == null || !caller.getRoles().contains(Roles.OPERATOR)) {
            rateLimits.checkAddress(request);
        }
        List<FieldError> errors = new ArrayList<>();
        String areaCode = area == null ? "" : area.strip().toLowerCase(Locale.ROOT);
        if (!taxonomy.hasArea(areaCode)) {
            errors.add(new FieldError("area", "unknown", "Hãy chọn tổ dân phố (ví dụ tdp-05).", "Please choose a tổ dân phố (e.g. tdp-05)."));
        }
        String words = text == null ? "" : VietnameseText.normalize(text);
        if (words.isEmpty()) {
            errors.add(new FieldError("text", "required", "Cần nội dung để tìm vụ việc tương tự.", "Some text is needed to find similar cases."));
        } else if (FeedbackForm.codePoints(words) > limits.maxTextCodePoints()) {
            errors.add(FeedbackForm.tooLong("text", "Nội dung", "The text", limits.maxTextCodePoints()));
        }
        int count = size(size, errors);
        if (!errors.isEmpty()) {
            return Problem.invalidInput(errors).toResponse();
        }
        try {
            SearchProxy.Answer answer = search.similar(areaCode, words, count, authorization);
            if (answer.status() == 200 && answer.body() != null) {
                JsonNode body = authorization == null ? withoutOperatorFields(answer.body()) : answer.body();
                return HttpResponse.ok(body).header(HttpHeaders.CACHE_CONTROL, "no-store");
            }
            if (answer.status() == 401 || answer.status() == 403) {
                return Problem.of("unauthorized", "Phiên đăng nhập không hợp lệ / Session not valid", HttpStatus.UNAUTHORIZED,
                        "Vui lòng đăng nhập lại. / Please sign in again.").toResponse();
            }
        } catch (SearchProxy.SearchUnavailableException e) {
            // answered below
        }
        return Problem.of("similar-unavailable", "Tạm thời không tìm được vụ việc tương tự / Similar cases temporarily unavailable",
                        HttpStatus.SERVICE_UNAVAILABLE, "Bạn vẫn có thể gửi kiến nghị. / You can still send the petition.")
                .toResponse()
                .header(HttpHeaders.RETRY_AFTER, "30");
    }

    private static int size(String size, List<FieldError> errors) {
        if (size == null || size.isBlank()) {
            return 5;
        }
        try {
            int value = Integer.parseInt(size.strip());
            if (value >= 1 && value <= MAX_SIZE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError("size", "out_of_range", "size phải từ 1 đến " + MAX_SIZE + ".", "size must be 1 to " + MAX_SIZE + "."));
        return 0;
    }

    /** Anonymous callers never see an operator's fields, whatever search-service answers. */
    private static JsonNode withoutOperatorFields(JsonNode body) {
        JsonNode copy = body.deepCopy();
        JsonNode items = copy.isArray() ? copy : copy.path("items");
        items.forEach(item -> {
            if (item instanceof ObjectNode object) {
                object.remove(List.of("snippet", "caseId", "text", "contact"));
            }
        });
        return copy;
    }
}
