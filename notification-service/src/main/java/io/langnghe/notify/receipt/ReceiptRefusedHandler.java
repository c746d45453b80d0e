package io.langnghe.notify.receipt;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A refused receipt as RFC 9457 {@code application/problem+json}, in the project's one problem shape. */
@Singleton
public class ReceiptRefusedHandler implements ExceptionHandler<ReceiptRefused, HttpResponse<ReceiptRefusedHandler.Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptRefusedHandler.class);

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Problem(String type, String title, int status, String detail) {
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ReceiptRefused refused) {
        LOG.warn("Refused delivery receipt from {}: {}", request.getRemoteAddress().getAddress(), refused.getMessage());
        return HttpResponse.<Problem>status(refused.status())
                .contentType(MediaType.APPLICATION_JSON_PROBLEM)
                .body(new Problem("urn:langnghe:problem:" + refused.type(), refused.title(), refused.status().getCode(),
                        refused.getMessage()));
    }
}
