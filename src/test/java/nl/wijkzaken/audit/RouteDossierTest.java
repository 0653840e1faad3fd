package nl.wijkzaken.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.Route;
import nl.wijkzaken.intake.CarriedOutBy;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.DecisionChannel;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.intake.RequestIntake;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.models.ResidentRequestProcess.Tasks;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.TaskDriver;

/**
 * The route in the auditor's dossier (LEGAL.md 1: "recorded on the case"): the route, why, and the owner's
 * correction at the completeness check through Tasklist's form, with when and by whom, in words.
 */
@ApplicationTest
class RouteDossierTest {

    @Autowired ApplicationContext context;
    @Autowired RequestIntake intake;
    @Autowired CaseFiles caseFiles;
    @Autowired TestRestTemplate http;

    @Test
    void theDossierShowsTheRouteWhyAndTheOwnersCorrection() {
        RegisteredRequest request = intake.submit(new ResidentRequest("Fatima de Vries", "fatima@example.org", null,
                "Buurtgroep Zuid", "breukelen", Category.GROEN_EN_OPENBARE_RUIMTE, "Boom op het plein",
                "Graag een boom op het plein.", new BigDecimal("1800"), Urgency.NORMAAL, "Plein", "Straatweg", "1",
                "3621 AB", "Breukelen", DecisionChannel.POST, false, CarriedOutBy.BEWONERS), "online");
        TaskDriver tasks = new TaskDriver(context);
        tasks.runMessages(request.processInstanceId());
        assertThat(dossier(request)).contains("Subsidie uit het buurtbudget",
                "Waarom: <span>De bewoners voeren zelf een activiteit uit en vragen daarvoor een bijdrage</span>");

        tasks.complete(request.processInstanceId(), Tasks.CHECK_COMPLETENESS, "wm.breukelen", Map.of(
                "completeness", "compleet", "completenessMotivation", "Compleet.",
                "routeCorrection", "verzoek", "routeCorrectionReason", "De gemeente plant de boom, niet de buurtgroep."));

        assertThat(caseFiles.route(request.caseNumber())).contains(Route.VERZOEK);
        assertThat(dossier(request)).contains("<dt>Soort verzoek</dt>", "<span>Verzoek aan de gemeente</span>",
                "Waarom: <span>De gemeente plant de boom, niet de buurtgroep.</span>",
                ", Bram Breukels: Soort verzoek gewijzigd van ‘Subsidie uit het buurtbudget’ naar ‘Verzoek aan de "
                        + "gemeente’ bij de beoordeling van de volledigheid. Reden: De gemeente plant de boom, niet de buurtgroep.")
                .doesNotContain("wm.breukelen:");
    }

    private String dossier(RegisteredRequest request) {
        ResponseEntity<String> response = http.withBasicAuth("auditor", "demo")
                .getForEntity("/audit/dossiers/" + request.caseNumber(), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
