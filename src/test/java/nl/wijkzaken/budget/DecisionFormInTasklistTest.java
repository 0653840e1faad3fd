package nl.wijkzaken.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Date;

import org.camunda.bpm.engine.HistoryService;
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

import nl.wijkzaken.subsidy.SubsidyRegulations;
import nl.wijkzaken.support.Ceilings;
import nl.wijkzaken.support.DecisionSteps;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.Browser;
import nl.wijkzaken.support.RequiresBrowser;

/**
 * The decider in Tasklist, in a real browser: the "Besluit nemen" form shows the neighbourhood's remaining
 * budget, and a grant it does not cover is answered with the budget's Dutch message while the task stays open.
 */
@RequiresBrowser
@ApplicationTest
class DecisionFormInTasklistTest {

    /** A year only this class books in (Loenen gets € 1.500), moved to on the engine's clock. */
    static final int OWN_YEAR = 2093;

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired BudgetLedger ledger;
    @Autowired TaskService taskService;

    WebDriver browser;

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theDeciderSeesTheRemainingBudgetAndTheRefusalOfAGrantItDoesNotCover() throws Exception {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(OWN_YEAR, 6, 1, 9, 0).atZone(DutchFormat.ZONE).toInstant()));
        Ceilings.ceiling(context.getBean(SubsidyRegulations.class), "loenen", OWN_YEAR, new BigDecimal("1500"));
        DecisionSteps steps = new DecisionSteps(context);
        RegisteredRequest request = steps.toDecision("loenen", "2000");
        Task task = steps.claim(request, "Decide", "wm.loenen");
        browser = Browser.start();
        WebDriverWait wait = Browser.waiting(browser, Duration.ofSeconds(60));

        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        // chromedriver's typed keys and clicks did not reach the webapps' pages in headless Chromium here (they
        // carry a CSP "sandbox" directive, the likely cause). Input goes in as the DOM events AngularJS and
        // form-js listen to; what is asserted is what the page shows.
        wait.until(ExpectedConditions.urlContains("#/login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='password']")));
        type(browser.findElement(By.cssSelector("input[ng-model='username']")), "wm.loenen");
        type(browser.findElement(By.cssSelector("input[ng-model='password']")), "demo");
        click(browser.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")));
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("#/login")));
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task.getId());

        By remainingField = By.xpath("//label[contains(normalize-space(.), 'Verdeling van het subsidieplafond')]/following::textarea[1]");
        wait.until(driver -> !driver.findElement(remainingField).getAttribute("value").isEmpty());
        WebElement remaining = browser.findElement(remainingField);
        assertThat(remaining.getAttribute("value")).contains("Subsidieplafond Loenen 2093: € 1.500,00")
                .contains("Beschikbaar voor deze aanvraag: € 1.500,00 (gevraagd € 2.000,00)");
        assertThat(remaining.isEnabled()).as("read-only").isFalse();
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", remaining);
        Browser.screenshot(browser, "budget-1-decision-form");

        click(browser.findElement(By.xpath("//label[normalize-space(.)='Toegekend']")));
        type(browser.findElement(By.xpath("//label[contains(normalize-space(.), 'Motivering')]/following::textarea[1]")),
                "Een mooi plan voor de buurt.");
        Thread.sleep(1000); // form-js takes typed text over after a short debounce
        click(browser.findElement(By.cssSelector("button[ng-click='complete()']")));

        WebElement notification = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//*[contains(@class, 'notifications')]//*[contains(., 'Het subsidieplafond laat dit niet toe')]")));
        Browser.screenshot(browser, "budget-2-refused");
        assertThat(notification.getText()).contains("Het subsidieplafond laat dit niet toe: voor deze aanvraag is nog "
                + "€ 1.500,00 beschikbaar")
                .doesNotContain("Exception", "ENGINE-");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the decision is still open").isOne();
        assertThat(ledger.movementsOfCase(request.caseNumber())).isEmpty();

        // What the wijkmanager may do instead (Awb 4:25 lid 2): grant partially, up to what is left. A refusal because
        // the ceiling is reached is not his: the mandate table gives it to the gebiedsmanager, and says so.
        click(browser.findElement(By.xpath("//label[normalize-space(.)='Afgewezen: subsidieplafond bereikt']")));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(
                By.xpath("//label[contains(normalize-space(.), 'Activiteit waarvoor de subsidie is')]")));
        Thread.sleep(1000);
        click(browser.findElement(By.cssSelector("button[ng-click='complete()']")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(@class, 'notifications')]"
                + "//*[contains(., 'valt niet onder het mandaat van deze taak; volgens de mandaattabel beslist de gebiedsmanager')]")));

        click(browser.findElement(By.xpath("//label[normalize-space(.)='Gedeeltelijk toegekend']")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//label[contains(normalize-space(.), 'Activiteit waarvoor de subsidie is')]")));
        type(browser.findElement(By.xpath("//label[contains(normalize-space(.), 'Toegekend bedrag')]/following::input[1]")), "1500");
        Thread.sleep(1000);
        Browser.screenshot(browser, "budget-3-partial-grant");
        click(browser.findElement(By.cssSelector("button[ng-click='complete()']")));
        wait.until(driver -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
        HistoryService history = context.getBean(HistoryService.class);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(request.processInstanceId())
                .variableName("outcome").singleResult().getValue()).isEqualTo("gedeeltelijk-toegekend");
        assertThat((String) history.createHistoricVariableInstanceQuery().processInstanceId(request.processInstanceId())
                .variableName("decisionMotivation").singleResult().getValue())
                .startsWith("Een mooi plan voor de buurt.").contains("Subsidieplafond:", "€ 1.500,00");
        assertThat(ledger.movementsOfCase(request.caseNumber())).singleElement()
                .satisfies(movement -> assertThat(movement.amount()).isEqualByComparingTo("-1500"));
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
