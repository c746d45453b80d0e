package io.langnghe.ingest.intake;

import io.langnghe.ingest.problem.FieldError;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The parts of a multipart petition, read whole on a blocking thread: form fields as strings and the
 * uploaded files in order. A file input left empty by the browser (no name, no bytes) is not a photo.
 */
public record MultipartParts(Map<String, String> fields, List<Upload> files) {

    /** An uploaded file: the part's name, the file name the sender gave, the bytes. */
    public record Upload(String part, String filename, byte[] bytes) {
    }

    private static final Duration WITHIN = Duration.ofSeconds(60);

    public static MultipartParts read(Publisher<CompletedPart> body) {
        CompletableFuture<MultipartParts> done = new CompletableFuture<>();
        Map<String, String> fields = new LinkedHashMap<>();
        List<Upload> files = new ArrayList<>();
        body.subscribe(new Subscriber<>() {
            private Subscription subscription;

            @Override
            public void onSubscribe(Subscription s) {
                subscription = s;
                s.request(1);
            }

            @Override
            public void onNext(CompletedPart part) {
                try {
                    if (part instanceof CompletedFileUpload file) {
                        byte[] bytes = file.getBytes();
                        String name = file.getFilename();
                        if (bytes.length > 0 || (name != null && !name.isEmpty())) {
                            files.add(new Upload(part.getName(), name, bytes));
                        }
                    } else {
                        // A repeated field keeps its first value, as a duplicate JSON key is refused.
                        fields.putIfAbsent(part.getName(), new String(part.getBytes(), StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    done.completeExceptionally(new UncheckedIOException(e));
                    subscription.cancel();
                    return;
                }
                subscription.request(1);
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                done.complete(new MultipartParts(fields, files));
            }
        });
        try {
            return done.get(WITHIN.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreadable();
        } catch (ExecutionException e) {
            // past the server's limit while streaming: the 413 of BodyTooLargeHandler, not a broken body
            if (e.getCause() instanceof ContentLengthExceededException tooLarge) {
                throw tooLarge;
            }
            throw unreadable();
        } catch (TimeoutException e) {
            throw unreadable();
        }
    }

    private static InvalidInputException unreadable() {
        return new InvalidInputException(new FieldError("body", "unreadable",
                "Không đọc được nội dung gửi lên (multipart/form-data).", "The multipart/form-data body could not be read."));
    }
}
