package io.langnghe.ingest.web;

import io.langnghe.contracts.Topics;
import io.langnghe.ingest.TestIngest;
import io.langnghe.localstack.Ports;
import io.langnghe.testsupport.HeadlessChromium;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resident page when the first answer is a 503 (Kafka did not confirm in time): it says it sends the
 * petition again, does so after Retry-After with the same Idempotency-Key, and the petition is filed once.
 * The 503 is made in the browser (the page's fetch answers it once); the retry goes to the real service.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetryAfter503BrowserTest implements TestPropertyProvider {

    private static final Duration WITHIN = Duration.ofSeconds(20);
    private static final String PETITION = "Cống thoát nước ở ngõ 12 bị tắc, nước tràn vào nhà dân mỗi khi mưa";

    private final String prefix = SharedInfrastructure.uniquePrefix();
    private final int port = Ports.free();
    private Topics topics;
    private WebDriver browser;
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
        chromium = HeadlessChromium.start(412, 915);
        browser = chromium.driver();
    }

    @AfterAll
    void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aPetitionAnswered503IsSentAgainWithTheSameKeyAndFiledOnce() {
        browser.get("http://localhost:" + server.getPort() + "/");
        WebDriverWait wait = new WebDriverWait(browser, WITHIN);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("text")));
        // the first POST answers as ingest-service does when Kafka is slow; every call's key is noted
        ((JavascriptExecutor) browser).executeScript("""
                var realFetch = window.fetch;
                window.sentKeys = [];
                window.fetch = function (url, options) {
                  if (String(url).indexOf('/api/feedback') >= 0) {
                    window.sentKeys.push(options.headers['Idempotency-Key']);
                    if (window.sentKeys.length === 1) {
                      return Promise.resolve(new Response(JSON.stringify({status: 503, title: 'Tạm thời không tiếp nhận được / Temporarily unavailable'}),
                        {status: 503, headers: {'Retry-After': '1', 'Content-Type': 'application/problem+json'}}));
                    }
                  }
                  return realFetch.apply(this, arguments);
                };""");

        browser.findElement(By.id("text")).sendKeys(PETITION);
        browser.findElement(By.id("send")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("errors"), "tự gửi lại sau 1 giây"));
        String code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tracking-code"))).getText();
        @SuppressWarnings("unchecked")
        List<String> keys = (List<String>) ((JavascriptExecutor) browser).executeScript("return window.sentKeys;");
        assertThat(keys).hasSize(2);
        assertThat(keys.get(1)).isEqualTo(keys.get(0));
        TopicProbe probe = SharedInfrastructure.topicProbe();
        assertThat(probe.readAll(topics.feedbackReceived().name(), WITHIN))
                .filteredOn(record -> record.value().contains(code))
                .hasSize(1);
    }
}
