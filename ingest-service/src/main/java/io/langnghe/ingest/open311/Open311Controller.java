package io.langnghe.ingest.open311;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langnghe.access.LangngheSecrets;
import io.langnghe.contracts.Category;
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
import io.langnghe.ingest.web.LimitedBody;
import io.langnghe.ingest.publicread.PublicRequests;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;

import java.io.InputStream;
import java.time.Instant;
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
 * with an api_key) and GET requests (by id, or with the spec's filters), each as {@code .json} or
 * {@code .xml}. A request's id is its public id (the case id), never the tracking code, which only
 * the resident who filed it gets (in the POST's service_notice); its status is open or closed, with our richer
 * status in {@code status_notes}. Reads come from search-service's public list, description masked.
 */
@Controller("/open311/v2")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class Open311Controller {

    private static final String CHANGESET = "2026-11-26T00:00:00Z";

    private final Taxonomy taxonomy;
    private final FeedbackIntake intake;
    private final PublicRequests publicRequests;
    private final RateLimits rateLimits;
    private final IntakeLimits limits;
    private final Set<String> apiKeys;
    private final String publicUrl;

    public Open311Controller(Taxonomy taxonomy, FeedbackIntake intake, PublicRequests publicRequests, RateLimits rateLimits,
                             IntakeLimits limits, LangngheSecrets secrets,
                             @Value("${langnghe.public-url:`http://localhost:8080`}") String publicUrl) {
        this.taxonomy = taxonomy;
        this.intake = intake;
        this.publicRequests = publicRequests;
        this.rateLimits = rateLimits;
        this.limits = limits;
        this.apiKeys = Arrays.stream(secrets.get("open311").split(",")).map(String::strip).filter(k -> !k.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** discovery, services and requests (with the spec's filters), each .json or .xml. */
    @Parameter(name = "service_request_id", in = ParameterIn.QUERY, description = "requests: public ids (as POST requests answered), comma-separated; other filters are then ignored")
    @Parameter(name = "service_code", in = ParameterIn.QUERY, description = "requests: category codes, comma-separated")
    @Parameter(name = "start_date", in = ParameterIn.QUERY, description = "requests: received at or after, w3c date-time with time zone; 90 days before end_date (or now) when absent")
    @Parameter(name = "end_date", in = ParameterIn.QUERY, description = "requests: received before, w3c date-time with time zone")
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "requests: open, closed or both, comma-separated")
    @Parameter(name = "page", in = ParameterIn.QUERY, description = "requests (extension): from 1")
    @Parameter(name = "page_size", in = ParameterIn.QUERY, description = "requests (extension): 1 to 1000, 1000 when absent")
    @Get("/{file}")
    public HttpResponse<String> read(@PathVariable String file, HttpRequest<?> request) {
        String name = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
        return answer(file, name, format -> switch (name) {
            case "discovery" -> format.renderOne(HttpStatus.OK, "discovery", discovery());
            case "services" -> format.render(HttpStatus.OK, "services", "service", services());
            case "requests" -> format.render(HttpStatus.OK, "service_requests", "request", requests(request));
            default -> throw new Open311Error(HttpStatus.NOT_FOUND, "Không có tài nguyên '" + file + "'.", "No resource '" + file + "'.");
        });
    }

    /** GET requests: answered from search-service's public list, the description masked there. */
    private List<Map<String, Object>> requests(HttpRequest<?> request) {
        rateLimits.checkAddress(request);
        Optional<Map<String, String>> query = RequestsQuery.toPublicQuery(
                name -> request.getParameters().get(name), Instant.now());
        return query.map(this::publicList).orElse(List.of());
    }

    private List<Map<String, Object>> publicList(Map<String, String> query) {
        PublicRequests.Answer answer;
        try {
            answer = publicRequests.list(query);
        } catch (PublicRequests.PublicRequestsUnavailableException e) {
            throw new Open311Error(HttpStatus.SERVICE_UNAVAILABLE, "Tạm thời không tra cứu được.", "Temporarily unavailable.");
        }
        if (answer.ok()) {
            List<Map<String, Object>> requests = new ArrayList<>();
            answer.body().path("items").forEach(item -> requests.add(request(item)));
            return requests;
        }
        if (answer.status() == 400 && answer.body() != null) {
            JsonNode first = answer.body().path("errors").path(0);
            throw new Open311Error(HttpStatus.BAD_REQUEST, first.path("message_vi").asText("Tham số không hợp lệ."),
                    first.path("message_en").asText("Invalid parameters."));
        }
        if (answer.status() == 429) {
            throw new Open311Error(HttpStatus.TOO_MANY_REQUESTS, "Quá nhiều yêu cầu.", "Too many requests.");
        }
        throw new Open311Error(HttpStatus.SERVICE_UNAVAILABLE, "Tạm thời không tra cứu được.", "Temporarily unavailable.");
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
            List<Map<String, Object>> found = RequestsQuery.isPublicId(id)
                    ? publicList(Map.of("ids", id, "size", "1"))
                    : List.of();
            if (found.isEmpty()) {
                throw new Open311Error(HttpStatus.NOT_FOUND, "Không tìm thấy yêu cầu '" + id + "'.", "No request '" + id + "'.");
            }
            return format.render(HttpStatus.OK, "service_requests", "request", found);
        });
    }

    /** requests.json or requests.xml, form-encoded as the spec says. */
    @Post(value = "/{file}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<String> create(@PathVariable String file, @Nullable @Body InputStream stream,
                                       @Nullable @Header("Idempotency-Key") String idempotencyKey, HttpRequest<?> request) {
        return answer(file, "requests", f -> {
            rateLimits.checkAddress(request);
            ObjectNode form = Webhooks.form(LimitedBody.read(stream, limits.maxBodyBytes()));
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
            // The case id is the feedback id (routing-streams opens the case under it): the public id.
            created.put("service_request_id", outcome.receipt().feedbackId());
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

    /** One petition of the public list in the spec's field names; our richer status goes in status_notes. */
    private static Map<String, Object> request(JsonNode item) {
        String status = text(item, "status");
        String answer = text(item, "publicAnswer");
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("service_request_id", text(item, "publicId"));
        request.put("status", item.path("open").asBoolean(true) ? "open" : "closed");
        request.put("status_notes", status + (answer == null ? "" : ": " + answer));
        request.put("service_name", text(item.path("category"), "vi"));
        request.put("service_code", text(item.path("category"), "code"));
        request.put("description", text(item, "text"));
        request.put("agency_responsible", text(item.path("department"), "vi"));
        request.put("service_notice", null);
        request.put("requested_datetime", text(item, "receivedAt"));
        request.put("updated_datetime", text(item, "updatedAt"));
        request.put("expected_datetime", text(item, "dueAt"));
        // The tổ dân phố, not the street address a resident may have typed (that stays with officers).
        request.put("address", text(item.path("area"), "vi"));
        request.put("address_id", text(item.path("area"), "code"));
        request.put("zipcode", null);
        request.put("lat", null);
        request.put("long", null);
        request.put("media_url", null);
        return request;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isMissingNode() ? null : value.asText();
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
            return format.error(new Open311Error(HttpStatus.SERVICE_UNAVAILABLE,
                            "Chưa xác nhận được yêu cầu đã được lưu (có thể đã lưu); vui lòng gửi lại với cùng Idempotency-Key.",
                            "The request could not be confirmed and may have been stored; send it again with the same Idempotency-Key."))
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, limits.retryAfter().toSeconds())));
        }
    }
}
