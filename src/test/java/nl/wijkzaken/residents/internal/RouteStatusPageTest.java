package nl.wijkzaken.residents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.intake.CarriedOutBy;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.DecisionChannel;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.TaskDriver;

/**
 * The route on the resident's status page (LEGAL.md 1: "shown to the resident"), in plain Dutch with what it means;
 * a request for the municipality to act never reads of a notice of default or a penalty (Awb 4:17 lid 1), not even
 * once its term has passed.
 */
@ApplicationTest
class RouteStatusPageTest {

    @Autowired ApplicationContext context;
    @Autowired ResidentCases cases;
    @Autowired CaseFiles caseFiles;
    @Autowired TestRestTemplate http;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void residentsWhoCarryItOutReadTheyAskASubsidyAndMayObject() {
        Submission submission = submit(CarriedOutBy.BEWONERS);

        assertThat(page(submission)).contains("<dt>Soort verzoek</dt>",
                "<span id=\"case-route-label\">Subsidie uit het buurtbudget</span>",
                "U voert zelf een activiteit uit en vraagt daarvoor geld. De gemeente beslist over uw aanvraag om "
                        + "subsidie met een besluit; daartegen kunt u bezwaar maken.");
    }

    @Test
    void aRequestForTheMunicipalityToActReadsSoAndPastItsTermOffersNoNoticeOfDefault() {
        Submission submission = submit(CarriedOutBy.GEMEENTE);
        assertThat(page(submission)).contains("<span id=\"case-route-label\">Verzoek aan de gemeente</span>",
                "U vraagt de gemeente iets te doen. Dit is geen aanvraag om subsidie: u krijgt een antwoord met uitleg "
                        + "of, hoe en wanneer de gemeente het doet.");

        LocalDate deadline = caseFiles.find(submission.caseNumber()).orElseThrow().legalDeadline();
        at(deadline.plusDays(1));
        String late = page(submission);

        assertThat(late).contains("id=\"deadline-passed\"", "De termijn is op", "Wij werken aan een antwoord.")
                .doesNotContain("id=\"notice-submit\"", "id=\"penalty\"")
                .doesNotContainIgnoringCase("dwangsom").doesNotContainIgnoringCase("ingebrekestelling")
                .doesNotContainIgnoringCase("in gebreke");
    }

    private Submission submit(CarriedOutBy carriedOutBy) {
        Submission submission = cases.submit(new ResidentRequest("Fatima de Vries", "fatima@example.org", null, null,
                "breukelen", Category.SPELEN_EN_SPORT, "Klimrek in het park", "Graag een klimrek.",
                new BigDecimal("2000"), Urgency.NORMAAL, "Parkweg", "Straatweg", "1", "3621 AB", "Breukelen",
                DecisionChannel.POST, false, carriedOutBy), null);
        new TaskDriver(context).runMessages(cases.findByToken(submission.token()).orElseThrow().processInstanceId());
        return submission;
    }

    private String page(Submission submission) {
        ResponseEntity<String> response = http.getForEntity("/status/" + submission.token(), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static void at(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(LocalTime.of(10, 0)).atZone(DutchFormat.ZONE).toInstant()));
    }
}
