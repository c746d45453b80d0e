package io.langnghe.ingest.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.util.List;

/**
 * An error answer as RFC 9457 {@code application/problem+json}. Title and detail carry Vietnamese
 * first, then English ("Dữ liệu không hợp lệ / Invalid input"); {@code errors} names each bad field.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(String slug, String title, HttpStatus status, String detail) {
        return new Problem("urn:langnghe:problem:" + slug, title, status.getCode(), detail, List.of());
    }

    public static Problem invalidInput(List<FieldError> errors) {
        return new Problem("urn:langnghe:problem:invalid-input", "Dữ liệu không hợp lệ / Invalid input",
                HttpStatus.BAD_REQUEST.getCode(),
                "Vui lòng sửa các trường được nêu rồi gửi lại. / Please correct the fields listed and send again.",
                List.copyOf(errors));
    }

    public MutableHttpResponse<Problem> toResponse() {
        return HttpResponse.<Problem>status(HttpStatus.valueOf(status)).contentType(MediaType.of(MEDIA_TYPE)).body(this);
    }
}
