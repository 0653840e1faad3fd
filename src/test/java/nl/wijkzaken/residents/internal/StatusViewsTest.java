package nl.wijkzaken.residents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.Outcome;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.TaskDriver;

/** The status page over HTTP at each stage of a real case: team, timeline, deadline, supplement, outcome. */
@ApplicationTest
class StatusViewsTest {

    @Autowired ApplicationContext context;
    @Autowired ProcessEngine engine;
    @Autowired ResidentCases cases;
    @Autowired CaseFiles caseFiles;
    @Autowired TestRestTemplate http;

    TaskDriver driver;

    @BeforeEach
    void driver() {
        driver = new TaskDriver(context);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aRunningCaseShowsItsTeamItsTimelineAndTheDaysLeftOnTheEngineClock() {
        Submission submission = submit(Category.GROEN_EN_OPENBARE_RUIMTE, "2000", Urgency.NORMAAL);
        driver.runMessages(processInstanceId(submission));
        LocalDate deadline = caseFiles.find(submission.caseNumber()).orElseThrow().legalDeadline();

        String page = page(submission);

        assertThat(page).contains("id=\"case-team\">Team wijk Breukelen<", "id=\"case-status\">In behandeling<",
                "Verzoek ontvangen", ">In behandeling<", "id=\"deadline-days\">nog 56 dagen<",
                ">" + DutchFormat.date(deadline) + "<")
                .doesNotContain("Volledigheid beoordelen", "id=\"decision\"", "id=\"supplement\"");

        moveClock(Duration.ofDays(10));
        assertThat(page(submission)).contains("id=\"deadline-days\">nog 46 dagen<");
        moveClock(Duration.ofDays(47));
        assertThat(page(submission)).contains("id=\"deadline-passed\"", "verstreken", "dwangsom");
    }

    @Test
    void whileTheCaseWaitsForASupplementTheDeadlineStandsStillAndTheFormIsOffered() {
        Submission submission = submit(Category.GROEN_EN_OPENBARE_RUIMTE, "2000", Urgency.NORMAAL);
        String processInstanceId = processInstanceId(submission);
        driver.runMessages(processInstanceId);
        LocalDate deadline = caseFiles.find(submission.caseNumber()).orElseThrow().legalDeadline();
        driver.complete(processInstanceId, "CheckCompleteness", "wm.breukelen", Map.of("completeness", "incompleet",
                "completenessMotivation", "Een tekening van de plek ontbreekt."));
        assertThat(page(submission)).as("the request for it has not been mailed yet").doesNotContain("id=\"supplement\"");
        driver.runMessages(processInstanceId);

        String page = page(submission);
        assertThat(page).contains("id=\"case-status\">Aanvulling gevraagd<", "id=\"deadline-paused\"",
                "De termijn staat stil", "id=\"deadline-days\">56 dagen<", "id=\"supplement\"",
                "Een tekening van de plek ontbreekt.", "name=\"supplementText\"", "name=\"_csrf\"",
                "id=\"supplement-last-day\">" + DutchFormat.date(EngineClock.today().plusDays(14)) + "<");

        moveClock(Duration.ofDays(5));
        assertThat(page(submission)).contains("id=\"deadline-days\">56 dagen<",
                "id=\"deadline-date\">" + DutchFormat.date(deadline.plusDays(5)) + "<");
    }

    @Test
    void aDecisionIsShownWithItsAmountMotivationAndTheObjectionClauseInsteadOfTheDeadline() {
        Submission submission = submit(Category.VERKEER_EN_PARKEREN, "500", Urgency.ACUUT);
        String processInstanceId = processInstanceId(submission);
        driver.runMessages(processInstanceId);
        driver.complete(processInstanceId, "HandleFastLane", "wm.breukelen", Map.of("outcome", "toegekend",
                "decisionMotivation", "Het bord wordt morgen geplaatst."));
        driver.runMessages(processInstanceId);
        sent(submission);

        String page = page(submission);

        assertThat(page).contains("id=\"decision-outcome\">Toegekend<", "id=\"decision-amount\">€ 500,00<",
                "Het bord wordt morgen geplaatst.", "binnen 6 weken", "bezwaar", ">Besluit genomen<", ">Afgehandeld<")
                .doesNotContain("id=\"deadline\"");
    }

    @Test
    void aRequestThatIsNotAdmissibleShowsWhyAndThatObjectionIsPossible() {
        Submission submission = submit(Category.OVERIG, "100", Urgency.NORMAAL);
        String processInstanceId = processInstanceId(submission);
        driver.runMessages(processInstanceId);
        driver.complete(processInstanceId, "CheckCompleteness", "wm.breukelen", Map.of("completeness", "niet-ontvankelijk",
                "completenessMotivation", "Dit is een zaak van de provincie."));
        sent(submission);

        assertThat(page(submission)).contains("id=\"decision-outcome\">Niet in behandeling genomen<",
                "Dit is een zaak van de provincie.", "binnen 6 weken").doesNotContain("id=\"decision-amount\"");
    }

    @Test
    void aRequestLeftIncompleteShowsArticle45AndWhatWasAsked() {
        Submission submission = submit(Category.GROEN_EN_OPENBARE_RUIMTE, "2000", Urgency.NORMAAL);
        String processInstanceId = processInstanceId(submission);
        driver.runMessages(processInstanceId);
        driver.complete(processInstanceId, "CheckCompleteness", "wm.breukelen", Map.of("completeness", "incompleet",
                "completenessMotivation", "Begroting ontbreekt."));
        driver.runMessages(processInstanceId);
        var jobs = engine.getManagementService();
        jobs.executeJob(jobs.createJobQuery().processInstanceId(processInstanceId).activityId("RepairTermLapsed")
                .singleResult().getId());
        sent(submission);

        assertThat(page(submission)).contains("id=\"decision-outcome\">Buiten behandeling gesteld<", "artikel 4:5",
                "Gevraagde aanvulling", "Begroting ontbreekt.", "binnen 6 weken")
                .doesNotContain("id=\"supplement\"", "id=\"deadline\"");
    }

    @Test
    void aCaseTheAdministratorDeletesIsShownClosedByTheMunicipalityNotOpen() {
        Submission submission = submit(Category.GROEN_EN_OPENBARE_RUIMTE, "2000", Urgency.NORMAAL);
        String processInstanceId = processInstanceId(submission);
        driver.runMessages(processInstanceId);
        // As in Cockpit's delete dialog: custom listeners skipped.
        ResponseEntity<String> deleted = http.withBasicAuth("demo", "demo").exchange(
                "/engine-rest/process-instance/" + processInstanceId + "?skipCustomListeners=true",
                org.springframework.http.HttpMethod.DELETE, null, String.class);
        assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(page(submission)).contains("id=\"case-status\">Behandeling beëindigd door de gemeente<",
                        "id=\"decision-outcome\">Behandeling beëindigd<", "zonder besluit", "noem uw zaaknummer")
                .doesNotContain("id=\"deadline", "id=\"supplement\"", "procesengine");
        assertThat(caseFiles.find(submission.caseNumber()).orElseThrow())
                .satisfies(file -> assertThat(file.outcome()).isEqualTo(Outcome.BEEINDIGD))
                .satisfies(file -> assertThat(file.closedOn()).isNotNull());
        assertThat(caseFiles.events(submission.caseNumber())).last()
                .satisfies(event -> assertThat(event.actor()).as("who deleted it, for the auditor").isEqualTo("demo"))
                .satisfies(event -> assertThat(event.detail()).contains("verwijderd door demo"));
    }

    /** As the delivery does once the letter went out (by post here): the day the Awb counts from. */
    private void sent(Submission submission) {
        caseFiles.recordDecisionSent(submission.caseNumber(), EngineClock.today(), "per post", "balie");
    }

    private Submission submit(Category category, String amount, Urgency urgency) {
        return cases.submit(new ResidentRequest("Fatima de Vries", "fatima@example.org", null, null, "breukelen",
                category, "Plantenbak bij de school", "Graag een plantenbak.", new BigDecimal(amount), urgency,
                "Schoolstraat", "Straatweg", "1", "3621 AB", "Breukelen", null, null), null);
    }

    private String processInstanceId(Submission submission) {
        return cases.findByToken(submission.token()).orElseThrow().processInstanceId();
    }

    private String page(Submission submission) {
        ResponseEntity<String> response = http.getForEntity("/status/" + submission.token(), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static void moveClock(Duration duration) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        ClockUtil.setCurrentTime(Date.from(now.plus(duration)));
    }
}
