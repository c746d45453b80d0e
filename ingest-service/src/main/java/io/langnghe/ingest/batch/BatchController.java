package io.langnghe.ingest.batch;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.langnghe.access.Roles;
import io.langnghe.ingest.intake.IntakeLimits;
import io.langnghe.ingest.intake.IntakeUnavailableException;
import io.langnghe.ingest.problem.Problem;
import io.langnghe.ingest.web.LimitedBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

import java.io.InputStream;

/**
 * {@code POST /api/batches} (JSON) and {@code POST /api/batches/csv} (text/csv, the meeting in the
 * query): the petitions of one neighbourhood or voter-contact meeting, filed by a tổ dân phố leader
 * or an HĐND deputy. Answers 200 with each row's result; 400 only when the batch as a whole is bad
 * (meeting, size, format), and then nothing is filed.
 */
@Controller("/api/batches")
@Secured({Roles.GROUP_LEADER, Roles.DEPUTY})
@ExecuteOn(TaskExecutors.BLOCKING)
public class BatchController {

    public static final String TEXT_CSV = "text/csv";

    private final BatchForm form;
    private final BatchIntake intake;
    private final IntakeLimits limits;
    private final BatchLimits batchLimits;

    public BatchController(BatchForm form, BatchIntake intake, IntakeLimits limits, BatchLimits batchLimits) {
        this.form = form;
        this.batchLimits = batchLimits;
        this.intake = intake;
        this.limits = limits;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> json(@Nullable @Body InputStream body, Authentication caller) {
        return file(form.readJson(LimitedBody.read(body, batchLimits.maxBodyBytes())), caller);
    }

    @Post(value = "/csv", consumes = {TEXT_CSV, MediaType.TEXT_PLAIN}, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> csv(@Nullable @Body InputStream body,
                               @Nullable @QueryValue String kind,
                               @Nullable @QueryValue String date,
                               @Nullable @QueryValue String place,
                               @Nullable @QueryValue String chairedBy,
                               @Nullable @QueryValue String area,
                               @Nullable @QueryValue String batchKey,
                               Authentication caller) {
        ObjectNode meeting = JsonNodeFactory.instance.objectNode();
        meeting.put("kind", kind).put("date", date).put("place", place).put("chairedBy", chairedBy)
                .put("area", area).put("batchKey", batchKey);
        return file(form.readCsv(meeting, LimitedBody.read(body, batchLimits.maxBodyBytes())), caller);
    }

    private HttpResponse<?> file(BatchForm.Parsed batch, Authentication caller) {
        try {
            return HttpResponse.ok(intake.file(batch, caller.getName()));
        } catch (IntakeUnavailableException e) {
            long seconds = Math.max(1, limits.retryAfter().toSeconds());
            return Problem.of("unavailable", "Tạm thời không tiếp nhận được / Temporarily unavailable", HttpStatus.SERVICE_UNAVAILABLE,
                            "Đợt gửi bị gián đoạn; vui lòng gửi lại CẢ đợt sau " + seconds + " giây, các dòng đã nhận sẽ không bị ghi hai lần. "
                                    + "/ The batch was interrupted; please send the WHOLE batch again in " + seconds
                                    + " seconds: rows already accepted will not be filed twice.")
                    .toResponse()
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        }
    }
}
