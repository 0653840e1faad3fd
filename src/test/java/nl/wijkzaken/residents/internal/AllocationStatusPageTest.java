package nl.wijkzaken.residents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.subsidy.SubsidyRegulations;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.Ceilings;
import nl.wijkzaken.support.TaskDriver;

/**
 * The status page of a subsidy application shows its own place in the allocation order (Awb 4:26) once it is
 * complete, with the published ceiling, and nothing of other residents' applications. A year of its own (2071).
 */
@ApplicationTest
class AllocationStatusPageTest {

    @Autowired ApplicationContext context;
    @Autowired ResidentCases cases;
    @Autowired SubsidyRegulations regulations;
    @Autowired TestRestTemplate http;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aCompleteSubsidyApplicationShowsItsPlaceInTheOrderWithoutOtherResidentsData() {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2071, 3, 3, 10, 0).atZone(DutchFormat.ZONE).toInstant()));
        Ceilings.ceiling(regulations, "maarssenbroek", 2071, new BigDecimal("20000"));
        TaskDriver driver = new TaskDriver(context);
        Submission submission = cases.submit(new ResidentRequest("Fatima de Vries", "fatima@example.org", null,
                "Buurtgroep Zuid", "maarssenbroek", Category.GROEN_EN_OPENBARE_RUIMTE, "Buurtmoestuin",
                "Een moestuin voor de straat.", new BigDecimal("3000"), Urgency.NORMAAL, "Straatweg 1", "Straatweg", "1",
                "3621 AB", "Breukelen", nl.wijkzaken.intake.DecisionChannel.EMAIL, true, nl.wijkzaken.intake.CarriedOutBy.BEWONERS), null);
        String instance = cases.findByToken(submission.token()).orElseThrow().processInstanceId();
        driver.runMessages(instance);
        assertThat(page(submission)).as("not complete yet: no place").doesNotContain("id=\"case-allocation\"");

        driver.complete(instance, "CheckCompleteness", "wm.maarssenbroek",
                Map.of("completeness", "compleet", "completenessMotivation", "Compleet."));

        assertThat(page(submission)).contains("<dt>Volgorde</dt>", "id=\"case-allocation\">Uw aanvraag was volledig op "
                + "3 maart 2071 en is nummer 1 in de volgorde waarin het subsidieplafond wordt verdeeld (in volgorde van "
                + "ontvangst van volledige aanvragen; plafond voor Maarssenbroek 2071: € 20.000,00, Subsidieregeling "
                + "buurtbudget Stichtse Vecht 2071, Gemeenteblad 2070, testplafond).<");

        // The auditor's dossier shows the same: regulation with its legal basis, the ceiling with its publication,
        // the allocation rule and the place (LEGAL.md 2; Awb 4:23, 4:25-4:27).
        String caseNumber = cases.findByToken(submission.token()).orElseThrow().caseNumber();
        ResponseEntity<String> dossier = http.withBasicAuth("auditor", "demo").getForEntity("/audit/dossiers/" + caseNumber, String.class);
        assertThat(dossier.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(dossier.getBody()).contains(
                "id=\"story-regulation\">Subsidieregeling buurtbudget Stichtse Vecht 2071 (grondslag: artikel ",
                " van de Subsidieregeling buurtbudget Stichtse Vecht 2071; Gemeenteblad 2070, ",
                "id=\"story-ceiling\">€ 20.000,00 voor Maarssenbroek in 2071 (Gemeenteblad 2070, testplafond, bekendgemaakt "
                        + "op 1 december 2070)<",
                "id=\"story-order\">Verdeeld in volgorde van ontvangst van volledige aanvragen; deze aanvraag: nummer 1 van 1 "
                        + "(volledig op 3 maart 2071 om ");
    }

    private String page(Submission submission) {
        ResponseEntity<String> response = http.getForEntity("/status/" + submission.token(), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
