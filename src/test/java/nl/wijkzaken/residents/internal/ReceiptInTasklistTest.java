package nl.wijkzaken.residents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.Browser;
import nl.wijkzaken.support.RequiresBrowser;
import nl.wijkzaken.support.StaffApi;
import nl.wijkzaken.support.StaffApi.Reply;

/**
 * The front office in Tasklist, in a real browser: right after registering, the receipt task shows the case summary,
 * the case number and the resident's status link, and links to the printable receipt.
 */
@RequiresBrowser
@ApplicationTest
class ReceiptInTasklistTest {

    @LocalServerPort int port;

    WebDriver browser;

    @AfterEach
    void cleanUp() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theClerkSeesTheCaseNumberTheStatusLinkAndTheSummaryInTheReceiptTask() {
        Reply started = StaffApi.as("balie", port).post("/engine-rest/process-definition/key/resident-request/submit-form",
                Map.of("variables", nl.wijkzaken.support.TestAddress.withValues(startForm())));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        String caseNumber = started.json().path("businessKey").asText();
        Reply mine = StaffApi.as("balie", port).get("/engine-rest/task?assignee=balie&processInstanceId="
                + started.json().path("id").asText());
        String taskId = mine.json().get(0).path("id").asText();

        browser = Browser.start();
        WebDriverWait wait = Browser.waiting(browser, Duration.ofSeconds(60));
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.urlContains("#/login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='password']")));
        type(browser.findElement(By.cssSelector("input[ng-model='username']")), "balie");
        type(browser.findElement(By.cssSelector("input[ng-model='password']")), "demo");
        click(browser.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")));
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("#/login")));
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);

        By linkField = By.xpath("//label[contains(normalize-space(.), 'Persoonlijke statuslink')]/following::input[1]");
        wait.until(driver -> !driver.findElements(linkField).isEmpty()
                && !driver.findElement(linkField).getAttribute("value").isEmpty());
        assertThat(browser.findElement(linkField).getAttribute("value")).contains("/status/");
        By summary = By.xpath("//label[contains(normalize-space(.), 'De zaak in het kort')]/following::textarea[1]");
        assertThat(browser.findElement(summary).getAttribute("value")).startsWith(caseNumber + " · Breukelen");
        WebElement text = browser.findElement(By.xpath("//*[contains(@class, 'fjs-form-field-text')][contains(., 'Ontvangstbewijs')]"));
        assertThat(text.getText()).contains("zaaknummer " + caseNumber);
        assertThat(text.findElements(By.tagName("a"))).anySatisfy(a ->
                assertThat(a.getAttribute("href")).endsWith("/staff/ontvangstbewijs/" + caseNumber));
        Browser.screenshot(browser, "receipt-1-front-office-task");
    }

    private static Map<String, Object> startForm() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("applicantName", Map.of("value", "Jan Jansen"));
        form.put("applicantEmail", Map.of("value", "jan@example.org"));
        form.put("neighbourhood", Map.of("value", "breukelen"));
        form.put("category", Map.of("value", "groen-en-openbare-ruimte"));
        form.put("title", Map.of("value", "Bankje bij de brug"));
        form.put("description", Map.of("value", "Een bankje bij de brug."));
        form.put("amountRequested", Map.of("value", 900));
        form.put("urgency", Map.of("value", "normaal"));
        form.put("carriedOutBy", Map.of("value", "bewoners"));
        form.put("channel", Map.of("value", "balie"));
        return form;
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
