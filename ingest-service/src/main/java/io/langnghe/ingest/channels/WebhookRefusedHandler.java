package io.langnghe.ingest.channels;

import io.langnghe.ingest.problem.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** 401 problem+json for a webhook call without a valid secret or signature. */
@Singleton
public class WebhookRefusedHandler implements ExceptionHandler<WebhookRefusedException, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRefusedHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, WebhookRefusedException exception) {
        LOG.warn("Refused webhook call to {} from {}: {}", request.getPath(), request.getRemoteAddress().getAddress(), exception.reasonEn());
        return Problem.of("webhook-refused", "Không xác thực được nguồn gửi / Webhook not authenticated", HttpStatus.UNAUTHORIZED,
                exception.reasonVi() + " / " + exception.reasonEn()).toResponse();
    }
}
