package nl.wijkzaken.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.intake.RequestIntake;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.Browser;
import nl.wijkzaken.support.Cases;
import nl.wijkzaken.support.RequiresBrowser;

/**
 * Camunda 7.24 Tasklist in a real Chromium, as the demo users: filters, claiming, and the Camunda Forms rendered by
 * Tasklist's form-js. Screenshots of every step land in target/screenshots/tasklist-*.png.
 */
@RequiresBrowser
@ApplicationTest
class TasklistBrowserTest {

    private static final String MOTIVATION = "Alle stukken zijn aanwezig, inclusief foto's van de plek.";

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired RequestIntake intake;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;

    private WebDriver driver;

    @BeforeEach
    void browser() {
        driver = Browser.start();
    }

    @AfterEach
    void quit() {
        driver.quit();
    }

    @Test
    void theWijkmanagerCompletesTheCheckInTasklistAndAnotherWijkSeesNothingOfIt() {
        Cases cases = new Cases(context);
        RegisteredRequest request = cases.start("maarssenbroek", Category.GROEN_EN_OPENBARE_RUIMTE, "2000");
        RegisteredRequest breukelen = cases.start("breukelen", Category.GROEN_EN_OPENBARE_RUIMTE, "2000");
        Task check = task(request, "CheckCompleteness");

        logIn("wm.maarssenbroek");
        chooseFilter("Taken van mijn team");
        openTask(check.getId());
        Browser.screenshot(driver, "tasklist-1-wm-maarssenbroek-task");
        Browser.click(driver, Browser.await(driver, By.cssSelector("button.claim")));
        awaitText(By.cssSelector("li.assignee"), "Mirjam de Wijk");
        Browser.click(driver, radio("Compleet"));
        Browser.type(driver, field("Toelichting"), MOTIVATION);
        Browser.screenshot(driver, "tasklist-2-wm-maarssenbroek-form-filled");
        Browser.click(driver, completeButton());
        awaitCompleted(check.getId());
        Browser.screenshot(driver, "tasklist-3-wm-maarssenbroek-completed");

        HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(check.getId()).singleResult();
        assertThat(done.getAssignee()).isEqualTo("wm.maarssenbroek");
        assertThat(variable(request, "completeness")).isEqualTo("compleet");
        assertThat(variable(request, "completenessMotivation")).isEqualTo(MOTIVATION);

        // The advice the case now waits for shows in the owner's wijk filter, read-only, not in his team's.
        Task advice = task(request, "GiveAdvice");
        chooseFilter("Alle open verzoeken in mijn wijk");
        Browser.await(driver, taskLink(advice.getId()));
        Browser.screenshot(driver, "tasklist-4-wm-maarssenbroek-wijk");

        logIn("wm.breukelen");
        String ownTask = task(breukelen, "CheckCompleteness").getId();
        chooseFilter("Taken van mijn team");
        Browser.await(driver, taskLink(ownTask));
        for (String filter : List.of("Mijn taken", "Taken van mijn team", "Termijn verloopt binnen 3 dagen",
                "Alle open verzoeken in mijn wijk")) {
            chooseFilter(filter);
            assertThat(driver.findElements(taskLink(advice.getId()))).as(filter).isEmpty();
        }
        chooseFilter("Alle open verzoeken in mijn wijk");
        Browser.await(driver, taskLink(ownTask));
        assertThat(driver.findElements(taskLink(advice.getId()))).isEmpty();
        Browser.screenshot(driver, "tasklist-5-wm-breukelen-sees-nothing-of-maarssenbroek");
    }

    @Test
    void theAdviceFormRendersForTheDomainSpecialist() {
        Cases cases = new Cases(context);
        RegisteredRequest request = cases.start("loenen", Category.GROEN_EN_OPENBARE_RUIMTE, "5000");
        Task check = task(request, "CheckCompleteness");
        taskService.claim(check.getId(), "wm.loenen");
        taskService.complete(check.getId(), java.util.Map.of("completeness", "compleet", "completenessMotivation", "Compleet."));
        Task advice = task(request, "GiveAdvice");

        logIn("adv.fysiek");
        chooseFilter("Taken van mijn team");
        openTask(advice.getId());
        Browser.await(driver, By.cssSelector(".fjs-form"));

        assertThat(labels()).contains("Zaaknummer", "Titel", "Adviesdomein", "Advies", "Motivering", "Voorwaarden",
                "Kosten voor uw eigen domein (EUR)", "Beleidsreferentie", "Positief", "Positief onder voorwaarden", "Negatief");
        assertThat(field("Zaaknummer").getDomProperty("value")).isEqualTo(request.caseNumber());
        Browser.screenshot(driver, "tasklist-6-adv-fysiek-advice-form");
    }

    @Test
    void theFrontOfficeFindsTheStartFormOfTheRequest() {
        logIn("balie");
        Browser.click(driver, Browser.await(driver, By.xpath("//a[contains(normalize-space(.), 'Nieuwe zaak starten')]")));
        Browser.click(driver, Browser.await(driver, By.xpath("//*[contains(@class,'modal')]//a[normalize-space(.)='Bewonersverzoek']")));
        Browser.await(driver, By.cssSelector(".modal .fjs-form"));

        assertThat(labels()).contains("Naam aanvrager", "E-mailadres", "Straat", "Huisnummer en toevoeging", "Postcode",
                "Woonplaats", "Besluit ontvangen", "Per post", "Per e-mail", "Telefoonnummer", "Wijk", "Onderwerp", "Titel",
                "Beschrijving", "Urgentie", "Normaal", "Acuut", "Kanaal")
                .anySatisfy(label -> assertThat(label).startsWith("De bewoner geeft uitdrukkelijk toestemming"))
                .anySatisfy(label -> assertThat(label).startsWith("Gevraagd bedrag (EUR"));
        Browser.screenshot(driver, "tasklist-7-balie-start-form");

        // Starting without filling anything in: form-js's own messages, in Dutch (scripts/form-messages-nl.js).
        Browser.click(driver, driver.findElement(By.xpath("//*[contains(@class,'modal')]//button[contains(@class,'btn-primary')]")));
        wait(Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(".fjs-form-field-error")).isEmpty()
                && d.findElements(By.cssSelector(".fjs-form-field-error")).stream().noneMatch(e -> e.getText().contains("Field")));
        List<String> errors = driver.findElements(By.cssSelector(".fjs-form-field-error")).stream()
                .map(WebElement::getText).filter(text -> !text.isBlank()).toList();
        assertThat(errors).isNotEmpty().allSatisfy(error -> assertThat(error).doesNotContain("Field", "required", "pattern"))
                .contains("Dit veld is verplicht.");
        assertThat(driver.findElements(By.cssSelector(".fjs-select-display.fjs-select-placeholder")).stream()
                .map(WebElement::getText)).hasSize(2).allSatisfy(text -> assertThat(text).isEqualTo("Kies…"));
        Browser.screenshot(driver, "tasklist-8-balie-start-form-dutch-errors");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void logIn(String user) {
        WebElement username = Browser.openTasklistLogin(driver,
                "http://localhost:" + port + "/camunda/app/tasklist/default/#/login", "tasklist-" + user);
        Browser.type(driver, username, user);
        Browser.type(driver, driver.findElement(By.cssSelector("input[ng-model=password]")), "demo");
        Browser.click(driver, driver.findElement(By.cssSelector("form button[type=submit]")));
        Browser.await(driver, By.cssSelector(".task-filter"));
    }

    private void chooseFilter(String name) {
        Browser.click(driver, Browser.await(driver, By.xpath(
                "//div[contains(@class,'task-filter')]//a[normalize-space(text())='" + name + "']")));
        wait(Duration.ofSeconds(15)).until(d -> !d.findElements(By.xpath(
                "//div[contains(@class,'task-filter') and contains(@class,'active')]//a[normalize-space(text())='" + name + "']"))
                .isEmpty()
                && !d.findElements(By.cssSelector("[cam-tasks] .loader.ng-hide")).isEmpty());
    }

    private void openTask(String taskId) {
        Browser.click(driver, Browser.await(driver, taskLink(taskId)));
        Browser.await(driver, By.cssSelector(".fjs-form"));
    }

    private static By taskLink(String taskId) {
        return By.cssSelector("ol.tasks-list a[href='#/?task=" + taskId + "']");
    }

    private WebElement radio(String label) {
        return driver.findElement(By.xpath("//label[contains(@class,'fjs-form-field-label')][normalize-space(.)='" + label
                + "']/input[@type='radio']"));
    }

    /** The input, textarea or select of the form-js field whose label starts with the text. */
    private WebElement field(String labelStart) {
        WebElement label = driver.findElement(By.xpath("//label[contains(@class,'fjs-form-field-label')][starts-with(normalize-space(.), '"
                + labelStart + "')]"));
        return driver.findElement(By.id(label.getDomAttribute("for")));
    }

    private WebElement completeButton() {
        return driver.findElement(By.xpath("//div[contains(@class,'form-actions')]//button[normalize-space(.)='Afronden']"));
    }

    private List<String> labels() {
        return driver.findElements(By.cssSelector("label.fjs-form-field-label")).stream()
                .map(label -> label.getText().replace("*", "").trim()).toList();
    }

    private void awaitText(By locator, String text) {
        wait(Duration.ofSeconds(15)).until(d -> d.findElements(locator).stream().anyMatch(e -> e.getText().contains(text)));
    }

    private void awaitCompleted(String taskId) {
        try {
            wait(Duration.ofSeconds(20)).until(d -> historyService.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() == 1);
        } catch (RuntimeException e) {
            dump("tasklist-not-completed");
            throw e;
        }
    }

    private WebDriverWait wait(Duration timeout) {
        return Browser.waiting(driver, timeout);
    }

    private Task task(RegisteredRequest request, String key) {
        return taskService.createTaskQuery().processInstanceId(request.processInstanceId()).taskDefinitionKey(key).singleResult();
    }

    private Object variable(RegisteredRequest request, String name) {
        HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(request.processInstanceId()).variableName(name).singleResult();
        return variable == null ? null : variable.getValue();
    }

    private void dump(String name) {
        Browser.screenshot(driver, name);
        try {
            Files.writeString(Path.of("target", "screenshots", name + ".html"), driver.getPageSource());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
