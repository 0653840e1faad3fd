package nl.wijkzaken.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import nl.wijkzaken.budget.BudgetLedger;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.Ceilings;
import nl.wijkzaken.subsidy.CeilingAct;
import nl.wijkzaken.subsidy.SubsidyRegulations;
import nl.wijkzaken.support.DecisionSteps;
import nl.wijkzaken.support.StaffApi;
import nl.wijkzaken.support.StaffApi.Reply;

/**
 * Issue 17: the budget figure and the case summary on a task form are computed when the form opens (Tasklist reads
 * them with {@code GET …/task/{id}/form-variables}), not when the task was created or claimed.
 */
@ApplicationTest
class FormOpeningTest {

    /** A year only this class books in (Breukelen), moved to on the engine's clock. */
    static final int OWN_YEAR = 2083;

    @Autowired ApplicationContext context;
    @Autowired BudgetLedger ledger;
    @Autowired SubsidyRegulations regulations;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @LocalServerPort int port;

    DecisionSteps steps;

    @BeforeEach
    void steps() {
        steps = new DecisionSteps(context);
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(OWN_YEAR, 3, 2, 10, 0).atZone(DutchFormat.ZONE).toInstant()));
        if (regulations.acts(OWN_YEAR, "breukelen").isEmpty()) {
            Ceilings.ceiling(regulations, "breukelen", OWN_YEAR, new BigDecimal("40000"));
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theAllocationOnTheDecisionFormIsTheFigureWhenTheFormOpensNotWhenTheTaskWasCreated() {
        RegisteredRequest request = steps.toDecision("breukelen", "5000");
        Task decide = steps.claim(request, "Decide", "gebiedsmanager");
        List<CeilingAct> acts = regulations.acts(OWN_YEAR, "breukelen");
        BigDecimal before = acts.get(acts.size() - 1).amount();
        String shown = formValue("gebiedsmanager", decide, "allocation");
        assertThat(shown).contains("Subsidieplafond Breukelen " + OWN_YEAR + ": " + DutchFormat.euro(before));

        // The college raises the ceiling while the task is claimed and open (a raise counts for everyone).
        BigDecimal raised = before.add(new BigDecimal("7500"));
        regulations.setCeiling(OWN_YEAR, "breukelen", raised, "Gemeenteblad " + OWN_YEAR + ", 2",
                java.time.LocalDate.of(OWN_YEAR, 3, 2), "gebiedsmanager", "Verhoogd door het college");

        assertThat(formValue("gebiedsmanager", decide, "allocation"))
                .as("the form opened again shows the ceiling of now")
                .contains("Subsidieplafond Breukelen " + OWN_YEAR + ": " + DutchFormat.euro(raised));
        // Stored as well, so history keeps each figure the decider saw, and Tasklist's other reads agree.
        assertThat(taskService.getVariableLocal(decide.getId(), "allocation")).asString()
                .contains(DutchFormat.euro(raised));
        assertThat(historyService.createHistoricDetailQuery().taskId(decide.getId()).variableUpdates().list())
                .map(detail -> (HistoricVariableUpdate) detail)
                .filteredOn(update -> update.getVariableName().equals("allocation"))
                .extracting(update -> update.getValue().toString())
                .anySatisfy(value -> assertThat(value).contains(": " + DutchFormat.euro(before) + " ("))
                .anySatisfy(value -> assertThat(value).contains(": " + DutchFormat.euro(raised) + " ("));
    }

    @Test
    void theCaseSummaryIsRefreshedWhenTheFormOpensAndOnlyForWhoMayReadTheTask() {
        RegisteredRequest request = steps.toDecision("breukelen", "5000");
        Task decide = steps.task(request, "Decide");
        String summary = formValue("gebiedsmanager", decide, "caseSummary");
        assertThat(summary).startsWith(request.caseNumber() + " · Breukelen · Groen en openbare ruimte")
                .contains("Gevraagd bedrag: € 5.000,00; te besluiten: € 5.000,00")
                .contains("- Fysiek (")
                .contains("Overleg: niet nodig (adviezen positief en kosten passend)")
                .containsPattern("Beslistermijn: uiterlijk \\d+ \\w+ " + OWN_YEAR + ", nog \\d+ dagen");

        // A week later the days left are a week fewer, without anything else happening to the case.
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 7L * 24 * 3600 * 1000));
        String later = formValue("gebiedsmanager", decide, "caseSummary");
        assertThat(days(later)).isEqualTo(days(summary) - 7);

        // Someone who may not read the task learns nothing and changes nothing.
        Reply stranger = StaffApi.as("wm.maarssenbroek", port).get("/engine-rest/task/" + decide.getId() + "/form-variables");
        assertThat(stranger.status()).isIn(403, 404);
        assertThat(stranger.body()).doesNotContain("Beslistermijn");
    }

    private String formValue(String user, Task task, String name) {
        Reply reply = StaffApi.as(user, port).get("/engine-rest/task/" + task.getId() + "/form-variables");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().path(name).path("value").asText();
    }

    private static long days(String summary) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("nog (\\d+) dagen").matcher(summary);
        assertThat(matcher.find()).as(summary).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
