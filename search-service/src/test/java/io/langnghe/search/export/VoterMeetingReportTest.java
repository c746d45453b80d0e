package io.langnghe.search.export;

import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.HistoryEntry;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.search.Login;
import io.langnghe.search.SharedStack;
import io.langnghe.search.TestCases;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The report a deputy takes back to the voters: every petition of one meeting (batch) with its
 * status and the ward's answer, as an XLSX spreadsheet; nothing of other meetings, no contacts.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VoterMeetingReportTest implements TestPropertyProvider {

    private static final String MEETING = "tiep-xuc-cu-tri-2026-11-tdp05";
    private static final Pattern CELL = Pattern.compile("<t xml:space=\"preserve\">([^<]*)</t>");
    private final SharedStack stack = new SharedStack();
    private final Instant createdAt = Instant.parse("2026-11-20T01:30:00Z");

    @Inject
    @Client("/")
    HttpClient client;

    private String deputy;
    private CaseState answered;
    private CaseState waiting;
    private CaseState resolved;
    private CaseState otherMeeting;

    @Override
    public Map<String, String> getProperties() {
        return stack.properties();
    }

    @BeforeAll
    void publishAMeeting() throws Exception {
        deputy = Login.token(client, "daibieu");
        Instant answeredAt = createdAt.plus(Duration.ofDays(2));
        answered = meeting().text("Đề nghị nạo vét cống ngõ 5").status(CaseStatus.ANSWERED)
                .publicAnswer("Đã nạo vét ngày 22/11.").history(List.of(
                        new HistoryEntry(1, createdAt, "routing-streams", "routed", CaseStatus.ASSIGNED, null),
                        new HistoryEntry(2, answeredAt, "canbo.kinh_te_ha_tang_do_thi", "answer", CaseStatus.ANSWERED, null)))
                .build();
        waiting = meeting().text("=1+1 kiến nghị lắp đèn đường").area("tdp-06").build();
        resolved = meeting().text("Trả lương hưu chậm").status(CaseStatus.RESOLVED).department("van_hoa_xa_hoi")
                .publicAnswer("Đã chi trả đủ.").build();
        otherMeeting = TestCases.caseState().trackingCode(TrackingCode.generate().value()).batchId("another-meeting").build();
        for (CaseState state : List.of(answered, waiting, resolved, otherMeeting)) {
            stack.publish(state);
        }
        String leader = Login.token(client, "lanhdao");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> client.toBlocking()
                .retrieve(HttpRequest.GET("/api/cases?size=100").bearerAuth(leader), Map.class).get("total").equals(4));
    }

    @AfterAll
    void close() {
        stack.close();
    }

    private TestCases meeting() {
        return TestCases.caseState().trackingCode(TrackingCode.generate().value()).batchId(MEETING).channel("voter_meeting")
                .createdAt(createdAt);
    }

    @Test
    void aDeputyDownloadsEveryPetitionOfTheMeetingWithItsStatusAndAnswer() {
        HttpResponse<byte[]> response = client.toBlocking().exchange(
                HttpRequest.GET("/api/export/batch/" + MEETING + "?format=xlsx").bearerAuth(deputy), byte[].class);

        assertThat(response.getStatus().getCode()).isEqualTo(200);
        assertThat(response.getContentType().map(Object::toString)).hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"langnghe-dot-" + MEETING + ".xlsx\"");
        List<List<String>> rows = rows(response.body());
        assertThat(rows).hasSize(1 + 3);
        assertThat(rows.get(0)).containsExactlyElementsOf(MeetingReportRow.HEADER);
        List<String> codes = rows.stream().skip(1).map(r -> r.get(0)).toList();
        assertThat(codes).containsExactlyInAnyOrder(TrackingCode.display(answered.trackingCode()),
                TrackingCode.display(waiting.trackingCode()), TrackingCode.display(resolved.trackingCode()));
        List<String> answeredRow = rows.stream().filter(r -> r.get(0).equals(TrackingCode.display(answered.trackingCode()))).findFirst().orElseThrow();
        assertThat(answeredRow).containsExactly(TrackingCode.display(answered.trackingCode()), "Tổ dân phố 5", "Giao thông, hạ tầng",
                "Phòng Kinh tế, Hạ tầng và Đô thị", "Đã trả lời", "Đề nghị nạo vét cống ngõ 5", "Đã nạo vét ngày 22/11.",
                "20/11/2026 08:30", "23/11/2026 08:30", "22/11/2026 08:30", "");
        List<String> waitingRow = rows.stream().filter(r -> r.get(0).equals(TrackingCode.display(waiting.trackingCode()))).findFirst().orElseThrow();
        assertThat(waitingRow.get(4)).isEqualTo("Đã chuyển đơn vị xử lý");
        assertThat(waitingRow.get(5)).as("a formula stays text").isEqualTo("'=1+1 kiến nghị lắp đèn đường");
        String sheet = String.join("|", rows.stream().flatMap(List::stream).toList());
        assertThat(sheet).doesNotContain(TrackingCode.display(otherMeeting.trackingCode()), "+84901234567", "Nguyễn Văn An", "12 ngõ 5");
    }

    @Test
    void anUnknownMeetingIsA404AndAnOfficerMayNotDownload() {
        HttpClientResponseException unknown = catchThrowableOfType(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.GET("/api/export/batch/no-such-meeting").bearerAuth(deputy), byte[].class));
        assertThat(unknown.getStatus().getCode()).isEqualTo(404);
        assertThat(unknown.getResponse().getContentType().map(Object::toString)).hasValue("application/problem+json");

        HttpClientResponseException format = catchThrowableOfType(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.GET("/api/export/batch/" + MEETING + "?format=pdf").bearerAuth(deputy), byte[].class));
        assertThat(format.getStatus().getCode()).isEqualTo(400);

        String officer = Login.token(client, "canbo.kinh_te_ha_tang_do_thi");
        HttpClientResponseException forbidden = catchThrowableOfType(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.GET("/api/export/batch/" + MEETING).bearerAuth(officer), byte[].class));
        assertThat(forbidden.getStatus().getCode()).isEqualTo(403);
    }

    /** The cells of the sheet, row by row, as a spreadsheet shows them. */
    private static List<List<String>> rows(byte[] xlsx) {
        String sheet = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    sheet = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(sheet).as("the worksheet part").isNotNull();
        List<List<String>> rows = new ArrayList<>();
        for (String row : sheet.split("<row>")) {
            if (!row.contains("</row>")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            Matcher cell = CELL.matcher(row);
            while (cell.find()) {
                cells.add(cell.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&"));
            }
            rows.add(cells);
        }
        return rows;
    }
}
