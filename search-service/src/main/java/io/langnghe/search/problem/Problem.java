package io.langnghe.search.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.util.List;

/**
 * An error answer as RFC 9457 {@code application/problem+json}; title and detail in Vietnamese,
 * then English.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static Problem invalidInput(List<FieldError> errors) {
        return new Problem("urn:langnghe:problem:invalid-input", "Dữ liệu không hợp lệ / Invalid input",
                HttpStatus.BAD_REQUEST.getCode(),
                "Vui lòng sửa các tham số được nêu rồi thử lại. / Please correct the parameters listed and try again.",
                List.copyOf(errors));
    }

    public static Problem caseNotFound() {
        return new Problem("urn:langnghe:problem:case-not-found", "Không tìm thấy hồ sơ / Case not found",
                HttpStatus.NOT_FOUND.getCode(),
                "Không có hồ sơ nào với mã này mà bạn được xem. / There is no case with this id that you may see.",
                List.of());
    }

    public static Problem alertNotFound() {
        return new Problem("urn:langnghe:problem:alert-not-found", "Không tìm thấy cảnh báo / Alert not found",
                HttpStatus.NOT_FOUND.getCode(),
                "Không có cảnh báo nào với mã này mà bạn được xem. / There is no alert with this id that you may see.",
                List.of());
    }

    public static Problem batchNotFound() {
        return new Problem("urn:langnghe:problem:batch-not-found", "Không tìm thấy đợt tiếp nhận / Batch not found",
                HttpStatus.NOT_FOUND.getCode(),
                "Không có kiến nghị nào thuộc đợt này; hãy kiểm tra mã đợt. / No petition belongs to this batch; please check its id.",
                List.of());
    }

    public static Problem trackingCodeNotFound() {
        return new Problem("urn:langnghe:problem:tracking-code-not-found", "Không tìm thấy mã tra cứu / Tracking code not found",
                HttpStatus.NOT_FOUND.getCode(),
                "Vui lòng kiểm tra lại mã (dạng XXXX-XXXX-XX). Phản ánh vừa gửi có thể cần vài giây mới tra cứu được. "
                        + "/ Please check the code (format XXXX-XXXX-XX). A petition just sent may take a few seconds to appear.",
                List.of());
    }

    public static Problem messagesUnavailable() {
        return new Problem("urn:langnghe:problem:messages-unavailable", "Tạm thời không xem được tin nhắn / Messages temporarily unavailable",
                HttpStatus.SERVICE_UNAVAILABLE.getCode(),
                "Dịch vụ gửi tin chưa trả lời; vui lòng thử lại sau ít giây. "
                        + "/ The notification service did not answer; please try again in a few seconds.",
                List.of());
    }

    public static Problem searchUnavailable() {
        return new Problem("urn:langnghe:problem:search-unavailable", "Tạm thời không tra cứu được / Search temporarily unavailable",
                HttpStatus.SERVICE_UNAVAILABLE.getCode(),
                "Hệ thống tìm kiếm đang bận hoặc đang khởi động; vui lòng thử lại sau ít giây. "
                        + "/ The search system is busy or starting; please try again in a few seconds.",
                List.of());
    }

    public static Problem unauthorized() {
        return new Problem("urn:langnghe:problem:unauthorized", "Chưa đăng nhập / Not logged in",
                HttpStatus.UNAUTHORIZED.getCode(),
                "Vui lòng đăng nhập (POST /login) và gửi kèm mã truy cập. / Please log in (POST /login) and send the bearer token.",
                List.of());
    }

    public static Problem forbidden() {
        return new Problem("urn:langnghe:problem:forbidden", "Không có quyền / Forbidden",
                HttpStatus.FORBIDDEN.getCode(),
                "Tài khoản của bạn không được dùng chức năng này. / Your account may not use this function.",
                List.of());
    }

    public static Problem actionNotAllowed(String action, String role) {
        return new Problem("urn:langnghe:problem:action-not-allowed", "Không có quyền / Forbidden",
                HttpStatus.FORBIDDEN.getCode(),
                "Vai trò " + role + " không được thực hiện thao tác '" + action + "'. / The role " + role
                        + " may not perform '" + action + "'.",
                List.of());
    }

    public static Problem actionDoesNotFit(String action, String status) {
        return new Problem("urn:langnghe:problem:action-does-not-fit", "Thao tác không phù hợp / Action does not fit",
                HttpStatus.CONFLICT.getCode(),
                "Hồ sơ đang ở trạng thái '" + status + "' nên không thể '" + action + "'; hãy tải lại hồ sơ. "
                        + "/ The case is '" + status + "', so it cannot be given '" + action + "'; reload the case.",
                List.of());
    }

    public static Problem notYetAnswered(String status) {
        return new Problem("urn:langnghe:problem:not-yet-answered", "Chưa thể đánh giá / Not yet answered",
                HttpStatus.CONFLICT.getCode(),
                "Kiến nghị đang ở trạng thái '" + status + "'; chỉ đánh giá được sau khi phường đã trả lời. "
                        + "/ The petition is '" + status + "'; it can be rated once the ward has answered it.",
                List.of());
    }

    public static Problem tooManyRequests(long seconds) {
        return new Problem("urn:langnghe:problem:too-many-requests", "Quá nhiều yêu cầu / Too many requests",
                HttpStatus.TOO_MANY_REQUESTS.getCode(),
                "Vui lòng thử lại sau " + seconds + " giây. / Please try again in " + seconds + " seconds.",
                List.of());
    }

    /** The last 4 digits did not match the phone given with the petition. */
    public static Problem proofMismatch() {
        return new Problem("urn:langnghe:problem:proof-mismatch", "Không khớp / No match",
                HttpStatus.FORBIDDEN.getCode(),
                "4 số cuối không khớp với số điện thoại đã để lại khi gửi kiến nghị. "
                        + "/ The last 4 digits do not match the phone number given with the petition.",
                List.of());
    }

    /** Without a phone to check, the code alone has rated already. */
    public static Problem alreadyRated() {
        return new Problem("urn:langnghe:problem:already-rated", "Đã đánh giá / Already rated",
                HttpStatus.CONFLICT.getCode(),
                "Kiến nghị không có số điện thoại để đối chiếu nên mã tra cứu chỉ đánh giá được một lần; hãy liên hệ phường. "
                        + "/ With no phone to check, the tracking code rates only once; please contact the ward.",
                List.of());
    }

    public static Problem commandsUnavailable() {
        return new Problem("urn:langnghe:problem:commands-unavailable", "Tạm thời chưa ghi nhận được thao tác / Action not recorded",
                HttpStatus.SERVICE_UNAVAILABLE.getCode(),
                "Hệ thống chưa xác nhận đã nhận thao tác (có thể đã ghi nhận); gửi lại sau ít giây với cùng Idempotency-Key "
                        + "thì không bị ghi hai lần. / The system did not confirm the action, which may have been recorded; "
                        + "send it again in a few seconds with the same Idempotency-Key and it is applied once.",
                List.of());
    }

    public static Problem photoNotFound() {
        return new Problem("urn:langnghe:problem:photo-not-found", "Không tìm thấy ảnh / Photo not found",
                HttpStatus.NOT_FOUND.getCode(),
                "Hồ sơ này không có ảnh nào như vậy mà bạn được xem. / This case has no such photo that you may see.",
                List.of());
    }

    public static Problem photosUnavailable() {
        return new Problem("urn:langnghe:problem:photos-unavailable", "Tạm thời không đọc được kho ảnh / Photo store unavailable",
                HttpStatus.SERVICE_UNAVAILABLE.getCode(),
                "Kho ảnh chưa trả lời; vui lòng thử lại sau ít giây. / The photo store did not answer; please try again in a few seconds.",
                List.of());
    }

    public static Problem unreadableBody() {
        return new Problem("urn:langnghe:problem:invalid-input", "Dữ liệu không hợp lệ / Invalid input",
                HttpStatus.BAD_REQUEST.getCode(),
                "Nội dung gửi lên không phải JSON hợp lệ. / The request body is not valid JSON.",
                List.of());
    }

    public MutableHttpResponse<Problem> toResponse() {
        return HttpResponse.<Problem>status(HttpStatus.valueOf(status))
                .contentType(MediaType.APPLICATION_JSON_PROBLEM_TYPE)
                .body(this);
    }
}
