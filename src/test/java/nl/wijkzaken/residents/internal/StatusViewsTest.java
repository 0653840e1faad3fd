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

import nl.wijkzaken.intake.CarriedOutBy;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.Outcome;
import nl.wijkzaken.deadline.LegalCalendar;
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

        long daysLeft = java.time.temporal.ChronoUnit.DAYS.between(EngineClock.today(), deadline);
        assertThat(page).contains("id=\"case-team\">Team wijk Breukelen<", "id=\"case-status\">In behandeling<",
                "Verzoek ontvangen", ">In behandeling<", "id=\"deadline-days\">nog " + daysLeft + " dagen<",
                "Beslistermijn: uiterlijk <strong id=\"deadline-date\">" + DutchFormat.dayAndDate(deadline) + "<",
                "Verloop van de beslistermijn", "Beslistermijn vastgesteld: uiterlijk " + DutchFormat.dayAndDate(deadline))
                .doesNotContain("Volledigheid beoordelen", "id=\"decision\"", "id=\"supplement\"");

        moveClock(Duration.ofDays(10));
        assertThat(page(submission)).contains("id=\"deadline-days\">nog " + (daysLeft - 10) + " dagen<");
        moveClock(Duration.ofDays(47));
        assertThat(page(submission)).contains("id=\"deadline-passed\"", "verstreken", "dwangsom");
    }

    @Test
    void whileTheCaseWaitsForASupplementTheDeadlineStandsStillAndTheFormIsOffered() {
        Submission submission = submit(Category.GROEN_EN_OPENBARE_RUIMTE, "2000", Urgency.NORMAAL);
        String processInstanceId = processInstanceId(submission);
        driver.runMessages(processInstanceId);
        LocalDate deadline = caseFiles.find(submission.caseNumber()).orElseThrow().legalDeadline();
        LocalDate counted = caseFiles.deadline(submission.caseNumber()).orElseThrow().countedDeadline();
        LegalCalendar law = LegalCalendar.ofLaw();
        driver.complete(processInstanceId, "CheckCompleteness", "wm.breukelen", Map.of("completeness", "incompleet",
                "completenessMotivation", "Een tekening van de plek ontbreekt."));
        assertThat(page(submission)).as("the request for it has not been mailed yet").doesNotContain("id=\"supplement\"");
        driver.runMessages(processInstanceId);

        String page = page(submission);
        assertThat(page).contains("id=\"case-status\">Aanvulling gevraagd<", "id=\"deadline-paused\"",
                "De termijn staat stil", "id=\"deadline-days\">" + java.time.temporal.ChronoUnit.DAYS.between(EngineClock.today(), deadline)
                        + " dagen<", "id=\"supplement\"", "Beslistermijn opgeschort",
                "Een tekening van de plek ontbreekt.", "name=\"supplementText\"", "name=\"_csrf\"",
                "id=\"supplement-last-day\">" + DutchFormat.date(law.termEnd(EngineClock.today().plusDays(14))) + "<");

        moveClock(Duration.ofDays(5));
        // Awb 4:15: sent five days ago, so four days (the day of receipt not counted) added to the counted end, then Atw.
        LocalDate ifToday = law.termEnd(counted.plusDays(4));
        assertThat(page(submission)).contains("id=\"deadline-days\">"
                        + java.time.temporal.ChronoUnit.DAYS.between(EngineClock.today(), ifToday) + " dagen<",
                "id=\"deadline-date\">" + DutchFormat.dayAndDate(ifToday) + "<");
    }

    @Test
    void aDecisionIsShownWithItsAmountMotivationAndTheObjectionClauseInsteadOfTheDeadline() {
        Submission submission = submit(Category.EVENEMENT_OF_ACTIVITEIT, "500", Urgency.ACUUT);
        String processInstanceId = processInstanceId(submission);
        driver.runMessages(processInstanceId);
        driver.complete(processInstanceId, "HandleFastLane", "wm.breukelen", Map.of("outcome", "toegekend",
                "decisionMotivation", "Het bord wordt morgen geplaatst."));
        driver.runMessages(processInstanceId);
        sent(submission);

        String page = page(submission);

        // Sent by e-mail today: the last day to object is six weeks from tomorrow, Atw-moved.
        assertThat(page).contains("id=\"decision-outcome\">Toegekend<", "id=\"decision-amount\">€ 500,00<",
                "Het bord wordt morgen geplaatst.", "bezwaar maken tot en met", "id=\"objection-until\">"
                        + DutchFormat.date(nl.wijkzaken.deadline.LegalCalendar.ofLaw().objectionTermEnd(EngineClock.today())) + "<",
                "per e-mail", "id=\"decision-letter\"", ">Besluit genomen<", ">Afgehandeld<")
                .doesNotContain("id=\"deadline\"");
    }

    @Test
    void aForwardedRequestShowsToWhomAndWhyWithoutObjectionClause() {
        Submission submission = submit(Category.OVERIG, "100", Urgency.NORMAAL);
        String processInstanceId = processInstanceId(submission);
        driver.runMessages(processInstanceId);
        driver.complete(processInstanceId, "CheckCompleteness", "wm.breukelen", Map.of("completeness", "doorsturen",
                "competentBody", "Gedeputeerde Staten van Utrecht", "completenessMotivation", "Dit is een zaak van de provincie."));
        assertThat(page(submission)).as("not before its letter was sent").doesNotContain("id=\"decision\"");
        driver.runMessages(processInstanceId);

        assertThat(page(submission)).contains("id=\"decision-title\">Antwoord<",
                "id=\"decision-outcome\">Doorgezonden naar het bevoegde bestuursorgaan<",
                "Doorgezonden aan Gedeputeerde Staten van Utrecht. Dit is een zaak van de provincie.")
                .doesNotContain("id=\"decision-amount\"", "binnen 6 weken", "ontvankelijk");
    }

    @Test
    void anAnswerToWhatIsNoApplicationShowsTheAnswerWithoutObjectionClause() {
        Submission submission = submit(Category.OVERIG, "100", Urgency.NORMAAL);
        String processInstanceId = processInstanceId(submission);
        driver.runMessages(processInstanceId);
        driver.complete(processInstanceId, "CheckCompleteness", "wm.breukelen", Map.of("completeness", "geen-aanvraag",
                "completenessMotivation", "Uw melding over de losse stoeptegel hebben wij doorgegeven aan de buitendienst."));
        driver.runMessages(processInstanceId);

        assertThat(page(submission)).contains("id=\"decision-outcome\">Beantwoord: geen aanvraag om een besluit<",
                "Uw melding over de losse stoeptegel", "geen bezwaar").doesNotContain("binnen 6 weken", "ontvankelijk");
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
        driver.runMessages(processInstanceId);

        // Awb 4:5: the term lapsed, a decision follows; until then a supplement is still taken.
        assertThat(page(submission)).contains("id=\"case-status\">Hersteltermijn verstreken, er volgt een besluit<",
                "id=\"supplement-term-lapsed\"", "Wij nemen binnen vier weken een besluit", "name=\"supplementText\"")
                .doesNotContain("id=\"decision-outcome\"", "id=\"supplement-last-day\"");

        driver.complete(processInstanceId, "DecideNotHandled", "wm.breukelen", Map.of("notHandledDecision", "buiten-behandeling",
                "notHandledMotivation", "Begroting ontbreekt. Zonder begroting kunnen wij niet beslissen."));
        driver.runMessages(processInstanceId);
        assertThat(page(submission)).contains("id=\"decision-outcome\">Buiten behandeling gesteld<", "artikel 4:5",
                "Motivering", "Zonder begroting kunnen wij niet beslissen.", "bezwaar maken tot en met")
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
                "Schoolstraat", "Straatweg", "1", "3621 AB", "Breukelen", nl.wijkzaken.intake.DecisionChannel.EMAIL, true, CarriedOutBy.BEWONERS), null);
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
