package nl.wijkzaken.residents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import nl.wijkzaken.deadline.LegalCalendar;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.Browser;
import nl.wijkzaken.support.RequiresBrowser;
import nl.wijkzaken.support.TaskDriver;

/**
 * Issue 15's acceptance, in Chromium: a resident fills in the public form with her postal address and chooses post
 * (the e-mail consent stays unticked); the decision is taken; the front office logs in to Tasklist, finds "Per post
 * verzenden" by the case number, opens the print-ready PDF, ticks that the letter is posted and completes the task;
 * the resident's status page then shows the decision, the letter to download, and "bezwaar tot en met" the last day
 * counted from the sending day and moved by the Algemene termijnenwet. The letter goes out on Friday 13 November
 * 2026, so six weeks end on Christmas Day and the term runs to Monday 28 December.
 * Screenshots: target/screenshots/post-*.png (Tasklist counts "geleden" from the computer's real clock, not the
 * engine's, so its relative times there look odd).
 */
@RequiresBrowser
@ApplicationTest
class SendByPostBrowserTest {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired ResidentCases cases;
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
    void aResidentWhoChosePostSeesTheDecisionTheLetterAndTheLastDayToObjectOnceTheFrontOfficePostedIt() {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 11, 13, 10, 0).atZone(DutchFormat.ZONE).toInstant()));
        browser = Browser.start();
        // Tasklist shows times in the computer's zone: the front office's, not the build machine's.
        ((ChromiumDriver) browser).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Europe/Amsterdam"));

        // The resident: the public form, by post, no e-mail consent.
        browser.get(url("/"));
        Browser.await(browser, By.id("applicantName")).sendKeys("Fatima de Vries");
        browser.findElement(By.id("postalStreet")).sendKeys("Bisonspoor");
        browser.findElement(By.id("postalHouseNumber")).sendKeys("3");
        browser.findElement(By.id("postalCode")).sendKeys("3605 KL");
        browser.findElement(By.id("postalPlace")).sendKeys("Maarssen");
        browser.findElement(By.id("decisionChannel-post")).click();
        assertThat(browser.findElement(By.id("emailConsent")).isSelected()).isFalse();
        new Select(browser.findElement(By.id("neighbourhood"))).selectByVisibleText("Maarssenbroek");
        new Select(browser.findElement(By.id("category"))).selectByVisibleText("Evenement of activiteit");
        browser.findElement(By.id("title")).sendKeys("Straatfeest in de Bisonspoor");
        browser.findElement(By.id("description")).sendKeys("Wij organiseren een straatfeest voor de hele straat.");
        browser.findElement(By.id("amountRequested")).sendKeys("300");
        browser.findElement(By.id("urgency-acuut")).click();
        browser.findElement(By.id("carriedOutBy-bewoners")).click();   // the neighbours organise it: a subsidy
        Browser.screenshot(browser, "post-1-form");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        String caseNumber = Browser.await(browser, By.id("case-number")).getText();
        assertThat(browser.findElement(By.id("decision-channel")).getText()).contains("per post");
        String statusLink = browser.findElement(By.id("status-link")).getDomProperty("href");
        assertThat(statusLink).contains("/status/");
        Browser.screenshot(browser, "post-2-confirmation");

        // Staff take the decision (the fast lane of the wijkmanager) behind the scenes.
        String token = statusLink.substring(statusLink.lastIndexOf('/') + 1);
        String processInstanceId = cases.findByToken(token).orElseThrow().processInstanceId();
        TaskDriver staff = new TaskDriver(context);
        staff.runMessages(processInstanceId);
        staff.complete(processInstanceId, "HandleFastLane", "wm.maarssenbroek", Map.of("outcome", "afgewezen",
                "decisionMotivation", "Op die dag is de straat afgesloten voor werkzaamheden."));
        staff.runMessages(processInstanceId);
        Task post = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey("SendByPost").singleResult();
        assertThat(post).as("Per post verzenden").isNotNull();

        // Not sent yet: the resident sees no decision.
        browser.get(statusLink);
        Browser.await(browser, By.id("case-number"));
        assertThat(browser.findElements(By.id("decision-outcome"))).isEmpty();

        // The front office in Tasklist.
        logInToTasklist("balie");
        search(caseNumber);
        WebElement card = awaitOnlyCard(post.getId());
        assertThat(card.getText()).contains("Per post verzenden", caseNumber);
        Browser.click(browser, card.findElement(By.cssSelector("a[href='#/?task=" + post.getId() + "']")));
        Browser.await(browser, By.cssSelector(".fjs-form"));
        Browser.click(browser, Browser.await(browser, By.cssSelector("button.claim")));
        waiting().until(d -> d.findElements(By.cssSelector("button.claim")).isEmpty());

        waiting().until(d -> !field("Postadres").getDomProperty("value").isEmpty());
        assertThat(field("Postadres").getDomProperty("value")).isEqualTo("Bisonspoor 3\n3605 KL Maarssen");
        assertThat(field("Naam").getDomProperty("value")).isEqualTo("Fatima de Vries");
        WebElement letterLink = Browser.await(browser, By.xpath("//a[contains(@href, '/api/letters/" + caseNumber + "/')]"));
        assertThat(letterLink.getText()).isEqualTo(caseNumber + "-afwijzing.pdf");
        Browser.screenshot(browser, "post-3-per-post-verzenden");
        // Opening the link asks for the staff login (HTTP Basic); the browser then gets the PDF to print.
        assertThat(fetch(letterLink.getDomProperty("href"), "balie:demo")).startsWith("200 application/pdf %PDF-");

        Browser.click(browser, field("De brief is afgedrukt"));
        waiting().until(d -> field("De brief is afgedrukt").isSelected());
        LocalDate sentOn = EngineClock.today();
        Browser.click(browser, Browser.await(browser, By.xpath(
                "//div[contains(@class,'form-actions')]//button[normalize-space(.)='Afronden']")));
        waiting().until(d -> taskService.createTaskQuery().taskId(post.getId()).count() == 0);

        // The resident's status page: the decision at the top, the letter, the last day to object.
        browser.get(statusLink);
        assertThat(Browser.await(browser, By.id("decision-outcome")).getText()).isEqualTo("Afgewezen");
        assertThat(browser.findElement(By.id("decision-motivation")).getText()).isEqualTo("Op die dag is de straat afgesloten voor werkzaamheden.");
        assertThat(browser.findElement(By.id("decision-sent")).getText())
                .contains("Verstuurd op " + DutchFormat.date(sentOn), "per post");
        LocalDate lastDay = LegalCalendar.ofLaw().objectionTermEnd(sentOn);
        assertThat(lastDay).as("Atw-moved past Christmas").isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(browser.findElement(By.id("objection")).getText()).contains("bezwaar maken tot en met " + DutchFormat.date(lastDay));
        assertThat(browser.findElement(By.id("objection-until")).getText()).isEqualTo("28 december 2026");
        WebElement download = browser.findElement(By.id("decision-letter"));
        assertThat(download.getText()).isEqualTo("Brief downloaden (PDF)");
        Browser.screenshot(browser, "post-4-status-page");
        assertThat(fetch(download.getDomProperty("href"), null)).startsWith("200 application/pdf %PDF-");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Fetches a link in the browser: "status content-type first bytes". */
    private String fetch(String href, String basicLogin) {
        Object result = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const headers = arguments[1] ? {Authorization: 'Basic ' + btoa(arguments[1])} : {};
                fetch(arguments[0], {headers, credentials: 'omit'})
                  .then(r => r.arrayBuffer().then(b => done(r.status + ' ' + (r.headers.get('content-type') || '') + ' '
                      + String.fromCharCode(...new Uint8Array(b.slice(0, 8))))))
                  .catch(e => done('error ' + e));""", href, basicLogin);
        return new String(String.valueOf(result).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
    }

    private void logInToTasklist(String user) {
        Browser.type(browser, Browser.openTasklistLogin(browser, url("/camunda/app/tasklist/default/#/login"), "post"), user);
        Browser.type(browser, browser.findElement(By.cssSelector("input[ng-model=password]")), "demo");
        Browser.click(browser, browser.findElement(By.cssSelector("form button[type=submit]")));
        Browser.await(browser, By.cssSelector(".task-filter"));
        awaitListLoaded();
    }

    /** Types the case number into Tasklist's search box, as a person would. */
    private void search(String text) {
        By pills = By.cssSelector("[cam-widget-search] .search-label .remove-search");
        while (!browser.findElements(pills).isEmpty()) {
            int before = browser.findElements(pills).size();
            Browser.click(browser, browser.findElements(pills).get(0));
            waiting().until(d -> d.findElements(pills).size() < before);
        }
        WebElement box = Browser.await(browser, By.cssSelector("[cam-widget-search] input.main-field"));
        Browser.type(browser, box, text);
        // Enter in the box submits its form (implicit submission); synthetic key events do not reach Tasklist.
        ((JavascriptExecutor) browser).executeScript("arguments[0].form.requestSubmit()", box);
        waiting().until(d -> d.findElements(By.cssSelector("[cam-widget-search] .search-label"))
                .stream().anyMatch(pill -> pill.getText().contains(text)));
        awaitListLoaded();
    }

    private WebElement awaitOnlyCard(String taskId) {
        By cards = By.cssSelector("ol.tasks-list > li");
        waiting().until(d -> {
            List<WebElement> found = d.findElements(cards);
            return found.size() == 1 && !found.get(0).findElements(By.cssSelector("a[href='#/?task=" + taskId + "']")).isEmpty();
        });
        return browser.findElement(cards);
    }

    private void awaitListLoaded() {
        waiting().until(d -> !d.findElements(By.cssSelector("[cam-tasks] .loader.ng-hide")).isEmpty());
    }

    private WebElement field(String labelStart) {
        WebElement label = browser.findElement(By.xpath("//label[contains(@class,'fjs-form-field-label')][starts-with(normalize-space(.), '"
                + labelStart + "')]"));
        return browser.findElement(By.id(label.getDomAttribute("for")));
    }

    private WebDriverWait waiting() {
        return Browser.waiting(browser, Duration.ofSeconds(30));
    }
}
