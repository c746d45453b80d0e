package io.langnghe.search.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.langnghe.contracts.CaseState;
import io.langnghe.contracts.CaseStatus;
import io.langnghe.contracts.Category;
import io.langnghe.contracts.Classification;
import io.langnghe.contracts.ProposedRequest;
import io.langnghe.search.Login;
import io.langnghe.search.SharedStack;
import io.langnghe.search.TestCases;
import io.langnghe.testsupport.HeadlessChromium;
import io.langnghe.testsupport.SharedInfrastructure;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A letter that holds three requests, on the officer's case page in a real browser: the officer chooses two
 * of the proposals, sees the two cases made of them appear with their department and status, opens the one
 * that stayed in the department and merges it back into the letter. routing-streams does not run here: the
 * test publishes the states it would publish after each command.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LetterPageBrowserTest implements TestPropertyProvider {

    private static final String INFRASTRUCTURE = "kinh_te_ha_tang_do_thi";
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DRAIN = "Thứ nhất, cống ngõ 5 tắc <img src=x onerror=\"window.__pwned=1\">";
    private static final String RACING = "Thứ hai, thanh niên đua xe ban đêm.";
    private static final String LIGHTS = "Thứ ba, đèn đường ngõ 7 không sáng.";

    private final SharedStack stack = new SharedStack();

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    private HeadlessChromium browser;
    private ChromeDriver driver;
    private TestCases letter;

    @Override
    public Map<String, String> getProperties() {
        return stack.properties();
    }

    @BeforeAll
    void publishTheLetterAndOpenTheBrowser() throws Exception {
        letter = TestCases.caseState().text(String.join(" ", DRAIN, RACING, LIGHTS)).classification(new Classification(
                Category.GIAO_THONG_HA_TANG, 0.8, List.of("cống"), null, List.of(
                new ProposedRequest(1, DRAIN, Category.GIAO_THONG_HA_TANG, INFRASTRUCTURE, "tdp-05"),
                new ProposedRequest(2, RACING, Category.AN_NINH_TRAT_TU, "cong_an", "tdp-05"),
                new ProposedRequest(3, LIGHTS, Category.GIAO_THONG_HA_TANG, INFRASTRUCTURE, "tdp-07"))));
        stack.publish(letter.build());
        String leader = Login.token(client, "lanhdao");
        await().atMost(WITHIN).ignoreExceptions().until(() -> client.toBlocking()
                .exchange(HttpRequest.GET("/api/cases/" + letter.build().caseId()).bearerAuth(leader)).getStatus().getCode() == 200);
        browser = HeadlessChromium.start(412, 915, "--lang=vi");
        driver = browser.driver();
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
        stack.close();
    }

    @Test
    void anOfficerAcceptsTwoOfThreeRequestsSeesTheirCasesAndMergesOneBack() throws Exception {
        String letterId = letter.build().caseId();
        logIn("canbo." + INFRASTRUCTURE);
        driver.get(server.getURL() + "/officer.html#case=" + letterId);
        await().atMost(WITHIN).until(() -> driver.findElements(By.cssSelector("#case-requests li")).size() == 3);

        // Given the three proposals, each with its category and department, the resident's words as text
        List<WebElement> proposals = driver.findElements(By.cssSelector("#case-requests li"));
        assertThat(proposals.get(0).getText()).contains("Kiến nghị 1: " + DRAIN, "Giao thông, hạ tầng", "Phòng Kinh tế, Hạ tầng và Đô thị");
        assertThat(proposals.get(1).getText()).contains("Kiến nghị 2: " + RACING, "An ninh, trật tự", "Công an phường");
        assertThat(driver.findElement(By.id("children-block")).isDisplayed()).as("no case made of it yet").isFalse();
        assertThat(driver.findElement(By.id("letter-block")).isDisplayed()).as("a letter is no request").isFalse();
        WebElement accept = driver.findElement(By.cssSelector("button[data-action='accept_requests']"));
        assertThat(accept.getText()).isEqualTo("Tách thành hồ sơ riêng");

        // When the officer ticks the first two and accepts them
        proposals.get(0).findElement(By.cssSelector("input[type=checkbox]")).click();
        proposals.get(1).findElement(By.cssSelector("input[type=checkbox]")).click();
        accept.click();

        await().atMost(WITHIN).until(() -> driver.findElement(By.id("action-message")).getText().startsWith("Đã ghi nhận"));
        JsonNode command = command(letterId, "accept_requests");
        assertThat(command.path("requests")).extracting(JsonNode::asInt).containsExactly(1, 2);
        assertThat(command.path("actor").path("username").asText()).isEqualTo("canbo." + INFRASTRUCTURE);

        // routing-streams opens the two cases and lists them on the letter
        TestCases drain = request(letterId, 1, DRAIN, INFRASTRUCTURE, Category.GIAO_THONG_HA_TANG);
        TestCases racing = request(letterId, 2, RACING, "cong_an", Category.AN_NINH_TRAT_TU);
        stack.publish(drain.build());
        stack.publish(racing.build());
        stack.publish(letter.version(2).letter(CaseState.Letter.NONE.withChildren(List.of(
                new CaseState.Child(1, drain.build().caseId(), INFRASTRUCTURE),
                new CaseState.Child(2, racing.build().caseId(), "cong_an")))).build());

        // Then both appear under the letter, with department and status, without a reload
        await().atMost(WITHIN).until(() -> driver.findElements(By.cssSelector("#case-children li[data-status='assigned']")).size() == 2);
        List<WebElement> children = driver.findElements(By.cssSelector("#case-children li"));
        assertThat(children.get(0).getText()).contains("Kiến nghị 1", "Đã phân công", "Phòng Kinh tế, Hạ tầng và Đô thị");
        assertThat(children.get(1).getText()).contains("Kiến nghị 2", "Đã phân công", "Công an phường");
        assertThat(children.get(1).findElements(By.tagName("a"))).as("another department's case is not opened from here").isEmpty();
        assertThat(driver.findElement(By.id("action-message")).getText()).isEqualTo("Hồ sơ đã được cập nhật.");
        assertThat(driver.findElements(By.cssSelector("#case-requests input[type=checkbox]"))).as("only the third is left to choose")
                .singleElement().extracting(box -> box.getAttribute("value")).isEqualTo("3");

        // When the officer opens the case that stayed in the department and merges it back
        children.get(0).findElement(By.tagName("a")).click();
        await().atMost(WITHIN).until(() -> drain.build().caseId().equals(driver.findElement(By.id("case-section")).getAttribute("data-case-id")));
        await().atMost(WITHIN).until(() -> driver.findElement(By.id("letter-of")).isDisplayed());
        assertThat(driver.findElement(By.id("letter-of")).getText()).isEqualTo("Kiến nghị số 1 của đơn " + letterId);
        assertThat(driver.findElement(By.id("requests-block")).isDisplayed()).isFalse();
        WebElement mergeBack = driver.findElement(By.cssSelector("button[data-action='merge_back']"));
        assertThat(mergeBack.getText()).isEqualTo("Gộp lại vào đơn gốc");
        mergeBack.click();

        await().atMost(WITHIN).until(() -> driver.findElement(By.id("action-message")).getText().startsWith("Đã ghi nhận"));
        assertThat(command(drain.build().caseId(), "merge_back").path("actor").path("department").asText()).isEqualTo(INFRASTRUCTURE);
        stack.publish(drain.version(2).status(CaseStatus.MERGED).build());

        // Then the case shows it is merged, and nothing the resident wrote ran as code
        await().atMost(WITHIN).until(() -> "merged".equals(driver.findElement(By.id("case-status")).getAttribute("data-status")));
        assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("Đã gộp");
        assertThat(driver.findElement(By.cssSelector("button[data-action='merge_back']")).isDisplayed()).isFalse();
        assertThat(driver.executeScript("return typeof window.__pwned")).isEqualTo("undefined");

        driver.findElement(By.id("lang")).click();
        assertThat(driver.findElement(By.id("letter-of")).getText()).isEqualTo("Request 1 of the letter " + letterId);
        driver.findElement(By.id("lang")).click();
    }

    /** A case made of one request of the letter, as routing-streams opens it: no tracking code of its own. */
    private static TestCases request(String letterId, int index, String text, String department, Category category) {
        return TestCases.caseState().caseId(CaseState.childId(letterId, index)).trackingCode(null).text(text)
                .department(department).category(category).letter(CaseState.Letter.requestOf(letterId, index));
    }

    private JsonNode command(String caseId, String type) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(WITHIN).until(() -> {
            found.clear();
            for (ConsumerRecord<String, String> record : SharedInfrastructure.topicProbe()
                    .readAll(stack.topics().caseCommands().name(), WITHIN)) {
                JsonNode command = JSON.readTree(record.value());
                if (caseId.equals(record.key()) && type.equals(command.path("type").asText())) {
                    found.add(command);
                }
            }
            return found.size() == 1;
        });
        return found.get(0);
    }

    private void logIn(String username) {
        driver.get(server.getURL() + "/");
        driver.executeScript("sessionStorage.clear(); localStorage.clear();");
        driver.get(server.getURL() + "/");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(Login.DEMO_PASSWORD);
        driver.findElement(By.id("login-button")).click();
        await().atMost(WITHIN).ignoreExceptions().until(() -> driver.getCurrentUrl().endsWith("/officer.html"));
    }
}
