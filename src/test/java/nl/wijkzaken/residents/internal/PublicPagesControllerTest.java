package nl.wijkzaken.residents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.Browser;
import nl.wijkzaken.support.TaskDriver;
import nl.wijkzaken.support.RequiresBrowser;

/**
 * A resident in a real browser: the form, its error messages, the confirmation, the status page and, once staff
 * found the request incomplete, the supplement sent from the status page.
 */
@RequiresBrowser
@ApplicationTest
class PublicPagesControllerTest {

    @LocalServerPort
    int port;

    @Autowired ApplicationContext context;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;

    WebDriver browser;
    TaskDriver driver;

    @BeforeEach
    void start() {
        driver = new TaskDriver(context);
        browser = Browser.start();
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aResidentCorrectsAnErrorSubmitsFollowsTheRequestAndSendsTheSupplementStaffAskedFor() {
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.getTitle()).isEqualTo("Verzoek indienen - Wijkzaken");
        Browser.screenshot(browser, "residents-1-form");

        type("applicantName", "Piet Jansen");
        type("postalStreet", "Dorpsplein");
        type("postalHouseNumber", "3");
        type("postalCode", "3632aa");
        type("postalPlace", "Loenen aan de Vecht");
        type("applicantEmail", "piet-at-example");   // the mistake
        new Select(browser.findElement(By.id("neighbourhood"))).selectByVisibleText("Loenen");
        new Select(browser.findElement(By.id("category"))).selectByVisibleText("Groen en openbare ruimte");
        browser.findElement(By.id("carriedOutBy-bewoners")).click();   // the neighbours place them: a subsidy
        type("title", "Bloembakken op het dorpsplein");
        type("description", "Wij willen met de buren bloembakken neerzetten en onderhouden.");
        type("amountRequested", "750,50");
        browser.findElement(By.id("urgency-normaal")).click();
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        // The error sits next to the field, is tied to it, and everything typed is still there.
        assertThat(Browser.await(browser, By.id("applicantEmail-error")).getText()).contains("Vul een geldig e-mailadres in.");
        WebElement email = browser.findElement(By.id("applicantEmail"));
        assertThat(email.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(email.getAttribute("aria-describedby")).contains("applicantEmail-error");
        assertThat(email.getAttribute("value")).isEqualTo("piet-at-example");
        assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo("Bloembakken op het dorpsplein");
        assertThat(browser.findElement(By.id("amountRequested")).getAttribute("value")).isEqualTo("750,50");
        assertThat(new Select(browser.findElement(By.id("neighbourhood"))).getFirstSelectedOption().getText())
                .isEqualTo("Loenen");
        assertThat(browser.findElement(By.cssSelector(".error-summary a[href='#applicantEmail']")).getText())
                .isEqualTo("Vul een geldig e-mailadres in.");
        Browser.screenshot(browser, "residents-2-error");
        long casesBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey("resident-request").count();

        email.clear();
        email.sendKeys("piet@example.org");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        String caseNumber = Browser.await(browser, By.id("case-number")).getText();
        assertThat(caseNumber).matches("BV-\\d{4}-\\d{6}");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("resident-request").count())
                .isEqualTo(casesBefore + 1);
        Browser.screenshot(browser, "residents-3-confirmation");

        browser.findElement(By.id("status-link")).click();

        assertThat(Browser.await(browser, By.id("timeline")).isDisplayed()).isTrue();
        assertThat(browser.getCurrentUrl()).matches(".*/status/[A-Za-z0-9_-]{43}");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Stand van zaken");
        assertThat(browser.findElement(By.id("case-number")).getText()).isEqualTo(caseNumber);
        assertThat(browser.findElement(By.id("case-title")).getText()).isEqualTo("Bloembakken op het dorpsplein");
        assertThat(browser.findElement(By.id("case-neighbourhood")).getText()).isEqualTo("Loenen");
        assertThat(browser.findElement(By.id("case-team")).getText()).isEqualTo("Team wijk Loenen");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("Verzoek ontvangen");
        assertThat(browser.findElement(By.id("deadline-days")).getText()).isEqualTo("nog 56 dagen");

        // The acknowledgement goes out (job executor off in tests: the job runs here); the owner's team starts.
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult();
        driver.runMessages(instance.getId());
        browser.navigate().refresh();
        assertThat(Browser.await(browser, By.id("timeline")).getText()).contains("Verzoek ontvangen", "In behandeling");
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("In behandeling");
        assertThat(browser.findElements(By.id("supplement"))).isEmpty();
        Browser.screenshot(browser, "residents-4-status");

        // Staff find it incomplete: the resident sees the paused deadline and the supplement form.
        driver.complete(instance.getId(), "CheckCompleteness", "wm.loenen", Map.of("completeness", "incompleet",
                "completenessMotivation", "Stuur een schets van waar de bloembakken komen."));
        driver.runMessages(instance.getId());
        browser.navigate().refresh();
        assertThat(Browser.await(browser, By.id("deadline-paused")).getText()).contains("De termijn staat stil");
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("Aanvulling gevraagd");
        assertThat(browser.findElement(By.id("supplement-asked")).getText())
                .isEqualTo("Stuur een schets van waar de bloembakken komen.");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("Aanvulling gevraagd");
        Browser.screenshot(browser, "residents-5-supplement-asked");

        browser.findElement(By.id("supplement-submit")).click();
        assertThat(Browser.await(browser, By.id("supplementText-error")).getText()).contains("Vul uw aanvulling in.");
        assertThat(browser.findElement(By.id("supplementText")).getAttribute("aria-describedby")).contains("supplementText-error");
        assertThat(waitsForSupplement(instance)).as("nothing changed").isTrue();

        browser.findElement(By.id("supplementText")).sendKeys("De bloembakken komen langs de oostkant van het plein, "
                + "tussen de lantaarnpalen.");
        browser.findElement(By.id("supplement-submit")).click();

        assertThat(Browser.await(browser, By.id("supplement-received")).getText()).contains("Wij hebben uw aanvulling ontvangen");
        assertThat(browser.findElements(By.id("supplement"))).isEmpty();
        assertThat(browser.findElements(By.id("deadline-paused"))).isEmpty();
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("Aanvulling ontvangen");
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("In behandeling");
        Browser.screenshot(browser, "residents-6-supplement-received");
        Task check = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(check.getTaskDefinitionKey()).isEqualTo("CheckCompleteness");
        assertThat(taskService.getVariable(check.getId(), "supplementText"))
                .isEqualTo("De bloembakken komen langs de oostkant van het plein, tussen de lantaarnpalen.");
    }

    /**
     * Tried on a phone (360 px): the status link on the confirmation page wrapped instead of widening the page to
     * 772 px; the status page says what happens next; the consent for e-mail is withdrawn with one button.
     */
    @Test
    void onAPhoneThePagesFitTheScreenAndTheResidentWithdrawsTheConsentForEmail() {
        browser.manage().window().setSize(new Dimension(360, 780));
        browser.get("http://localhost:" + port + "/");
        type("applicantName", "Fatima de Vries");
        type("postalStreet", "Kerkweg");
        type("postalHouseNumber", "12a");
        type("postalCode", "3621 AB");
        type("postalPlace", "Breukelen");
        type("applicantEmail", "fatima@example.org");
        browser.findElement(By.id("decisionChannel-e-mail")).click();
        assertThat(browser.findElement(By.id("emailConsent")).isSelected()).as("unticked until the resident ticks it").isFalse();
        browser.findElement(By.id("emailConsent")).click();
        new Select(browser.findElement(By.id("neighbourhood"))).selectByVisibleText("Breukelen");
        new Select(browser.findElement(By.id("category"))).selectByVisibleText("Veiligheid");
        browser.findElement(By.id("carriedOutBy-gemeente")).click();   // the municipality places the lamp post
        type("title", "Lantaarnpaal bij het fietspad");
        type("description", "Het fietspad naar de school is 's avonds donker.");
        type("amountRequested", "1.500");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        String caseNumber = Browser.await(browser, By.id("case-number")).getText();
        assertThat(browser.findElement(By.id("decision-channel")).getText()).contains("per e-mail");
        assertThat(pageWidth()).as("confirmation page width on a 360 px phone").isLessThanOrEqualTo(viewportWidth());
        Browser.screenshot(browser, "residents-phone-1-confirmation");

        browser.findElement(By.id("status-link")).click();
        assertThat(Browser.await(browser, By.id("what-next")).getText()).startsWith("Wat gebeurt er nu?");
        assertThat(browser.findElement(By.id("case-amount")).getText()).isEqualTo("€ 1.500,00");
        assertThat(browser.findElement(By.id("delivery-channel")).getText()).isEqualTo("per e-mail");
        assertThat(pageWidth()).as("status page width on a 360 px phone").isLessThanOrEqualTo(viewportWidth());
        Browser.screenshot(browser, "residents-phone-2-status");

        browser.findElement(By.id("consent-withdraw")).click();
        assertThat(Browser.await(browser, By.id("consent-withdrawn")).getText()).contains("per post");
        assertThat(browser.findElement(By.id("delivery-channel")).getText()).isEqualTo("per post");
        assertThat(browser.findElement(By.id("delivery-consent")).getText()).contains("gegeven op", "ingetrokken op");
        assertThat(browser.findElements(By.id("consent-withdraw"))).isEmpty();
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult();
        assertThat(runtimeService.getVariable(instance.getId(), "decisionChannel")).isEqualTo("post");
        Browser.screenshot(browser, "residents-phone-3-consent-withdrawn");
    }

    private long pageWidth() {
        return ((Number) ((JavascriptExecutor) browser).executeScript(
                "return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);")).longValue();
    }

    private long viewportWidth() {
        return ((Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth;")).longValue();
    }

    @Test
    void anUnknownStatusLinkShowsTheNotFoundPage() {
        browser.get("http://localhost:" + port + "/status/" + "A".repeat(43));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Deze pagina bestaat niet");
    }

    private boolean waitsForSupplement(ProcessInstance instance) {
        return runtimeService.createEventSubscriptionQuery().processInstanceId(instance.getId())
                .eventName("aanvulling-ontvangen").count() == 1;
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }
}
