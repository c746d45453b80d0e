package io.langnghe.routing.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;

import java.util.List;

/** An application/problem+json answer (RFC 9457), every message in Vietnamese and English. */
record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    record FieldError(String field, String message) {
    }

    static HttpResponse<Problem> invalid(String field, String vi, String en) {
        String message = vi + " / " + en;
        Problem problem = new Problem("about:blank", "Dữ liệu không hợp lệ / Invalid input", HttpStatus.BAD_REQUEST.getCode(),
                message, List.of(new FieldError(field, message)));
        return HttpResponse.<Problem>status(HttpStatus.BAD_REQUEST).contentType(PROBLEM_JSON).body(problem);
    }

    /** Several problems, each "field: vi / en". */
    static HttpResponse<Problem> invalid(List<String> problems) {
        List<FieldError> errors = problems.stream()
                .map(problem -> new FieldError(problem.substring(0, problem.indexOf(':')), problem.substring(problem.indexOf(':') + 1).strip()))
                .toList();
        Problem problem = new Problem("about:blank", "Dữ liệu không hợp lệ / Invalid input", HttpStatus.BAD_REQUEST.getCode(),
                String.join("; ", problems), errors);
        return HttpResponse.<Problem>status(HttpStatus.BAD_REQUEST).contentType(PROBLEM_JSON).body(problem);
    }
}
