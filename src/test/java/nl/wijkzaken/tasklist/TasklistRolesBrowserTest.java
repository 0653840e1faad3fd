package nl.wijkzaken.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.Browser;
import nl.wijkzaken.support.Cases;
import nl.wijkzaken.support.DecisionSteps;
import nl.wijkzaken.support.RequiresBrowser;

/**
 * A first day in Tasklist for each staff role, in Chromium, on the computer's time zone of a Dutch municipality
 * (Europe/Amsterdam): log in, land on the team's work sorted by deadline, find a case by typing its number in the
 * search box, read the card (case number, wijk, amount, phase, deadline in Dutch), open the form, and get Dutch
 * errors when submitting it empty; every task form opens with the case summary ("De zaak in het kort": title and
 * amount in Dutch words and euros, no codes). The front office registers a request on the start form and gets
 * "Ontvangstbewijs geven" in "Mijn taken" with the case number and status link. The wijkmanager also follows an
 * adviser's task read-only. The auditor works in the dossier pages, not in Tasklist. Screenshots in
 * target/screenshots/roles-*.png.
 */
@RequiresBrowser
@ApplicationTest
class TasklistRolesBrowserTest {

    private static final String TEAM = "Taken van mijn team";
    private static final List<String> ENGLISH = List.of("Due ", "Field ", "required", "Error", "permission",
            "Start process", "Create task", "Keyboard");
    /** What the summary must never show: engine values, codes of categories, wijken and outcomes, user ids. */
    private static final List<String> CODES = List.of("null", "true", "false", "${", "_", "groen-en-openbare-ruimte",
            "positief-onder-voorwaarden", "gedeeltelijk-toegekend", "maarssen-dorp", "wm.", "adv.", "balie");

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired TaskService taskService;

    private WebDriver driver;
    private DecisionSteps steps;

    @BeforeEach
    void browser() {
        driver = Browser.start();
        ((ChromiumDriver) driver).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Europe/Amsterdam"));
        steps = new DecisionSteps(context);
    }

    @AfterEach
    void quit() {
        driver.quit();
    }

    @Test
    void theFrontOfficeLandsOnItsTeamListAndGetsDutchErrorsOnTheStartForm() {
        RegisteredRequest request = new Cases(context).start("maarssenbroek", Category.OVERIG, "250");

        logIn("balie");
        assertLandedOnTeamTasks();
        assertThat(driver.findElement(By.id("footer-timezone")).getText()).contains("Europe/Amsterdam");
        // The front office registers; it works no tasks, so its search finds no case of others either.
        search(request.caseNumber());
        wait(Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector("ol.tasks-list a[href^='#/?task=']")).isEmpty());
        Browser.screenshot(driver, "roles-1-balie-landing");

        Browser.click(driver, Browser.await(driver, By.xpath("//a[contains(normalize-space(.), 'Nieuwe zaak starten')]")));
        Browser.click(driver, Browser.await(driver, By.xpath("//*[contains(@class,'modal')]//a[normalize-space(.)='Bewonersverzoek']")));
        Browser.await(driver, By.cssSelector(".modal .fjs-form"));
        Browser.click(driver, driver.findElement(By.xpath("//*[contains(@class,'modal')]//button[contains(@class,'btn-primary')]")));
        assertThat(awaitDutchErrors()).contains("Dit veld is verplicht.");
        assertNoEnglish();
        Browser.screenshot(driver, "roles-2-balie-start-form-errors");

        // The caller's request, registered on the same form; the clerk then gives the receipt (in "Mijn taken").
        String title = "Bankje bij de vijver " + System.nanoTime() % 100000;
        Browser.type(driver, field("Naam aanvrager"), "Jan Jansen");
        Browser.type(driver, field("E-mailadres"), "jan@example.org");
        Browser.type(driver, field("Straat"), "Straatweg");
        Browser.type(driver, field("Huisnummer"), "12");
        Browser.type(driver, field("Postcode"), "3621 AB");
        Browser.type(driver, field("Woonplaats"), "Breukelen");
        choose("Wijk", "Breukelen");
        choose("Onderwerp", "Groen en openbare ruimte");
        Browser.type(driver, field("Titel"), title);
        Browser.type(driver, field("Beschrijving"), "Een bankje bij de vijver in het park.");
        Browser.type(driver, field("Gevraagd bedrag"), "1250");
        // The neighbours place the bench themselves: a subsidy application (request-route).
        Browser.click(driver, driver.findElement(By.xpath("//label[contains(@class,'fjs-form-field-label')]"
                + "[normalize-space(.)='Wij zelf (bewoner of bewonersgroep)']/input[@type='radio']")));
        Browser.screenshot(driver, "roles-2a-balie-start-form-filled");
        Browser.click(driver, driver.findElement(By.xpath("//*[contains(@class,'modal')]//button[contains(@class,'btn-primary')]")));
        Task receipt;
        try {
            receipt = wait(Duration.ofSeconds(20)).until(d -> taskService.createTaskQuery().taskDefinitionKey("GiveReceipt")
                    .taskAssignee("balie").processVariableValueEquals("title", title).singleResult());
        } catch (RuntimeException e) {
            dump("roles-balie-not-started");
            throw e;
        }
        String caseNumber = (String) taskService.getVariable(receipt.getId(), "caseNumber");
        wait(Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector(".modal .fjs-form")).isEmpty());

        chooseFilter("Mijn taken");
        search(caseNumber);
        WebElement card = awaitOnlyCard(receipt.getId());
        assertThat(card.getText()).contains("Ontvangstbewijs geven", "Zaaknummer", caseNumber, "Wijk", "Breukelen",
                "Gevraagd bedrag", "€ 1.250,00");
        openTask(receipt.getId());
        assertThat(field("Zaaknummer").getDomProperty("value")).isEqualTo(caseNumber);
        assertThat(field("Persoonlijke statuslink").getDomProperty("value")).contains("/status/");
        assertThat(driver.findElement(By.xpath("//a[normalize-space(.)='ontvangstbewijs afdrukken']")).getDomAttribute("href"))
                .endsWith("/staff/ontvangstbewijs/" + caseNumber);
        assertCaseSummary(caseNumber, title, "Breukelen", "€ 1.250,00");
        assertNoEnglish();
        Browser.screenshot(driver, "roles-2b-balie-receipt");
    }

    @Test
    void theWijkmanagerFindsHisCaseByNumberAndFollowsTheAdviceReadOnly() {
        Cases cases = new Cases(context);
        RegisteredRequest wanted = cases.start("maarssenbroek", Category.GROEN_EN_OPENBARE_RUIMTE, "12000");
        cases.start("maarssenbroek", Category.GROEN_EN_OPENBARE_RUIMTE, "800");
        RegisteredRequest advised = steps.submit("maarssenbroek", Category.GROEN_EN_OPENBARE_RUIMTE, "3000",
                Urgency.NORMAAL);
        steps.complete(advised, "CheckCompleteness", "wm.maarssenbroek",
                Map.of("completeness", "compleet", "completenessMotivation", "Compleet."));
        Task check = steps.task(wanted, "CheckCompleteness");

        logIn("wm.maarssenbroek");
        assertLandedOnTeamTasks();
        assertSortedByDeadline();
        Browser.screenshot(driver, "roles-3-wijkmanager-landing");

        WebElement card = findByNumber(wanted, check);
        assertThat(card.getText()).contains("Volledigheid beoordelen", "Uiterlijk", "Zaaknummer", wanted.caseNumber(),
                "Onderwerp", "Verzoek Groen en openbare ruimte", "Wijk", "Maarssenbroek", "Gevraagd bedrag", "€ 12.000,00",
                "Status bewoner", "In behandeling", "Beslistermijn", "nog ");
        Browser.screenshot(driver, "roles-4-wijkmanager-found-by-number");

        openTask(check.getId());
        assertThat(field("Zaaknummer").getDomProperty("value")).isEqualTo(wanted.caseNumber());
        assertCaseSummary(wanted.caseNumber(), "Verzoek Groen en openbare ruimte", "Maarssenbroek", "€ 12.000,00");
        claim();
        complete();
        assertThat(awaitDutchErrors()).contains("Dit veld is verplicht.");
        assertNoEnglish();
        assertThat(taskService.createTaskQuery().taskId(check.getId()).count()).isEqualTo(1);
        Browser.screenshot(driver, "roles-5-wijkmanager-dutch-errors");

        // The adviser's task of his case, in his wijk's list: marked, and offered for reading only.
        Task advice = steps.task(advised, "GiveAdvice");
        chooseFilter("Alle open verzoeken in mijn wijk");
        search(advised.caseNumber());
        WebElement adviceCard = awaitOnlyCard(advice.getId());
        assertThat(adviceCard.getText()).contains("Advies geven", advised.caseNumber(), "Let op",
                "Alleen inzien (taak van Vakafdeling fysiek");
        Browser.click(driver, adviceCard.findElement(By.cssSelector("a[href='#/?task=" + advice.getId() + "']")));
        WebElement note = Browser.await(driver, By.cssSelector(".wijkzaken-read-only"));
        assertThat(note.getText()).isEqualTo("Alleen inzien");
        assertThat(driver.findElements(By.cssSelector("button.claim")).stream().filter(WebElement::isDisplayed)).isEmpty();
        // The candidate group by its name, not its id (staff read the groups).
        assertThat(driver.findElement(By.cssSelector(".meta .groups")).getText()).contains("Vakafdeling fysiek")
                .doesNotContain("advies-fysiek");
        assertNoEnglish();
        Browser.screenshot(driver, "roles-6-wijkmanager-read-only-advice");
    }

    @Test
    void theSpecialistFindsTheAdviceByNumber() {
        RegisteredRequest request = steps.submit("loenen", Category.GROEN_EN_OPENBARE_RUIMTE, "4000", Urgency.NORMAAL);
        steps.complete(request, "CheckCompleteness", "wm.loenen", Map.of("completeness", "compleet", "completenessMotivation", "Compleet."));
        Task advice = steps.task(request, "GiveAdvice");

        workOn("adv.fysiek", request, advice, "Advies geven", "Loenen", "€ 4.000,00", "roles-7-specialist",
                "Volledigheid:", "Compleet");
    }

    @Test
    void theDeciderFindsTheDecisionByNumber() {
        RegisteredRequest request = steps.toDecision("breukelen", "12000");
        Task decide = steps.task(request, "Decide");

        workOn("gebiedsmanager", request, decide, "Besluit nemen", "Breukelen", "€ 12.000,00", "roles-8-decider",
                "Adviezen:", "Fysiek (", "): positief;");
    }

    @Test
    void theCoSignerFindsTheDecisionToCoSignByNumber() {
        RegisteredRequest request = steps.toDecision("maarssen-dorp", "15000");
        steps.complete(request, "Decide", "gebiedsmanager", DecisionSteps.decision("afgewezen", null));
        Task coSign = steps.task(request, "CoSignDecision");

        workOn("wethouder", request, coSign, "Besluit medeondertekenen", "Maarssen-Dorp", "€ 15.000,00", "roles-9-co-signer",
                "Besluit: Afgewezen");
    }

    @Test
    void theAuditorFindsTheCaseByNumberInTheDossierPages() {
        RegisteredRequest request = steps.toDecision("loenen", "900");

        // Tasklist is not the auditor's: the login is refused, in Dutch.
        logInExpectingRefusal("auditor");
        assertThat(texts(By.cssSelector(".notifications .alert"))).singleElement().asString().contains("Aanmelden mislukt");
        assertNoEnglish();
        Browser.screenshot(driver, "roles-10-auditor-no-tasklist");

        // The dossier pages are; they take HTTP Basic, which the browser would ask for.
        String basic = Base64.getEncoder().encodeToString("auditor:demo".getBytes(StandardCharsets.UTF_8));
        ((ChromiumDriver) driver).executeCdpCommand("Network.enable", Map.of());
        ((ChromiumDriver) driver).executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", "Basic " + basic)));
        driver.get("http://localhost:" + port + "/audit");
        assertThat(Browser.await(driver, By.tagName("h1")).getText()).isEqualTo("Zaken zoeken");
        Browser.screenshot(driver, "roles-11-auditor-landing");

        Browser.type(driver, driver.findElement(By.id("caseNumber")), request.caseNumber());
        Browser.click(driver, driver.findElement(By.id("search")));
        Browser.click(driver, Browser.await(driver, By.linkText(request.caseNumber())));
        wait(Duration.ofSeconds(15)).until(d -> d.findElement(By.tagName("h1")).getText().contains(request.caseNumber()));
        // The dossier opens with its summary and keeps the timeline below (words as the dossier pages have them).
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("Tijdlijn", "Loenen");
        Browser.screenshot(driver, "roles-12-auditor-dossier");

        driver.get("http://localhost:" + port + "/audit?from=gisteren");
        WebElement errors = Browser.await(driver, By.cssSelector(".error-summary"));
        assertThat(errors.getText()).contains("Controleer de zoekvragen");
        assertNoEnglish();
        Browser.screenshot(driver, "roles-13-auditor-dutch-errors");
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The common day of a role that works a task: land, find by number, read the card and form, submit empty. */
    private void workOn(String user, RegisteredRequest request, Task task, String taskName, String wijk, String amount,
                        String screenshot, String... inSummary) {
        logIn(user);
        assertLandedOnTeamTasks();
        assertSortedByDeadline();
        Browser.screenshot(driver, screenshot + "-landing");

        WebElement card = findByNumber(request, task);
        assertThat(card.getText()).contains(taskName, "Uiterlijk", "Zaaknummer", request.caseNumber(), "Wijk", wijk,
                "Gevraagd bedrag", amount, "Status bewoner", "Beslistermijn");
        Browser.screenshot(driver, screenshot + "-found-by-number");

        openTask(task.getId());
        assertThat(field("Zaaknummer").getDomProperty("value")).isEqualTo(request.caseNumber());
        assertCaseSummary(request.caseNumber(), "Verzoek Groen en openbare ruimte", wijk, amount);
        assertCaseSummary(inSummary);
        claim();
        complete();
        List<String> errors = awaitDutchErrors();
        assertThat(errors).isNotEmpty();
        assertNoEnglish();
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isEqualTo(1);
        Browser.screenshot(driver, screenshot + "-dutch-errors");
    }

    private void logIn(String user) {
        openLogin();
        Browser.type(driver, Browser.await(driver, By.cssSelector("input[ng-model=username]")), user);
        Browser.type(driver, driver.findElement(By.cssSelector("input[ng-model=password]")), "demo");
        Browser.click(driver, driver.findElement(By.cssSelector("form button[type=submit]")));
        Browser.await(driver, By.cssSelector(".task-filter"));
    }

    private void logInExpectingRefusal(String user) {
        openLogin();
        Browser.type(driver, Browser.await(driver, By.cssSelector("input[ng-model=username]")), user);
        Browser.type(driver, driver.findElement(By.cssSelector("input[ng-model=password]")), "demo");
        Browser.click(driver, driver.findElement(By.cssSelector("form button[type=submit]")));
        wait(Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector(".task-filter")).isEmpty()
                && !d.findElements(By.cssSelector(".notifications .alert")).isEmpty());
    }

    private void openLogin() {
        Browser.openTasklistLogin(driver, "http://localhost:" + port + "/camunda/app/tasklist/default/#/login", "roles");
    }

    private void assertLandedOnTeamTasks() {
        wait(Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector(".task-filter.active")).stream()
                .anyMatch(filter -> filter.getText().startsWith(TEAM)));
        awaitListLoaded();
    }

    /** The cards of the first page come soonest deadline first. */
    private void assertSortedByDeadline() {
        List<Date> dues = new ArrayList<>();
        for (WebElement link : driver.findElements(By.cssSelector("ol.tasks-list a[href^='#/?task=']"))) {
            String id = link.getDomAttribute("href").substring("#/?task=".length());
            Task task = taskService.createTaskQuery().taskId(id).singleResult();
            if (task != null && task.getDueDate() != null) {
                dues.add(task.getDueDate());
            }
        }
        assertThat(dues).isSorted();
    }

    /** Types the case number into the search box, as a person would, and waits for the case's single card. */
    private WebElement findByNumber(RegisteredRequest request, Task task) {
        search(request.caseNumber());
        return awaitOnlyCard(task.getId());
    }

    private void search(String text) {
        By pills = By.cssSelector("[cam-widget-search] .search-label .remove-search");
        while (!driver.findElements(pills).isEmpty()) {
            int before = driver.findElements(pills).size();
            Browser.click(driver, driver.findElements(pills).get(0));
            wait(Duration.ofSeconds(10)).until(d -> d.findElements(pills).size() < before);
        }
        WebElement box = Browser.await(driver, By.cssSelector("[cam-widget-search] input.main-field"));
        Browser.type(driver, box, text);
        // Enter in the box submits its form (implicit submission); synthetic key events do not reach Tasklist.
        ((JavascriptExecutor) driver).executeScript("arguments[0].form.requestSubmit()", box);
        wait(Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector("[cam-widget-search] .search-label"))
                .stream().anyMatch(pill -> pill.getText().contains(text)));
        awaitListLoaded();
    }

    private WebElement awaitOnlyCard(String taskId) {
        By cards = By.cssSelector("ol.tasks-list > li");
        try {
            wait(Duration.ofSeconds(20)).until(d -> {
                List<WebElement> found = d.findElements(cards);
                return found.size() == 1 && !found.get(0).findElements(By.cssSelector("a[href='#/?task=" + taskId + "']")).isEmpty();
            });
        } catch (RuntimeException e) {
            dump("roles-card-not-found");
            throw e;
        }
        return driver.findElement(cards);
    }

    private void chooseFilter(String name) {
        Browser.click(driver, Browser.await(driver, By.xpath(
                "//div[contains(@class,'task-filter')]//a[normalize-space(text())='" + name + "']")));
        wait(Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector(".task-filter.active")).stream()
                .anyMatch(filter -> filter.getText().startsWith(name)));
        awaitListLoaded();
    }

    private void awaitListLoaded() {
        wait(Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector("[cam-tasks] .loader.ng-hide")).isEmpty());
    }

    private void openTask(String taskId) {
        Browser.click(driver, Browser.await(driver, By.cssSelector("ol.tasks-list a[href='#/?task=" + taskId + "']")));
        Browser.await(driver, By.cssSelector(".fjs-form"));
    }

    private void claim() {
        Browser.click(driver, Browser.await(driver, By.cssSelector("button.claim")));
        wait(Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector("button.claim")).isEmpty());
    }

    private void complete() {
        Browser.click(driver, Browser.await(driver, By.xpath(
                "//div[contains(@class,'form-actions')]//button[normalize-space(.)='Afronden']")));
    }

    /** The form's own field errors, or Tasklist's notification of a refusal; fails unless Dutch ones appear. */
    private List<String> awaitDutchErrors() {
        By fieldErrors = By.cssSelector(".fjs-form-field-error");
        By notifications = By.cssSelector(".notifications .alert");
        try {
            wait(Duration.ofSeconds(15)).until(d -> texts(fieldErrors).stream().anyMatch(text -> !text.startsWith("Field"))
                    || !texts(notifications).isEmpty());
        } catch (RuntimeException e) {
            dump("roles-no-errors");
            throw e;
        }
        List<String> errors = new ArrayList<>(texts(fieldErrors));
        errors.addAll(texts(notifications));
        assertThat(errors).isNotEmpty().allSatisfy(error -> assertThat(error).doesNotContain("Field", "required", "pattern",
                "Exception", "ENGINE-"));
        return errors;
    }

    private List<String> texts(By locator) {
        return driver.findElements(locator).stream().map(WebElement::getText).filter(text -> !text.isBlank()).toList();
    }

    /** Nothing a person reads on the page is one of Camunda's English words. */
    private void assertNoEnglish() {
        String page = driver.findElement(By.tagName("body")).getText();
        assertThat(ENGLISH).allSatisfy(word -> assertThat(page).as(page).doesNotContain(word));
    }

    /** The form's case summary is shown and reads as Dutch: the expected words and euros, no codes, no raw numbers. */
    private void assertCaseSummary(String... expected) {
        WebElement summary = field("De zaak in het kort");
        assertThat(summary.isDisplayed()).as("the case summary is shown").isTrue();
        String text = summary.getDomProperty("value");
        assertThat(text).as(text).contains(expected).contains("Beslistermijn: uiterlijk ");
        assertThat(CODES).allSatisfy(code -> assertThat(text).as(text).doesNotContain(code));
        // Amounts as "€ 1.250,00", dates as "1 december 2026": no "1250.00" or "2026-12-01".
        assertThat(text).as(text).doesNotContainPattern("\\d\\.\\d{2}(?!\\d)").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
    }

    /** Picks an option of a form-js select; it opens and chooses on mousedown, which a DOM click does not send. */
    private void choose(String labelStart, String option) {
        WebElement group = label(labelStart).findElement(By.xpath("ancestor::div[contains(@class,'fjs-form-field')][1]"));
        String mouseDown = "arguments[0].dispatchEvent(new MouseEvent('mousedown', {bubbles: true, cancelable: true}))";
        ((JavascriptExecutor) driver).executeScript(mouseDown, group.findElement(By.cssSelector(".fjs-input-group")));
        WebElement item = wait(Duration.ofSeconds(10)).until(d -> group.findElements(By.cssSelector(".fjs-dropdownlist-item"))
                .stream().filter(e -> e.getText().trim().equals(option)).findFirst().orElse(null));
        ((JavascriptExecutor) driver).executeScript(mouseDown, item);
        wait(Duration.ofSeconds(10)).until(d -> group.findElement(By.cssSelector(".fjs-select-display")).getText().trim().equals(option));
    }

    private WebElement label(String labelStart) {
        return driver.findElement(By.xpath("//label[contains(@class,'fjs-form-field-label')][starts-with(normalize-space(.), '"
                + labelStart + "')]"));
    }

    private WebElement field(String labelStart) {
        WebElement label = driver.findElement(By.xpath("//label[contains(@class,'fjs-form-field-label')][starts-with(normalize-space(.), '"
                + labelStart + "')]"));
        return driver.findElement(By.id(label.getDomAttribute("for")));
    }

    private WebDriverWait wait(Duration timeout) {
        return Browser.waiting(driver, timeout);
    }

    private void dump(String name) {
        Browser.screenshot(driver, name);
        try {
            Files.createDirectories(Path.of("target", "screenshots"));
            Files.writeString(Path.of("target", "screenshots", name + ".html"), driver.getPageSource());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
