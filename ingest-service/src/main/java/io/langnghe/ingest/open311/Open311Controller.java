package io.langnghe.ingest.open311;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langnghe.access.LangngheSecrets;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Channel;
import io.langnghe.contracts.taxonomy.CategoryInfo;
import io.langnghe.contracts.taxonomy.Taxonomy;
import io.langnghe.ingest.channels.Webhooks;
import io.langnghe.ingest.contact.VietnamesePhone;
import io.langnghe.ingest.intake.FeedbackForm;
import io.langnghe.ingest.intake.FeedbackIntake;
import io.langnghe.ingest.intake.IdempotencyConflictException;
import io.langnghe.ingest.intake.IdempotentReplies;
import io.langnghe.ingest.intake.IntakeLimits;
import io.langnghe.ingest.intake.IntakeUnavailableException;
import io.langnghe.ingest.intake.InvalidInputException;
import io.langnghe.ingest.intake.Submission;
import io.langnghe.ingest.limits.RateLimitedException;
import io.langnghe.ingest.limits.RateLimits;
import io.langnghe.ingest.problem.FieldError;
import io.langnghe.ingest.tracking.SearchTracking;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.ingest.tracking.TrackingStatus;
import io.langnghe.ingest.tracking.TrackingUnavailableException;
import io.langnghe.text.VietnameseText;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Open311 GeoReport v2 at {@code /open311/v2}, so that existing civic apps can file and follow
 * reports: discovery, services (our categories), service definitions, POST requests (form-encoded,
 * with an api_key) and GET requests by id, each as {@code .json} or {@code .xml}. A request's id is
 * its tracking code; its status is open or closed, with our richer status in {@code status_notes}.
 * Reads come from search-service, like the tracking page.
 */
@Controller("/open311/v2")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class Open311Controller {

    private static final String CHANGESET = "2026-11-26T00:00:00Z";
    private static final int MAX_IDS = 20;

    private final Taxonomy taxonomy;
    private final FeedbackIntake intake;
    private final SearchTracking search;
    private final RateLimits rateLimits;
    private final IntakeLimits limits;
    private final Set<String> apiKeys;
    private final String publicUrl;

    public Open311Controller(Taxonomy taxonomy, FeedbackIntake intake, SearchTracking search, RateLimits rateLimits,
                             IntakeLimits limits, LangngheSecrets secrets,
                             @Value("${langnghe.public-url:`http://localhost:8080`}") String publicUrl) {
        this.taxonomy = taxonomy;
        this.intake = intake;
        this.search = search;
        this.rateLimits = rateLimits;
        this.limits = limits;
        this.apiKeys = Arrays.stream(secrets.get("open311").split(",")).map(String::strip).filter(k -> !k.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** discovery, services and requests (by service_request_id), each .json or .xml. */
    @Get("/{file}")
    public HttpResponse<String> read(@PathVariable String file, @Nullable @QueryValue("service_request_id") String ids,
                                     HttpRequest<?> request) {
        String name = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
        return answer(file, name, format -> switch (name) {
            case "discovery" -> format.renderOne(HttpStatus.OK, "discovery", discovery());
            case "services" -> format.render(HttpStatus.OK, "services", "service", services());
            case "requests" -> format.render(HttpStatus.OK, "service_requests", "request", requestsById(ids, request));
            default -> throw new Open311Error(HttpStatus.NOT_FOUND, "Không có tài nguyên '" + file + "'.", "No resource '" + file + "'.");
        });
    }

    private List<Map<String, Object>> requestsById(String ids, HttpRequest<?> request) {
        // Listing by date, status or service needs a public search in search-service; only ids are looked up here.
        if (ids == null || ids.isBlank()) {
            throw new Open311Error(HttpStatus.BAD_REQUEST,
                    "Hiện chỉ tra cứu được theo service_request_id (mã tra cứu).",
                    "Only lookups by service_request_id (the tracking code) are supported here.");
        }
        List<String> wanted = Arrays.stream(ids.split(",")).map(String::strip).filter(id -> !id.isEmpty()).distinct().toList();
        if (wanted.size() > MAX_IDS) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, "Tối đa " + MAX_IDS + " mã mỗi lần.", "At most " + MAX_IDS + " ids at a time.");
        }
        rateLimits.checkAddress(request);
        List<Map<String, Object>> found = new ArrayList<>();
        for (String id : wanted) {
            TrackingCode.parse(id).flatMap(this::find).map(this::request).ifPresent(found::add);
        }
        return found;
    }

    @Get("/services/{file}")
    public HttpResponse<String> serviceDefinition(@PathVariable String file) {
        String code = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
        return answer(file, code, format -> {
            Category category = Category.fromCode(code).orElseThrow(() -> new Open311Error(HttpStatus.NOT_FOUND,
                    "Không có dịch vụ '" + code + "'.", "No service '" + code + "'."));
            Map<String, Object> definition = new LinkedHashMap<>();
            definition.put("service_code", category.code());
            definition.put("attributes", List.of());
            return format.renderOne(HttpStatus.OK, "service_definition", definition);
        });
    }

    @Get("/requests/{file}")
    public HttpResponse<String> request(@PathVariable String file, HttpRequest<?> request) {
        String id = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
        return answer(file, id, format -> {
            rateLimits.checkAddress(request);
            TrackingStatus status = TrackingCode.parse(id).flatMap(this::find).orElseThrow(() -> new Open311Error(HttpStatus.NOT_FOUND,
                    "Không tìm thấy yêu cầu '" + id + "'.", "No request '" + id + "'."));
            return format.render(HttpStatus.OK, "service_requests", "request", List.of(request(status)));
        });
    }

    /** requests.json or requests.xml, form-encoded as the spec says. */
    @Post(value = "/{file}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<String> create(@PathVariable String file, @Nullable @Body byte[] body,
                                       @Nullable @Header("Idempotency-Key") String idempotencyKey, HttpRequest<?> request) {
        return answer(file, "requests", f -> {
            rateLimits.checkAddress(request);
            if (body != null && body.length > limits.maxBodyBytes()) {
                throw new Open311Error(HttpStatus.BAD_REQUEST, "Nội dung vượt quá giới hạn.", "The body is too large.");
            }
            ObjectNode form = Webhooks.form(body);
            if (!apiKeys.contains(form.path("api_key").asText(""))) {
                throw new Open311Error(HttpStatus.FORBIDDEN, "api_key không hợp lệ.", "Invalid api_key.");
            }
            Submission submission = submission(form);
            if (submission.phone() != null) {
                rateLimits.checkPhone(submission.phone());
            }
            Map<String, String> client = new HashMap<>();
            if (form.hasNonNull("lat") && form.hasNonNull("long")) {
                client.put("lat", form.get("lat").asText());
                client.put("long", form.get("long").asText());
            }
            IdempotentReplies.Outcome outcome;
            try {
                outcome = intake.accept(submission, idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip(), client,
                        FeedbackIntake.Extras.requestedCategory(requestedCategory(form)));
            } catch (IdempotencyConflictException e) {
                throw new Open311Error(HttpStatus.BAD_REQUEST, "Idempotency-Key đã dùng cho yêu cầu khác.",
                        "The Idempotency-Key was used for a different request.");
            }
            String code = outcome.receipt().trackingCode();
            Map<String, Object> created = new LinkedHashMap<>();
            created.put("service_request_id", code);
            created.put("service_notice", "Phường đã nhận; theo dõi tại " + publicUrl + "/track.html?code=" + code
                    + " / Received; follow it at " + publicUrl + "/track.html?code=" + code);
            created.put("account_id", null);
            return f.render(HttpStatus.OK, "service_requests", "request", List.of(created));
        });
    }

    /** The service the client chose, already checked by {@link #submission}. */
    private static Category requestedCategory(ObjectNode form) {
        return Category.fromCode(FeedbackForm.optionalText(form, "service_code", new ArrayList<>())).orElseThrow();
    }

    private Submission submission(ObjectNode form) {
        List<FieldError> errors = new ArrayList<>();
        String serviceCode = FeedbackForm.optionalText(form, "service_code", errors);
        if (serviceCode == null || Category.fromCode(serviceCode).isEmpty()) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, "service_code thiếu hoặc không tồn tại (xem services.json).",
                    "service_code is missing or unknown (see services.json).");
        }
        String text = FeedbackForm.prose(form, "description", errors);
        if (text == null || text.isEmpty()) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, "Vui lòng mô tả sự việc (description).", "Please describe the problem (description).");
        }
        if (FeedbackForm.codePoints(text) > limits.maxTextCodePoints()) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, "description dài quá " + limits.maxTextCodePoints() + " ký tự.",
                    "description is longer than " + limits.maxTextCodePoints() + " characters.");
        }
        String address = FeedbackForm.prose(form, "address_string", errors);
        boolean located = form.hasNonNull("lat") && form.hasNonNull("long");
        if (located) {
            double lat = number(form, "lat", -90, 90);
            double lon = number(form, "long", -180, 180);
            located = !Double.isNaN(lat) && !Double.isNaN(lon);
        }
        if (!located && (address == null || address.isEmpty()) && !form.hasNonNull("address_id")) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, "Cần vị trí: lat và long, hoặc address_string.",
                    "A location is required: lat and long, or address_string.");
        }
        if (address != null && FeedbackForm.codePoints(address) > limits.maxAddressCodePoints()) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, "address_string quá dài.", "address_string is too long.");
        }
        String name = VietnameseText.normalize(String.join(" ",
                Optional.ofNullable(FeedbackForm.prose(form, "last_name", errors)).orElse(""),
                Optional.ofNullable(FeedbackForm.prose(form, "first_name", errors)).orElse("")));
        if (FeedbackForm.codePoints(name) > limits.maxNameCodePoints()) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, "Họ tên quá dài.", "The name is too long.");
        }
        VietnamesePhone phone = null;
        String typedPhone = FeedbackForm.optionalText(form, "phone", errors);
        if (typedPhone != null && !typedPhone.isEmpty()) {
            phone = VietnamesePhone.parse(typedPhone).orElseThrow(() -> new Open311Error(HttpStatus.BAD_REQUEST,
                    "Số điện thoại không hợp lệ (cần số Việt Nam).", "Not a Vietnamese phone number."));
        }
        if (!errors.isEmpty()) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, errors.get(0).messageVi(), errors.get(0).messageEn());
        }
        return new Submission(text, Channel.OPEN311, null, address == null || address.isEmpty() ? null : address,
                name.isEmpty() ? null : name, phone, false);
    }

    private static double number(ObjectNode form, String field, double min, double max) {
        try {
            double value = Double.parseDouble(form.get(field).asText());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new Open311Error(HttpStatus.BAD_REQUEST, field + " phải là số từ " + min + " đến " + max + ".",
                field + " must be a number from " + min + " to " + max + ".");
    }

    private Optional<TrackingStatus> find(TrackingCode code) {
        try {
            return search.find(code);
        } catch (TrackingUnavailableException e) {
            throw new Open311Error(HttpStatus.SERVICE_UNAVAILABLE, "Tạm thời không tra cứu được.", "Temporarily unavailable.");
        }
    }

    private Map<String, Object> request(TrackingStatus status) {
        boolean open = CaseStatus.fromCode(status.status()).map(CaseStatus::isOpen).orElse(true);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("service_request_id", status.trackingCode());
        request.put("status", open ? "open" : "closed");
        String notes = status.status() + (status.publicAnswer() == null ? "" : ": " + status.publicAnswer());
        request.put("status_notes", notes);
        if (status.category() != null) {
            request.put("service_code", status.category().code());
            request.put("service_name", status.category().vi());
        }
        if (status.department() != null) {
            request.put("agency_responsible", status.department().vi());
        }
        request.put("requested_datetime", status.createdAt());
        request.put("updated_datetime", status.updatedAt());
        request.put("expected_datetime", status.dueAt());
        return request;
    }

    private Map<String, Object> discovery() {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
        endpoint.put("url", publicUrl + "/open311/v2");
        endpoint.put("changeset", CHANGESET);
        endpoint.put("type", "production");
        endpoint.put("formats", List.of("text/xml", "application/json"));
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("changeset", CHANGESET);
        discovery.put("contact", "Văn phòng HĐND và UBND phường / Ward People's Council and Committee office");
        discovery.put("key_service", "Liên hệ văn phòng phường để được cấp api_key / Ask the ward office for an api_key");
        discovery.put("endpoints", List.of(endpoint));
        return discovery;
    }

    private List<Map<String, Object>> services() {
        List<Map<String, Object>> services = new ArrayList<>();
        for (CategoryInfo category : taxonomy.categories()) {
            Map<String, Object> service = new LinkedHashMap<>();
            service.put("service_code", category.code().code());
            service.put("service_name", category.vi());
            service.put("description", category.vi() + " / " + category.en());
            service.put("metadata", false);
            service.put("type", "realtime");
            service.put("keywords", String.join(",", category.keywords()));
            service.put("group", category.en());
            services.add(service);
        }
        return services;
    }

    /** Runs one call, answering every failure in the spec's error format, in the format asked for. */
    private HttpResponse<String> answer(String file, String name, Function<Open311Format, HttpResponse<String>> call) {
        Open311Format format = file.toLowerCase(Locale.ROOT).endsWith(".xml") ? Open311Format.XML : Open311Format.JSON;
        try {
            return call.apply(Open311Format.of(file, name));
        } catch (Open311Error e) {
            return format.error(e);
        } catch (InvalidInputException e) {
            FieldError first = e.errors().get(0);
            return format.error(new Open311Error(HttpStatus.BAD_REQUEST, first.messageVi(), first.messageEn()));
        } catch (RateLimitedException e) {
            return format.error(new Open311Error(HttpStatus.TOO_MANY_REQUESTS, "Quá nhiều yêu cầu.", "Too many requests."))
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
        } catch (IntakeUnavailableException e) {
            return format.error(new Open311Error(HttpStatus.SERVICE_UNAVAILABLE, "Yêu cầu CHƯA được lưu; vui lòng gửi lại sau.",
                            "The request was NOT stored; please send it again later."))
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, limits.retryAfter().toSeconds())));
        }
    }
}
