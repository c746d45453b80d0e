package io.langnghe.ingest.intake;

import io.langnghe.access.Roles;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.ingest.limits.RateLimits;
import io.langnghe.ingest.photos.Photos;
import io.langnghe.ingest.problem.FieldError;
import io.langnghe.ingest.problem.Problem;
import io.langnghe.ingest.web.LimitedBody;
import io.langnghe.photos.Photo;
import io.langnghe.photos.PhotoStore;
import io.langnghe.photos.PhotoStoreUnavailableException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * {@code POST /api/feedback}: a petition from the resident web form (anyone) or the hotline (an
 * OPERATOR's bearer token). Answers 202 with a tracking code only once Kafka has acknowledged the
 * petition; 400 for bad input (nothing sent), 503 with Retry-After when Kafka does not answer in time.
 */
@Controller("/api/feedback")
@Secured(SecurityRule.IS_ANONYMOUS)
public class FeedbackController {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final int MAX_USER_AGENT = 200;

    private final FeedbackForm form;
    private final FeedbackIntake intake;
    private final RateLimits rateLimits;
    private final PhotoStore photoStore;
    private final IntakeLimits limits;

    public FeedbackController(FeedbackForm form, FeedbackIntake intake, RateLimits rateLimits, PhotoStore photoStore,
                              IntakeLimits limits) {
        this.form = form;
        this.limits = limits;
        this.intake = intake;
        this.rateLimits = rateLimits;
        this.photoStore = photoStore;
    }

    // Parks no thread: the body is read as it arrives and the answer is sent once Kafka acknowledges the petition.
    // The two headers are read from the request rather than bound as arguments: binding them took Micronaut's
    // conversion service, a binding result and the request's locale per header, 4% of a petition's CPU.
    // The API document still names them: it has one POST /api/feedback, whose multipart method binds both.
    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object")))
    public CompletableFuture<HttpResponse<?>> submit(HttpRequest<?> request, @Nullable Authentication caller) {
        String idempotencyKey = request.getHeaders().get(IDEMPOTENCY_KEY);
        String userAgent = request.getHeaders().get(HttpHeaders.USER_AGENT);
        return LimitedBody.read(((ServerHttpRequest<?>) request).byteBody(), limits.maxBodyBytes())
                .thenCompose(body -> {
                    Submission submission = form.read(body);
                    String key = checkedKey(idempotencyKey);
                    Optional<HttpResponse<?>> refused = admitted(submission, caller, request, false);
                    if (refused.isPresent()) {
                        return CompletableFuture.completedFuture(refused.get());
                    }
                    return intake.acceptAsync(submission, key, client(submission, userAgent, caller), List.of(), eventLoopOf(request))
                            .thenApply(FeedbackController::accepted);
                });
    }

    /**
     * A petition as JSON, or as multipart/form-data with the same fields and up to three {@code photos}
     * parts. Every part is checked before anything is stored or sent: one bad photo refuses the whole
     * petition, naming it. No stored photo keeps its GPS data; when {@code shareLocation} is ticked, where it
     * was taken travels with the petition as a field.
     */
    @Post(consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> submitWithPhotos(@Body MultipartBody body,
                                            @Nullable @Header(IDEMPOTENCY_KEY) String idempotencyKey,
                                            @Nullable @Header(HttpHeaders.USER_AGENT) String userAgent,
                                            @Nullable Authentication caller,
                                            HttpRequest<?> request) {
        // A script's photos cost their parsing and memory: its address is counted before a part is read.
        boolean addressCounted = !isOperator(caller);
        if (addressCounted) {
            rateLimits.checkAddress(request);
        }
        MultipartParts parts = MultipartParts.read(body);
        Map<String, String> fields = new LinkedHashMap<>(parts.fields());
        boolean shareLocation = FeedbackForm.checkbox(Objects.requireNonNullElse(fields.remove("shareLocation"), "")).asBoolean(false);
        List<FieldError> errors = new ArrayList<>();
        Submission submission = null;
        try {
            submission = form.read(fields);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        List<Photo> photos = List.of();
        try {
            photos = Photos.check(uploads(parts, errors), parts.files().stream().map(MultipartParts.Upload::filename).toList(), shareLocation);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return submit(submission, photos, shareLocation, idempotencyKey, userAgent, caller, request, addressCounted);
    }

    private static List<byte[]> uploads(MultipartParts parts, List<FieldError> errors) {
        for (MultipartParts.Upload upload : parts.files()) {
            if (!upload.part().equals("photos")) {
                errors.add(new FieldError(upload.part(), "unexpected_file", "Chỉ nhận tệp ảnh trong trường 'photos'.",
                        "Files are taken only in the 'photos' field."));
            }
        }
        return parts.files().stream().map(MultipartParts.Upload::bytes).toList();
    }

    private HttpResponse<?> submit(Submission submission, List<Photo> photos, boolean locationKept, String idempotencyKey, String userAgent,
                                   Authentication caller, HttpRequest<?> request, boolean addressCounted) {
        String key = checkedKey(idempotencyKey);
        Optional<HttpResponse<?>> refused = admitted(submission, caller, request, addressCounted);
        if (refused.isPresent()) {
            return refused.get();
        }
        // Stored only now that every part passed; the store keeps photos by content, so a retry adds nothing.
        List<FeedbackReceived.PhotoRef> refs = photos.stream()
                .map(photo -> new FeedbackReceived.PhotoRef(kept(photo), photo.kind().mediaType(), photo.bytes().length,
                        locationKept, photo.location()
                                .map(where -> new FeedbackReceived.Coordinates(where.latitude(), where.longitude())).orElse(null)))
                .toList();
        return accepted(intake.accept(submission, key, client(submission, userAgent, caller), refs));
    }

    /** The hotline is for operators; everyone else is counted against their address and phone. Empty: go on. */
    private Optional<HttpResponse<?>> admitted(Submission submission, Authentication caller, HttpRequest<?> request,
                                               boolean addressCounted) {
        if (submission.channel() == Channel.HOTLINE) {
            return isOperator(caller) ? Optional.empty() : Optional.of(hotlineOnlyForOperators(caller == null));
        }
        if (!addressCounted) {
            rateLimits.checkPetition(request, submission.phone());
        } else if (submission.phone() != null) {
            rateLimits.checkPhone(submission.phone());
        }
        return Optional.empty();
    }

    private static HttpResponse<?> accepted(IdempotentReplies.Outcome outcome) {
        Receipt receipt = outcome.receipt();
        return HttpResponse.accepted()
                .header(HttpHeaders.LOCATION, receipt.trackUrl())
                .header(REPLAYED, String.valueOf(!outcome.first()))
                .body(receipt);
    }

    /** The thread that serves this request's connection; this thread when the request came another way. */
    private static Executor eventLoopOf(HttpRequest<?> request) {
        return request instanceof NettyHttpRequest<?> netty ? netty.getChannelHandlerContext().executor() : Runnable::run;
    }

    private static boolean isOperator(Authentication caller) {
        return caller != null && caller.getRoles().contains(Roles.OPERATOR);
    }

    /** A store that does not answer refuses the petition for now (503), before anything reaches Kafka. */
    private String kept(Photo photo) {
        try {
            return photoStore.put(photo);
        } catch (PhotoStoreUnavailableException e) {
            throw new IntakeUnavailableException(e.getMessage(), e);
        }
    }

    private static HttpResponse<Problem> hotlineOnlyForOperators(boolean anonymous) {
        HttpStatus status = anonymous ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN;
        return Problem.of(anonymous ? "unauthorized" : "forbidden",
                anonymous ? "Cần đăng nhập / Authentication required" : "Không có quyền / Not allowed", status,
                "Kênh hotline chỉ dành cho tổng đài viên đã đăng nhập (vai trò OPERATOR); người dân gửi qua kênh web. "
                        + "/ The hotline channel is for signed-in operators (role OPERATOR); residents send through the web channel.")
                .toResponse();
    }

    private static String checkedKey(String key) {
        if (key == null) {
            return null;
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInputException(new FieldError(IDEMPOTENCY_KEY, "invalid",
                    "Idempotency-Key phải gồm 1 đến 200 ký tự ASCII in được, không có khoảng trắng.",
                    "Idempotency-Key must be 1 to 200 printable ASCII characters without spaces."));
        }
        return key;
    }

    /** The hotline names its operator; the web form its browser. */
    private static Map<String, String> client(Submission submission, String userAgent, Authentication caller) {
        return submission.channel() == Channel.HOTLINE ? Map.of("operator", caller.getName()) : client(userAgent);
    }

    private static Map<String, String> client(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return Map.of();
        }
        return Map.of("userAgent", userAgent.length() > MAX_USER_AGENT ? userAgent.substring(0, MAX_USER_AGENT) : userAgent);
    }
}
