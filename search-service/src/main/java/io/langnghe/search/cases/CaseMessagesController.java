package io.langnghe.search.cases;

import io.langnghe.access.Caller;
import io.langnghe.access.Roles;
import io.langnghe.search.problem.Problem;
import io.langnghe.search.problem.ProblemException;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code GET /api/cases/{caseId}/messages}: the messages notification-service sent about a case, for the
 * officer's page. Proxied rather than opened to the browser by CORS: the page keeps one origin (and its
 * strict Content-Security-Policy), and the case is first checked as on the case page, so an officer
 * sees only their own department's messages (notification-service alone lets any officer read any case).
 * The caller's own token is passed on; the history holds no contact.
 */
@Controller("/api/cases/{caseId}/messages")
@Secured({Roles.LEADER, Roles.OFFICER})
@ExecuteOn(TaskExecutors.BLOCKING)
public class CaseMessagesController {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final CaseReader cases;
    private final String notifyUrl;

    public CaseMessagesController(CaseReader cases, @Value("${langnghe.notify-url:`http://127.0.0.1:8060`}") String notifyUrl) {
        this.cases = cases;
        this.notifyUrl = notifyUrl.endsWith("/") ? notifyUrl.substring(0, notifyUrl.length() - 1) : notifyUrl;
    }

    @Get
    public HttpResponse<String> messages(String caseId, Authentication authentication,
                                         @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller caller = Caller.of(authentication);
        cases.byId(caseId)
                .filter(doc -> caller.departmentScope().map(d -> d.equals(doc.department())).orElse(true))
                .orElseThrow(() -> new ProblemException(Problem.caseNotFound()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(notifyUrl + "/api/cases/"
                        + URLEncoder.encode(caseId, StandardCharsets.UTF_8).replace("+", "%20") + "/messages"))
                .timeout(Duration.ofSeconds(5))
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON)
                .GET().build();
        try {
            java.net.http.HttpResponse<String> answer = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new ProblemException(Problem.messagesUnavailable());
            }
            return HttpResponse.ok(answer.body()).contentType(MediaType.APPLICATION_JSON_TYPE);
        } catch (IOException e) {
            throw new ProblemException(Problem.messagesUnavailable());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(Problem.messagesUnavailable());
        }
    }
}
