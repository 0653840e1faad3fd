package nl.wijkzaken.residents;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.wijkzaken.support.Browser;
import nl.wijkzaken.support.RequiresBrowser;
import nl.wijkzaken.support.ResidentRequestFixture;

/** A resident in a real browser: the form, its error messages, the confirmation and the status page. */
@RequiresBrowser
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicPagesControllerTest {

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    WebDriver browser;

    @BeforeEach
    void start() {
        ResidentRequestFixture.deployIfAbsent(repositoryService);
        browser = Browser.start();
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aResidentCorrectsAnErrorSubmitsAndFollowsTheRequestOnTheStatusPage() {
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.getTitle()).isEqualTo("Verzoek indienen - Wijkzaken");
        Browser.screenshot(browser, "residents-1-form");

        type("applicantName", "Piet Jansen");
        type("applicantEmail", "piet-at-example");   // the mistake
        new Select(browser.findElement(By.id("neighbourhood"))).selectByVisibleText("Loenen");
        new Select(browser.findElement(By.id("category"))).selectByVisibleText("Groen en openbare ruimte");
        type("title", "Bloembakken op het dorpsplein");
        type("description", "Wij willen met de buren bloembakken neerzetten en onderhouden.");
        type("amountRequested", "750,50");
        browser.findElement(By.id("urgency-normaal")).click();
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        // The error sits next to the field, is tied to it, and everything typed is still there.
        WebElement email = browser.findElement(By.id("applicantEmail"));
        assertThat(browser.findElement(By.id("applicantEmail-error")).getText()).contains("Vul een geldig e-mailadres in.");
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

        String caseNumber = browser.findElement(By.id("case-number")).getText();
        assertThat(caseNumber).matches("BV-\\d{4}-\\d{6}");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("resident-request").count())
                .isEqualTo(casesBefore + 1);
        Browser.screenshot(browser, "residents-3-confirmation");

        browser.findElement(By.id("status-link")).click();

        assertThat(browser.getCurrentUrl()).matches(".*/status/[A-Za-z0-9_-]{43}");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Stand van zaken");
        assertThat(browser.findElement(By.id("case-number")).getText()).isEqualTo(caseNumber);
        assertThat(browser.findElement(By.id("case-title")).getText()).isEqualTo("Bloembakken op het dorpsplein");
        assertThat(browser.findElement(By.id("case-neighbourhood")).getText()).isEqualTo("Loenen");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("Verzoek ontvangen");
        Browser.screenshot(browser, "residents-4-status");
    }

    @Test
    void anUnknownStatusLinkShowsTheNotFoundPage() {
        browser.get("http://localhost:" + port + "/status/" + "A".repeat(43));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Deze pagina bestaat niet");
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }
}
