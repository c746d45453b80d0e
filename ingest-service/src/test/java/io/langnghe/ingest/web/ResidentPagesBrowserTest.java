package io.langnghe.ingest.web;

import io.langnghe.contracts.Channel;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.Json;
import io.langnghe.contracts.Topics;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.ingest.FakeSearchService;
import io.langnghe.ingest.TestIngest;
import io.langnghe.ingest.TestPhotos;
import io.langnghe.localstack.Ports;
import io.langnghe.testsupport.HeadlessChromium;
import io.langnghe.testsupport.SealedContacts;
import io.langnghe.testsupport.SharedInfrastructure;
import io.langnghe.testsupport.TopicProbe;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resident pages in Debian's Chromium, as a resident uses them: fill the form in Vietnamese,
 * send, read the tracking code, follow it, switch to English. The petition goes to the real broker;
 * the tracking page reads through ingest-service from a stand-in for search-service
 * ({@link FakeSearchService}), which answers one registered case and a real 404 for anything else.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResidentPagesBrowserTest implements TestPropertyProvider {

    private static final Duration WITHIN = Duration.ofSeconds(15);
    /** Ten symbols of the tracking-code alphabet as they are shown, XXXX-XXXX-XX. */
    private static final java.util.regex.Pattern TRACKING_CODE_SHAPE = java.util.regex.Pattern.compile("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{2}");
    private static final String PETITION = "Đèn đường ở ngõ 7 phố Đông Sơn bị hỏng ba hôm nay, tối đi lại rất nguy hiểm";

    private final String prefix = SharedInfrastructure.uniquePrefix();
    private final int port = Ports.free();
    private Topics topics;
    private TopicProbe probe;
    private WebDriver browser;
    private WebDriverWait wait;
    private HeadlessChromium chromium;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        topics = SharedInfrastructure.createTopics(prefix);
        return TestIngest.withFakeSearch(prefix, port);
    }

    @BeforeAll
    void startChromium() {
        probe = SharedInfrastructure.topicProbe();
        chromium = HeadlessChromium.start(412, 915);
        browser = chromium.driver();
        wait = new WebDriverWait(browser, WITHIN);
    }

    @AfterAll
    void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void inVietnameseAsOnAFirstVisit() {
        browser.get(url("/"));
        ((JavascriptExecutor) browser).executeScript("window.localStorage.clear()");
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("label[for=text]"), "Nội dung kiến nghị"));
    }

    @Test
    void residentSendsAPetitionInVietnameseAndFollowsItByItsCode() throws IOException {
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        wait.until(driver -> new Select(driver.findElement(By.id("area"))).getOptions().size() > 1);

        browser.findElement(By.id("text")).sendKeys(PETITION);
        new Select(browser.findElement(By.id("area"))).selectByVisibleText("Tổ dân phố 7");
        browser.findElement(By.id("address")).sendKeys("Ngõ 7 phố Đông Sơn");
        browser.findElement(By.id("name")).sendKeys("Lê Thị Hoa");
        browser.findElement(By.id("phone")).sendKeys("0912 345 678");
        browser.findElement(By.id("consent")).click();
        browser.findElement(By.id("send")).click();

        WebElement shownCode = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tracking-code")));
        String code = shownCode.getText();
        assertThat(TrackingCode.parse(code)).map(TrackingCode::display).contains(code);
        assertThat(shownCode.getCssValue("font-size")).satisfies(size -> assertThat(Double.parseDouble(size.replace("px", ""))).isGreaterThanOrEqualTo(28));
        assertThat(browser.findElement(By.cssSelector("#receipt h2")).getText()).isEqualTo("Phường đã nhận kiến nghị của bạn");

        FeedbackReceived event = eventWithCode(code);
        assertThat(event.channel()).isEqualTo(Channel.WEB);
        assertThat(event.text()).isEqualTo(PETITION);
        assertThat(event.area()).isEqualTo("tdp-07");
        assertThat(SealedContacts.of(topics).open(event.contact(), event.address()).address()).isEqualTo("Ngõ 7 phố Đông Sơn");
        assertThat(SealedContacts.of(topics).open(event.contact(), event.address()).name()).isEqualTo("Lê Thị Hoa");
        assertThat(SealedContacts.of(topics).open(event.contact(), event.address()).phone()).isEqualTo("+84912345678");
        assertThat(event.contact().consentToContact()).isTrue();
        assertThat(event.client().get("userAgent")).contains("Chrome");

        FakeSearchService.knows(code, """
                {"trackingCode":"%s","status":"in_progress",
                 "category":{"code":"giao_thong_ha_tang","vi":"Giao thông, hạ tầng","en":"Roads and infrastructure"},
                 "department":{"code":"kinh_te_ha_tang_do_thi","vi":"Phòng Kinh tế, Hạ tầng và Đô thị","en":"Economy, Infrastructure and Urban Affairs"},
                 "createdAt":"2026-11-26T01:00:00Z","updatedAt":"2026-11-26T02:00:00Z","dueAt":"2026-11-28T10:00:00Z",
                 "publicAnswer":"Tổ điện sẽ thay bóng <b>trong tuần</b>.","text":"never shown"}""".formatted(code));
        browser.findElement(By.id("track-link")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("status")));
        assertThat(browser.getCurrentUrl()).endsWith("/track.html?code=" + code);
        assertThat(browser.findElement(By.id("status-code")).getText()).isEqualTo(code);
        assertThat(browser.findElement(By.id("status-value")).getText()).isEqualTo("Đang xử lý");
        assertThat(browser.findElement(By.id("department-value")).getText()).isEqualTo("Phòng Kinh tế, Hạ tầng và Đô thị");
        assertThat(browser.findElement(By.id("deadline-value")).getText()).contains("28", "11", "2026", "17:00");
        // The ward's words are shown as text: markup in them is not interpreted.
        assertThat(browser.findElement(By.id("answer-value")).getText()).isEqualTo("Tổ điện sẽ thay bóng <b>trong tuần</b>.");
        assertThat(browser.findElements(By.cssSelector("#answer-value b"))).isEmpty();
        assertThat(browser.findElement(By.id("rating")).isDisplayed()).as("nothing to rate before the answer").isFalse();

        browser.findElement(By.id("language")).click();

        assertThat(browser.findElement(By.id("status-value")).getText()).isEqualTo("In progress");
        assertThat(browser.findElement(By.id("department-value")).getText()).isEqualTo("Economy, Infrastructure and Urban Affairs");
        assertThat(browser.findElement(By.cssSelector("#status dt")).getText()).isEqualTo("Status");
    }

    @Test
    void trackingPageSaysWhenNoPetitionHasTheCode() {
        String unknown = TrackingCode.generate().display();

        browser.get(url("/track.html?code=" + unknown));

        WebElement errors = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("errors")));
        assertThat(errors.getText()).startsWith("Không tìm thấy mã tra cứu").doesNotContain("Tracking code not found");
        assertThat(browser.findElement(By.id("status")).isDisplayed()).isFalse();

        browser.findElement(By.id("language")).click();

        assertThat(browser.findElement(By.id("errors")).getText()).startsWith("Tracking code not found");
    }

    @Test
    void residentSeesTheWardsPhotoOfProofUnderTheAnswer() {
        String code = TrackingCode.generate().display();
        String ref = "sha256-" + "be".repeat(32) + ".png";
        FakeSearchService.knows(code, """
                {"trackingCode":"%s","status":"answered","publicAnswer":"Đã nạo vét cống.",
                 "answerPhotos":[{"ref":"%s","contentType":"image/png"}]}""".formatted(code, ref));
        FakeSearchService.showsPhoto(code, ref, TestPhotos.png());

        browser.get(url("/track.html?code=" + code));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("answer-photos-block")));
        WebElement photo = browser.findElement(By.cssSelector("#answer-photos img.photo[data-ref='" + ref + "']"));
        wait.until(driver -> Long.parseLong(photo.getDomProperty("naturalWidth")) > 0);
        assertThat(photo.getAttribute("alt")).isEqualTo("Ảnh minh chứng");
    }

    @Test
    void residentFollowsALetterWhoseRequestsTheWardTookUpSeparately() {
        String code = TrackingCode.generate().display();
        // as search-service answers, plus a field this public door must not pass on
        FakeSearchService.knows(code, """
                {"trackingCode":"%s","status":"assigned","department":{"code":"kinh_te_ha_tang_do_thi","vi":"Phòng Kinh tế","en":"Economy"},
                 "requests":[
                  {"number":1,"status":"answered","category":{"code":"giao_thong_ha_tang","vi":"Giao thông, hạ tầng","en":"Roads"},
                   "department":{"code":"kinh_te_ha_tang_do_thi","vi":"Phòng Kinh tế","en":"Economy"},
                   "publicAnswer":"Đã nạo vét <img src=x onerror=\\"window.__pwned=1\\">","caseId":"case-1-1"},
                  {"number":2,"status":"merged","department":{"code":"cong_an","vi":"Công an phường","en":"Ward police"}},
                  {"number":3,"department":{"code":"van_hoa_xa_hoi","vi":"Phòng Văn hóa - Xã hội","en":"Culture"}}]}"""
                .formatted(code));

        browser.get(url("/track.html?code=" + code));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("requests-block")));
        List<WebElement> requests = browser.findElements(By.cssSelector("#requests li"));
        assertThat(requests).hasSize(3);
        assertThat(requests.get(0).getText()).contains("Kiến nghị số 1 · Giao thông, hạ tầng", "Đã trả lời", "Phòng Kinh tế",
                "Đã nạo vét <img src=x onerror=\"window.__pwned=1\">");
        assertThat(requests.get(1).getText()).contains("Kiến nghị số 2", "Đã gộp lại vào đơn", "Công an phường");
        assertThat(requests.get(2).getText()).contains("Kiến nghị số 3", "Đang chuyển đơn vị xử lý", "Phòng Văn hóa - Xã hội");
        assertThat(((JavascriptExecutor) browser).executeScript("return typeof window.__pwned")).isEqualTo("undefined");
        assertThat(browser.findElements(By.cssSelector("#requests img"))).isEmpty();
        assertThat((String) ((JavascriptExecutor) browser).executeScript(
                "var x = new XMLHttpRequest(); x.open('GET', '/api/track/" + code + "', false); x.send(); return x.responseText;"))
                .as("only what a resident may read").contains("\"number\":1").doesNotContain("caseId", "case-1-1");

        browser.findElement(By.id("language")).click();
        assertThat(browser.findElement(By.cssSelector("#requests li")).getText()).contains("Request 1 · Roads", "Answered");
    }

    @Test
    void residentRatesAnAnsweredPetitionAndSaysItIsNotFixed() throws IOException {
        String code = TrackingCode.generate().display();
        FakeSearchService.knows(code, """
                {"trackingCode":"%s","status":"answered","department":{"code":"van_phong","vi":"Văn phòng","en":"Office"},
                 "publicAnswer":"Đã nạo vét cống.","rating":{"stars":4,"fixed":true,"ratedAt":"2026-11-20T08:00:00Z"}}""".formatted(code));

        browser.get(url("/track.html?code=" + code));

        WebElement rating = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rating")));
        assertThat(browser.findElement(By.id("rating-saved")).getText()).startsWith("Đánh giá của bạn: 4/5 sao · đã khắc phục");
        browser.findElement(By.id("rating-send")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rating-errors"))).getText())
                .contains("Hãy chọn số sao");
        assertThat(FakeSearchService.lastRating()).doesNotContain(code);

        rating.findElement(By.cssSelector("input[name=stars][value='2']")).click();
        rating.findElement(By.cssSelector("input[name=fixed][value=false]")).click();
        browser.findElement(By.id("rating-proof")).sendKeys("5678");
        browser.findElement(By.id("rating-comment")).sendKeys("Mưa xong lại ngập <img src=x onerror=alert(1)>");
        browser.findElement(By.id("rating-send")).click();

        WebElement thanks = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rating-thanks")));
        assertThat(thanks.getText()).isEqualTo("Cảm ơn bạn đã đánh giá. Phường sẽ mở lại kiến nghị để xử lý tiếp.");
        assertThat(browser.findElement(By.id("rating-form")).isDisplayed()).isFalse();
        var sent = Json.mapper().readTree(FakeSearchService.lastRating());
        assertThat(sent.path("stars").asInt()).isEqualTo(2);
        assertThat(sent.path("fixed").asBoolean(true)).isFalse();
        assertThat(sent.path("comment").asText()).isEqualTo("Mưa xong lại ngập <img src=x onerror=alert(1)>");
        assertThat(sent.path("proof").asText()).as("the proof travels on to search-service").isEqualTo("5678");

        browser.findElement(By.id("language")).click();

        assertThat(browser.findElement(By.id("rating-thanks")).getText()).startsWith("Thank you for your rating.");
        assertThat(browser.findElement(By.cssSelector("#rating h2")).getText()).isEqualTo("Rate the ward's answer");
    }

    @Test
    void switchesToEnglishAndRemembersIt() {
        browser.findElement(By.id("language")).click();

        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.cssSelector("label[for=text]")).getText()).isEqualTo("Your petition");
        assertThat(browser.findElement(By.id("send")).getText()).isEqualTo("Send petition");
        assertThat(browser.findElement(By.id("language")).getText()).isEqualTo("Tiếng Việt");

        browser.navigate().refresh();
        wait.until(driver -> new Select(driver.findElement(By.id("area"))).getOptions().size() > 1);

        assertThat(browser.findElement(By.cssSelector("label[for=consent]")).getText())
                .isEqualTo("I agree that ward officers may contact me about this petition.");
        assertThat(new Select(browser.findElement(By.id("area"))).getOptions())
                .extracting(WebElement::getText).contains("Residential group 5");
    }

    @Test
    void answersPageListsAnsweredPetitionsWithWhatResidentsWroteShownAsText() {
        String answered = java.util.UUID.randomUUID().toString();
        String stillOpen = java.util.UUID.randomUUID().toString();
        FakeSearchService.lists("""
                {"publicId":"%s","status":"answered","open":true,
                 "category":{"code":"moi_truong","vi":"Môi trường, vệ sinh","en":"Environment and sanitation"},
                 "area":{"code":"tdp-09","vi":"Tổ dân phố 9","en":"Residential group 9"},
                 "department":{"code":"kinh_te_ha_tang_do_thi","vi":"Phòng Kinh tế, Hạ tầng và Đô thị","en":"Economy, Infrastructure and Urban Affairs"},
                 "text":"<script>window.pwned=1</script><img src=x onerror=\\"window.pwned=2\\"> Rác ở ngõ 9, gọi [số điện thoại]",
                 "publicAnswer":"Đã thu gom <b>xong</b> ngày 20/11.",
                 "receivedAt":"2026-11-18T01:00:00Z","updatedAt":"2026-11-20T03:00:00Z","dueAt":"2026-11-21T10:00:00Z"}""".formatted(answered));
        FakeSearchService.lists("""
                {"publicId":"%s","status":"assigned","open":true,"area":{"code":"tdp-09","vi":"Tổ dân phố 9","en":"Residential group 9"},
                 "text":"Chưa trả lời","receivedAt":"2026-11-19T01:00:00Z","updatedAt":"2026-11-19T01:00:00Z"}""".formatted(stillOpen));

        browser.findElement(By.cssSelector(".aside-more a")).click();
        wait.until(ExpectedConditions.urlContains("/answers.html"));
        browser.get(url("/answers.html?area=tdp-09"));

        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#answers li")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Kiến nghị đã được trả lời");
        assertThat(browser.findElements(By.cssSelector("#answers li"))).hasSize(1);
        assertThat(card.findElement(By.tagName("h2")).getText()).isEqualTo("Môi trường, vệ sinh · Tổ dân phố 9");
        assertThat(card.getText()).contains("18/11/2026", "20/11/2026", "Đã trả lời", "Phòng Kinh tế, Hạ tầng và Đô thị")
                .doesNotContain("Chưa trả lời");
        // No tracking code anywhere on the page: the card links by its public id.
        assertThat(TRACKING_CODE_SHAPE.matcher(browser.findElement(By.tagName("body")).getText()).find()).isFalse();
        assertThat(card.findElement(By.cssSelector("h2 a")).getAttribute("href")).endsWith("/answers.html?id=" + answered);
        // What residents and the ward wrote is shown as text: nothing in it runs or is drawn.
        assertThat(card.findElement(By.cssSelector(".answered-text p")).getText())
                .isEqualTo("<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\"> Rác ở ngõ 9, gọi [số điện thoại]");
        assertThat(card.findElement(By.cssSelector(".answer p")).getText()).isEqualTo("Đã thu gom <b>xong</b> ngày 20/11.");
        assertThat(browser.findElements(By.cssSelector("#answers img, #answers script, #answers b"))).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined")).isEqualTo(true);
        assertThat(new Select(browser.findElement(By.id("area"))).getFirstSelectedOption().getText()).isEqualTo("Tổ dân phố 9");

        browser.findElement(By.id("language")).click();

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Answered petitions");
        // the list is drawn anew in English
        assertThat(browser.findElement(By.cssSelector("#answers h2")).getText()).isEqualTo("Environment and sanitation · Residential group 9");
        assertThat(browser.findElement(By.cssSelector("#answers .answered-status")).getText()).startsWith("Answered");

        browser.get(url("/answers.html?id=" + stillOpen));

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#answers li"), "Chưa trả lời"));
        assertThat(browser.findElements(By.cssSelector("#answers li"))).hasSize(1);
        assertThat(FakeSearchService.lastPublicQuery()).contains("ids=" + stillOpen).doesNotContain("status=");
    }

    @Test
    void showsTheServersReasonInTheChosenLanguageAndSendsNothing() {
        long before = probe.count(topics.feedbackReceived().name(), WITHIN);
        browser.findElement(By.id("text")).sendKeys("Nước sinh hoạt bị đục");
        browser.findElement(By.id("phone")).sendKeys("12 34");
        browser.findElement(By.id("send")).click();

        WebElement errors = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("errors")));
        assertThat(errors.getText()).contains("Dữ liệu không hợp lệ", "Số điện thoại không hợp lệ").doesNotContain("Invalid input");

        browser.findElement(By.id("language")).click();

        assertThat(browser.findElement(By.id("errors")).getText()).contains("Invalid input", "Not a Vietnamese mobile or landline number");
        assertThat(browser.findElement(By.id("receipt")).isDisplayed()).isFalse();
        assertThat(probe.count(topics.feedbackReceived().name(), WITHIN)).isEqualTo(before);
    }

    @Test
    void showsTheApiInSwaggerUiServedFromThisServiceUnderItsStrictPolicy() {
        browser.get(url("/api-docs.html"));

        WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".information-container .title")));
        assertThat(title.getText()).startsWith("Lắng Nghe ingest-service");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("swagger-ui"), "/api/batches/csv"));
    }

    @Test
    void residentAddsAPhotoWhoseLocationIsRemoved() throws IOException {
        Path photo = Files.createTempFile(chromium.profile(), "cong-", ".jpg");
        Files.write(photo, TestPhotos.jpegWithGps());
        wait.until(driver -> new Select(driver.findElement(By.id("area"))).getOptions().size() > 1);
        browser.findElement(By.id("text")).sendKeys(PETITION);
        new Select(browser.findElement(By.id("area"))).selectByValue("tdp-07");
        browser.findElement(By.id("photos")).sendKeys(photo.toString());
        browser.findElement(By.id("send")).click();

        String code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tracking-code"))).getText();

        FeedbackReceived event = eventWithCode(code);
        assertThat(event.photos()).singleElement().satisfies(ref -> {
            assertThat(ref.contentType()).isEqualTo("image/jpeg");
            assertThat(ref.locationKept()).isFalse();
            assertThat(ref.ref()).matches("sha256-[0-9a-f]{64}\\.jpg");
        });
        assertThat(event.text()).isEqualTo(PETITION);
    }

    private FeedbackReceived eventWithCode(String code) throws IOException {
        List<String> values = probe.readAll(topics.feedbackReceived().name(), WITHIN).stream()
                .map(record -> record.value())
                .filter(value -> value.contains("\"trackingCode\":\"" + code + "\""))
                .toList();
        assertThat(values).hasSize(1);
        return Json.mapper().readValue(values.get(0), FeedbackReceived.class);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }
}
