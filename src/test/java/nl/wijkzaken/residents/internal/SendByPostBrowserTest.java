package nl.wijkzaken.residents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.deadline.LegalCalendar;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.Browser;
import nl.wijkzaken.support.RequiresBrowser;
import nl.wijkzaken.support.TaskDriver;

/**
 * In Chromium: a resident who chose post; the decision is taken; the front office opens "Per post verzenden" in
 * Tasklist (address and the letter to print), ticks that it is posted and completes it; the resident's status page
 * then shows the decision, the letter to download and "bezwaar tot en met" the last day counted from that day.
 * Screenshots: target/screenshots/letters-*.png.
 */
@RequiresBrowser
@ApplicationTest
class SendByPostBrowserTest {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired ResidentCases cases;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired CaseFiles caseFiles;

    WebDriver browser;

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theFrontOfficePostsTheLetterInTasklistAndTheResidentThenSeesTheDecisionAndTheLastDayToObject() throws Exception {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 12, 3, 10, 0).atZone(DutchFormat.ZONE).toInstant()));
        TaskDriver driver = new TaskDriver(context);
        Submission submission = cases.submit(new ResidentRequest("Fatima de Vries", "fatima@example.org", null, null,
                "maarssenbroek", Category.VERKEER_EN_PARKEREN, "Drempel in de Bisonspoor", "Graag een drempel.",
                new BigDecimal("300"), Urgency.ACUUT, "Bisonspoor", "Straatweg", "1", "3621 AB", "Breukelen", null, null), null);
        String processInstanceId = cases.findByToken(submission.token()).orElseThrow().processInstanceId();
        driver.runMessages(processInstanceId);
        runtimeService.setVariables(processInstanceId, Map.of("decisionChannel", "post", "postalStreet", "Bisonspoor",
                "postalHouseNumber", "3", "postalCode", "3605 KL", "postalPlace", "Maarssen"));
        driver.complete(processInstanceId, "HandleFastLane", "wm.maarssenbroek", Map.of("outcome", "afgewezen",
                "decisionMotivation", "Op deze weg zijn drempels niet toegestaan."));
        Task post = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey("SendByPost").singleResult();
        taskService.claim(post.getId(), "balie");

        browser = Browser.start();
        WebDriverWait wait = Browser.waiting(browser, Duration.ofSeconds(60));
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.urlContains("#/login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='password']")));
        type(browser.findElement(By.cssSelector("input[ng-model='username']")), "balie");
        type(browser.findElement(By.cssSelector("input[ng-model='password']")), "demo");
        click(browser.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")));
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("#/login")));
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + post.getId());

        By addressField = By.xpath("//label[contains(normalize-space(.), 'Postadres')]/following::textarea[1]");
        wait.until(d -> !d.findElement(addressField).getAttribute("value").isEmpty());
        assertThat(browser.findElement(addressField).getAttribute("value")).isEqualTo("Bisonspoor 3\n3605 KL Maarssen");
        wait.until(d -> d.getPageSource().contains(submission.caseNumber() + "-afwijzing.pdf"));
        Browser.screenshot(browser, "letters-1-per-post-verzenden");

        click(browser.findElement(By.xpath("//label[contains(normalize-space(.), 'op de post gedaan')]/preceding::input[@type='checkbox'][1] | //label[contains(normalize-space(.), 'op de post gedaan')]//input[@type='checkbox']")));
        Thread.sleep(1000); // form-js takes the change over after a short debounce
        click(browser.findElement(By.cssSelector("button[ng-click='complete()']")));
        waitUntil(() -> taskService.createTaskQuery().taskId(post.getId()).count() == 0);

        LocalDate sentOn = LocalDate.of(2026, 12, 3);
        assertThat(caseFiles.decisionSentOn(submission.caseNumber())).contains(sentOn);
        browser.get("http://localhost:" + port + "/status/" + submission.token());
        WebElement outcome = Browser.await(browser, By.id("decision-outcome"));
        assertThat(outcome.getText()).isEqualTo("Afgewezen");
        assertThat(browser.findElement(By.id("objection-until")).getText())
                .isEqualTo(DutchFormat.date(LegalCalendar.ofLaw().objectionTermEnd(sentOn)))
                .isEqualTo("14 januari 2027");
        assertThat(browser.findElement(By.id("decision-sent")).getText()).contains("3 december 2026", "per post");
        assertThat(browser.findElement(By.id("decision-letter")).getAttribute("href")).contains("/brief/");
        Browser.screenshot(browser, "letters-2-status-page");
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s").isLessThan(until);
            Thread.sleep(200);
        }
    }

    private void type(WebElement input, String text) {
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                        + " arguments[0].dispatchEvent(new Event('blur'));", input, text);
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].click();", element);
    }
}
