package io.langnghe.ingest.problem;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.stream.Collectors;

/**
 * Every error the framework answers by itself (unknown path, wrong method or media type, missing
 * token, an unexpected fault) becomes problem+json in Vietnamese and English too, instead of
 * Micronaut's own error JSON. A fault of ours (500) never shows its internal message.
 */
@Singleton
@Primary
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponses implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        Problem problem = Problem.of(slug(status), title(status), status, detail(status, context));
        return response.contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE).body(problem);
    }

    private static String detail(HttpStatus status, ErrorContext context) {
        if (status.getCode() >= 500) {
            return "Hệ thống gặp sự cố; vui lòng thử lại sau. / The service had a fault; please try again later.";
        }
        String english = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        return english.isBlank() ? title(status) : "Yêu cầu không được chấp nhận. / " + english;
    }

    private static String slug(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "invalid-input";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case NOT_ACCEPTABLE -> "not-acceptable";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case SERVICE_UNAVAILABLE -> "unavailable";
            default -> status.getCode() >= 500 ? "server-fault" : "http-" + status.getCode();
        };
    }

    private static String title(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "Dữ liệu không hợp lệ / Invalid input";
            case UNAUTHORIZED -> "Cần đăng nhập / Authentication required";
            case FORBIDDEN -> "Không có quyền / Not allowed";
            case NOT_FOUND -> "Không tìm thấy / Not found";
            case METHOD_NOT_ALLOWED -> "Phương thức không được hỗ trợ / Method not allowed";
            case NOT_ACCEPTABLE -> "Không có định dạng phù hợp / Not acceptable";
            case UNSUPPORTED_MEDIA_TYPE -> "Định dạng nội dung không được hỗ trợ; hãy gửi JSON / Unsupported media type; send JSON";
            case SERVICE_UNAVAILABLE -> "Tạm thời không tiếp nhận được / Temporarily unavailable";
            default -> status.getCode() >= 500
                    ? "Lỗi hệ thống / Server fault"
                    : "Yêu cầu không được chấp nhận / Request refused (" + status.getCode() + ")";
        };
    }
}
