package io.langnghe.faults;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Four residents reporting one problem, half before the fault and half after it, so the early warning
 * must carry the issue across the fault and raise its alert once the third reporter arrives. Each fault
 * of a run gets its own problem in its own former commune, so two bursts never make one issue.
 */
final class AlertBurst {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A problem and where: the area codes are in different former units of the ward's taxonomy. */
    private record Problem(String area, String words) {
    }

    private static final List<Problem> PROBLEMS = List.of(
            new Problem("tdp-03", "Đèn đường ngõ %s không sáng mấy hôm nay, tối đi lại rất nguy hiểm"),
            new Problem("dong-thinh-dai-tu", "Rác thải ở đầu ngõ %s không được thu gom cả tuần, bốc mùi hôi thối"),
            new Problem("dong-tan-phu-luu", "Mặt đường ngõ %s có ổ gà lớn, xe máy đi qua dễ bị ngã"),
            new Problem("dong-hoa-phu-minh", "Nhà hàng ở ngõ %s hát karaoke ồn ào quá 23 giờ đêm"),
            new Problem("dong-minh-thon-2", "Nước sinh hoạt ở ngõ %s bị mất từ sáng, các hộ không có nước dùng"),
            new Problem("dong-hoang-cam-tu", "Cây xanh ở ngõ %s bị đổ chắn ngang đường sau trận gió"),
            new Problem("dong-khe-cho-run", "Hàng quán lấn chiếm vỉa hè ngõ %s, người đi bộ phải xuống lòng đường"),
            new Problem("dong-ninh-van-loc", "Cống thoát nước ngõ %s bị tắc, nước bẩn tràn ra đường"));

    private final String ingest;
    private final String run;
    private final Problem problem;
    private final String lane;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<String> caseIds = new ArrayList<>();
    private int sent;

    AlertBurst(String ingest, String run, int fault) {
        this.ingest = ingest;
        this.run = run;
        this.problem = PROBLEMS.get(fault % PROBLEMS.size());
        this.lane = String.valueOf(100 + fault);
    }

    /** Two reports, by two residents. */
    void half(Duration patience) {
        for (int i = 0; i < 2; i++) {
            report(patience);
        }
    }

    /** The cases the accepted reports became (a case id is its petition's feedback id). */
    List<String> caseIds() {
        return List.copyOf(caseIds);
    }

    private void report(Duration patience) {
        int resident = ++sent;
        String key = run + "-burst-" + resident;
        String body = "{\"text\":\"" + problem.words().formatted(lane) + "\",\"channel\":\"web\",\"area\":\"" + problem.area()
                + "\",\"phone\":\"0912 7" + lane + String.format(" %02d", resident) + "\"}";
        Instant giveUp = Instant.now().plus(patience);
        while (Instant.now().isBefore(giveUp)) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(ingest + "/api/feedback"))
                        .timeout(Duration.ofSeconds(15))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    caseIds.add(JSON.readTree(response.body()).path("feedbackId").asText());
                    return;
                }
                if (response.statusCode() != 503) {
                    throw new IllegalStateException("a burst report was refused: " + response.statusCode() + " " + response.body());
                }
            } catch (IOException e) {
                // no answer: it may have been stored, so the same key again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Pause.of(Duration.ofSeconds(1));
        }
    }
}
