package io.langnghe.ingest.web;

import io.langnghe.contracts.Channel;
import io.langnghe.contracts.FeedbackReceived;
import io.langnghe.contracts.Json;
import io.langnghe.contracts.Topics;
import io.langnghe.contracts.TrackingCode;
import io.langnghe.ingest.FakeSearchService;
import io.langnghe.ingest.TestIngest;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hotline console and the resident form's look-alike cases in Debian's Chromium. Sign-in and the
 * similar cases come from the stand-in for search-service's HTTP API ({@link FakeSearchService}); the
 * call itself goes to the real broker.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotlineConsoleBrowserTest implements TestPropertyProvider {

    private static final Duration WITHIN = Duration.ofSeconds(15);
    private static final String CALL = "Cống thoát nước đầu ngõ 5 lại bị tắc, nước tràn vào nhà";

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
        chromium = HeadlessChromium.start(1024, 900);
        browser = chromium.driver();
        wait = new WebDriverWait(browser, WITHIN);
    }

    @AfterAll
    void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void operatorSeesTheLookAlikeCaseAndAttachesTheCallToIt() throws IOException {
        browser.get(url("/tong-dai.html"));
        ((JavascriptExecutor) browser).executeScript("window.localStorage.clear(); window.sessionStorage.clear()");
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("tongdai");
        browser.findElement(By.id("password")).sendKeys("langnghe-demo");
        browser.findElement(By.id("login-button")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("text"))).sendKeys(CALL);
        browser.findElement(By.id("phone")).sendKeys("0912 345 678");
        wait.until(driver -> new Select(driver.findElement(By.id("area"))).getOptions().size() > 1);
        new Select(browser.findElement(By.id("area"))).selectByValue("tdp-05");

        WebElement similar = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("similar")));
        assertThat(similar.getText()).contains(FakeSearchService.SIMILAR_CODE, "Đang xử lý", "Cống thoát nước ngõ 5 bị tắc");
        assertThat(FakeSearchService.lastSimilarAuthorization()).startsWith("Bearer ");
        similar.findElement(By.cssSelector("button.attach")).click();

        WebElement shownCode = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tracking-code")));
        String code = shownCode.getText();
        assertThat(TrackingCode.parse(code)).map(TrackingCode::display).contains(code);
        assertThat(code).isNotEqualTo(FakeSearchService.SIMILAR_CODE);
        assertThat(shownCode.getCssValue("font-size")).satisfies(size -> assertThat(Double.parseDouble(size.replace("px", ""))).isGreaterThanOrEqualTo(28));
        assertThat(browser.findElement(By.id("attached-code")).getText()).isEqualTo(FakeSearchService.SIMILAR_CODE);

        FeedbackReceived event = eventWithCode(code);
        assertThat(event.channel()).isEqualTo(Channel.HOTLINE);
        assertThat(event.text()).isEqualTo(CALL);
        assertThat(event.area()).isEqualTo("tdp-05");
        assertThat(event.caseRef()).isEqualTo(FakeSearchService.SIMILAR_CODE);
        assertThat(SealedContacts.of(topics).open(event.contact(), event.address()).phone()).isEqualTo("+84912345678");
        assertThat(event.client()).isEqualTo(Map.of("operator", "tongdai"));
        assertThat((String) ((JavascriptExecutor) browser).executeScript("return window.localStorage.length + ''")).isEqualTo("0");
    }

    @Test
    void residentSeesOpenLookAlikeCasesWithALinkToFollowOne() {
        browser.get(url("/"));
        ((JavascriptExecutor) browser).executeScript("window.localStorage.clear(); window.sessionStorage.clear()");
        browser.navigate().refresh();
        wait.until(driver -> new Select(driver.findElement(By.id("area"))).getOptions().size() > 1);
        browser.findElement(By.id("text")).sendKeys(CALL);
        new Select(browser.findElement(By.id("area"))).selectByValue("tdp-05");

        WebElement similar = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("similar")));
        WebElement link = similar.findElement(By.cssSelector("a.similar-code"));
        // a resident never sees another resident's tracking code: the look-alike links to its public page
        assertThat(link.getText()).isEqualTo("Môi trường");
        assertThat(link.getAttribute("href")).endsWith("/answers.html?id=" + FakeSearchService.SIMILAR_PUBLIC_ID);
        assertThat(similar.getText()).contains("Đang xử lý").doesNotContain("Cống thoát nước ngõ 5 bị tắc", FakeSearchService.SIMILAR_CODE);
        assertThat(FakeSearchService.lastSimilarAuthorization()).isEmpty();
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
