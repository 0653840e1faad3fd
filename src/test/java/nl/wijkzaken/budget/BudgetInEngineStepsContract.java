package nl.wijkzaken.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.wijkzaken.neighbourhood.Neighbourhood;
import nl.wijkzaken.neighbourhood.Neighbourhoods;
import nl.wijkzaken.shared.DutchFormat;

/**
 * The ledger inside engine steps, where a reservation must share the engine's transaction: run on H2
 * ({@link BudgetInEngineStepsTest}) and PostgreSQL ({@link BudgetLedgerPostgresTest.InEngineSteps}).
 */
abstract class BudgetInEngineStepsContract {

    static final int YEAR = BudgetLedgerContract.YEAR;

    @Autowired
    BudgetLedger ledger;
    @Autowired
    Neighbourhoods neighbourhoods;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    String wijk;
    Deployment deployment;

    @BeforeEach
    void aFreshNeighbourhood() {
        wijk = "t-" + UUID.randomUUID().toString().substring(0, 8);
        neighbourhoods.register(new Neighbourhood(wijk, "Testwijk " + wijk));
    }

    @AfterEach
    void removeTestProcess() {
        if (deployment != null) {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void aReservationInAnEngineStepThatFailsLaterIsRolledBack() {
        ledger.setBudget(wijk, YEAR, new BigDecimal("1000"), "gm", "Begroting");
        deployment = deploy(Bpmn.createExecutableProcess("budget-rollback-test")
                .camundaHistoryTimeToLive(3650)
                .startEvent()
                .serviceTask("reserve")
                .camundaExpression("${budgetLedger.reserve(caseNumber, neighbourhood, year, amount, 'wm', 'Toekenning')}")
                .endEvent("done")
                // A listener after the reservation fails: there is no such case status.
                .camundaExecutionListenerExpression("start", "${caseFileRecorder.status(execution, 'NOBODY_KNOWS_THIS_STATUS')}")
                .done());

        Throwable failure = catchThrowable(() -> runtimeService.startProcessInstanceByKey("budget-rollback-test",
                "BV-2031-000008", Map.of("caseNumber", "BV-2031-000008", "neighbourhood", wijk, "year", YEAR, "amount", 300L)));

        assertThat(failure).isNotNull();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("BV-2031-000008").count()).isZero();
        assertThat(ledger.remaining(wijk, YEAR)).isEqualByComparingTo("1000");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM budget_movement WHERE case_number = 'BV-2031-000008'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aReservationInAnEngineStepThatCompletesIsCommittedWithIt() {
        ledger.setBudget(wijk, YEAR, new BigDecimal("1000"), "gm", "Begroting");
        deployment = deploy(Bpmn.createExecutableProcess("budget-commit-test")
                .camundaHistoryTimeToLive(3650)
                .startEvent()
                .serviceTask("reserve")
                .camundaExpression("${budgetLedger.reserve(caseNumber, neighbourhood, year, amount, 'wm', 'Toekenning')}")
                .endEvent()
                .done());

        runtimeService.startProcessInstanceByKey("budget-commit-test",
                Map.of("caseNumber", "BV-2031-000009", "neighbourhood", wijk, "year", YEAR, "amount", 299.95));

        assertThat(ledger.remaining(wijk, YEAR)).isEqualByComparingTo("700.05");
        assertThat(ledger.overview(wijk, YEAR).orElseThrow().grants()).singleElement()
                .satisfies(g -> assertThat(g.caseNumber()).isEqualTo("BV-2031-000009"));
    }

    @Test
    void aFormCanShowTheRemainingBudgetThroughAProcessVariable() {
        ledger.setBudget(wijk, YEAR, new BigDecimal("12345.6"), "gm", "Begroting");
        // Through the bean method our models use: a model may not call other beans (see nl.wijkzaken.models).
        deployment = deploy(Bpmn.createExecutableProcess("budget-form-test")
                .camundaHistoryTimeToLive(3650)
                .startEvent()
                .userTask("decide")
                .camundaTaskListenerExpression("create", "${budgetDecision.showRemaining(task)}")
                .endEvent()
                .done());

        ClockUtil.setCurrentTime(Date.from(LocalDate.of(YEAR, 3, 1).atStartOfDay(DutchFormat.ZONE).toInstant()));
        try {
            String instance = runtimeService.startProcessInstanceByKey("budget-form-test",
                    // Route verzoek: no subsidy ceiling, so the form shows the ledger's remainder.
                    Map.of("neighbourhood", wijk, "year", YEAR, "route", "verzoek")).getId();

            String task = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
            assertThat(taskService.getVariableLocal(task, "allocation")).asString().startsWith("Resterend buurtbudget: € 12.345,60");
            runtimeService.deleteProcessInstance(instance, "test");
        } finally {
            ClockUtil.reset();
        }
    }

    Deployment deploy(BpmnModelInstance model) {
        return repositoryService.createDeployment().addModelInstance("budget-test.bpmn", model).deploy();
    }
}
