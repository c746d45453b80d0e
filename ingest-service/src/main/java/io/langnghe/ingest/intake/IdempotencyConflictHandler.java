package io.langnghe.ingest.intake;

import io.langnghe.ingest.problem.FieldError;
import io.langnghe.ingest.problem.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.List;

/** 422: an Idempotency-Key may stand for one petition only. */
@Singleton
public class IdempotencyConflictHandler implements ExceptionHandler<IdempotencyConflictException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, IdempotencyConflictException exception) {
        return new Problem("urn:langnghe:problem:idempotency-key-reused",
                "Idempotency-Key đã được dùng / Idempotency-Key already used",
                HttpStatus.UNPROCESSABLE_ENTITY.getCode(),
                "Khóa này đã dùng cho một kiến nghị khác; hãy tạo khóa mới cho kiến nghị mới. "
                        + "/ This key was used for a different petition; use a new key for a new petition.",
                List.of(new FieldError("Idempotency-Key", "reused",
                        "Khóa đã dùng cho nội dung khác.", "The key was used for different content.")))
                .toResponse();
    }
}
