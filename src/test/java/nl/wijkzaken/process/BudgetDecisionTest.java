package nl.wijkzaken.process;

import nl.wijkzaken.support.TestAddress;
import static nl.wijkzaken.support.DecisionSteps.decision;
import static nl.wijkzaken.support.DecisionSteps.owner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import nl.wijkzaken.support.DecisionSteps;
import nl.wijkzaken.budget.Amounts;
import nl.wijkzaken.budget.BudgetLedger;
import nl.wijkzaken.budget.BudgetMovement;
import nl.wijkzaken.budget.BudgetOverview;
import nl.wijkzaken.budget.MovementType;
import nl.wijkzaken.casefile.CaseEvent;
import nl.wijkzaken.casefile.CaseEventType;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.Outcome;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.Ceilings;
import nl.wijkzaken.subsidy.SubsidyRegulations;

/**
 * The buurtbudget in the real resident-request process: what each decision books, when, for whom, and that
 * a refused or failed decision books nothing. Demo budgets of this year; a far year where a test needs a
 * budget of its own.
 */
@ApplicationTest
class BudgetDecisionTest {

    /** A year only this class books in, moved to on the engine's clock. */
    static final int OWN_YEAR = 2091;

    @Autowired ApplicationContext context;
    @Autowired BudgetLedger ledger;
    @Autowired TaskService taskService;
    @Autowired FormService formService;
    @Autowired RuntimeService runtimeService;
    @Autowired RepositoryService repositoryService;
    @Autowired CaseFiles caseFiles;
    @Autowired SubsidyRegulations regulations;
    @Autowired org.camunda.bpm.engine.HistoryService historyService;

    DecisionSteps steps;
    int year;

    @BeforeEach
    void steps() {
        steps = new DecisionSteps(context);
        year = EngineClock.today().getYear();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aGrantReservesTheDecidedAmountOfThisYearsBudgetWithTheDeciderAndCaseNumber() {
        RegisteredRequest request = steps.toDecision("maarssen-dorp", "2000");
        BigDecimal before = ledger.remaining("maarssen-dorp", year);

        steps.complete(request, "Decide", "wm.maarssen-dorp", decision("toegekend", null));

        assertThat(ledger.remaining("maarssen-dorp", year)).isEqualByComparingTo(before.subtract(new BigDecimal("2000")));
        assertThat(ledger.movementsOfCase(request.caseNumber())).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo(MovementType.RESERVATION);
            assertThat(m.amount()).isEqualByComparingTo("-2000");
            assertThat(m.actor()).isEqualTo("wm.maarssen-dorp");
            assertThat(m.reason()).isEqualTo("Besluit op " + request.caseNumber() + ": toegekend");
            assertThat(m.occurredAt()).isNotNull();
        });
        assertThat(ledger.overview("maarssen-dorp", year).orElseThrow().grants())
                .contains(new BudgetOverview.Grant(request.caseNumber(), new BigDecimal("2000.00")));
        assertThat(caseFiles.find(request.caseNumber()).orElseThrow().decidedAmount()).isEqualByComparingTo("2000");
    }

    @Test
    void aPartialGrantReservesOnlyThePartGranted() {
        RegisteredRequest request = steps.toDecision("maarssen-dorp", "2000");
        BigDecimal before = ledger.remaining("maarssen-dorp", year);

        steps.complete(request, "Decide", "wm.maarssen-dorp", decision("gedeeltelijk-toegekend", 1200));

        assertThat(ledger.remaining("maarssen-dorp", year)).isEqualByComparingTo(before.subtract(new BigDecimal("1200")));
        assertThat(ledger.movementsOfCase(request.caseNumber())).singleElement().satisfies(m -> {
            assertThat(m.amount()).isEqualByComparingTo("-1200");
            assertThat(m.reason()).isEqualTo("Besluit op " + request.caseNumber() + ": gedeeltelijk toegekend");
        });
    }

    @Test
    void aRejectionReservesNothing() {
        RegisteredRequest request = steps.toDecision("maarssen-dorp", "2000");
        BigDecimal before = ledger.remaining("maarssen-dorp", year);

        steps.complete(request, "Decide", "wm.maarssen-dorp", decision("afgewezen", null));

        assertThat(ledger.movementsOfCase(request.caseNumber())).isEmpty();
        assertThat(ledger.remaining("maarssen-dorp", year)).isEqualByComparingTo(before);
        assertThat(caseFiles.find(request.caseNumber()).orElseThrow().outcome()).isEqualTo(Outcome.AFGEWEZEN);
    }

    @Test
    void aRefusedCoSigningReleasesTheReservationAndTheNextDecisionReservesAgain() {
        RegisteredRequest request = steps.toDecision("maarssenbroek", "12000");
        BigDecimal before = ledger.remaining("maarssenbroek", year);

        steps.complete(request, "Decide", "gebiedsmanager", decision("toegekend", null));
        assertThat(ledger.remaining("maarssenbroek", year)).isEqualByComparingTo(before.subtract(new BigDecimal("12000")));
        assertThat(taskVariable(request, "CoSignDecision", BudgetDecision.ALLOCATION)).asString()
                .contains("Subsidieplafond Maarssenbroek " + year).contains("Beschikbaar voor deze aanvraag: ");

        steps.complete(request, "CoSignDecision", "wethouder",
                Map.of("coSignDecision", "niet-akkoord", "coSignRemark", "Eerst een tweede offerte."));
        assertThat(ledger.remaining("maarssenbroek", year)).isEqualByComparingTo(before);
        assertThat(taskVariable(request, "Decide", BudgetDecision.ALLOCATION)).asString()
                .as("the decider sees the money given back")
                .contains("Al verleend: " + euro(ledger.reserved("maarssenbroek", year)));

        steps.complete(request, "Decide", "gebiedsmanager", decision("gedeeltelijk-toegekend", 10000));
        steps.complete(request, "CoSignDecision", "wethouder", Map.of("coSignDecision", "akkoord"));

        assertThat(ledger.movementsOfCase(request.caseNumber()))
                .extracting(BudgetMovement::type, m -> m.amount().toPlainString(), BudgetMovement::actor)
                .containsExactly(
                        Tuple.tuple(MovementType.RESERVATION, "-12000.00", "gebiedsmanager"),
                        Tuple.tuple(MovementType.RELEASE, "12000.00", "wethouder"),
                        Tuple.tuple(MovementType.RESERVATION, "-10000.00", "gebiedsmanager"));
        assertThat(ledger.movementsOfCase(request.caseNumber()).get(1).reason())
                .isEqualTo("Medeondertekening geweigerd op " + request.caseNumber() + ": Eerst een tweede offerte.");
        assertThat(ledger.reservedForCase(request.caseNumber())).isEqualByComparingTo("10000");
        assertThat(ledger.remaining("maarssenbroek", year)).isEqualByComparingTo(before.subtract(new BigDecimal("10000")));
        assertThat(caseFiles.find(request.caseNumber()).orElseThrow().decidedAmount()).isEqualByComparingTo("10000");
    }

    @Test
    void aFastLaneGrantReservesTheAmountAsked() {
        RegisteredRequest request = steps.toFastLane("maarssen-dorp", "500");
        BigDecimal before = ledger.remaining("maarssen-dorp", year);
        assertThat(taskVariable(request, "HandleFastLane", BudgetDecision.ALLOCATION)).asString()
                .as("the fast lane is a subsidy decision: the form shows the ceiling and this application's room")
                .contains("Subsidieplafond Maarssen-Dorp " + year + ": ")
                .contains("Beschikbaar voor deze aanvraag: ")
                .contains("(gevraagd € 500,00)");

        steps.complete(request, "HandleFastLane", "wm.maarssen-dorp", decision("toegekend", null));

        assertThat(ledger.movementsOfCase(request.caseNumber())).singleElement().satisfies(m -> {
            assertThat(m.amount()).isEqualByComparingTo("-500");
            assertThat(m.actor()).isEqualTo("wm.maarssen-dorp");
        });
        assertThat(ledger.remaining("maarssen-dorp", year)).isEqualByComparingTo(before.subtract(new BigDecimal("500")));
    }

    @Test
    void theDecisionFormShowsTheAllocationAsItIsWhenTheFormIsOpened() {
        RegisteredRequest request = steps.toDecision("maarssen-dorp", "1000");
        BigDecimal grantedAtCreation = ledger.reserved("maarssen-dorp", year);
        Task task = steps.task(request, "Decide");

        assertThat(formService.getTaskFormVariables(task.getId()).get(BudgetDecision.ALLOCATION)).asString()
                .contains("Al verleend: " + euro(grantedAtCreation));

        // Meanwhile another decision in the same neighbourhood takes money.
        RegisteredRequest other = steps.toDecision("maarssen-dorp", "700");
        steps.complete(other, "Decide", "wm.maarssen-dorp", decision("toegekend", null));
        steps.claim(request, "Decide", "wm.maarssen-dorp");

        assertThat(formService.getTaskFormVariables(task.getId()).get(BudgetDecision.ALLOCATION)).asString()
                .contains("Al verleend: " + euro(grantedAtCreation.add(new BigDecimal("700"))));
        assertThat(runtimeService.getVariable(request.processInstanceId(), BudgetDecision.ALLOCATION))
                .as("a variable of the task, not of the case").isNull();
    }

    @Test
    void aGrantBeyondTheRemainingBudgetIsRefusedTheTaskStaysOpenAndALowerAmountCanThenBeGranted() {
        moveClockTo(OWN_YEAR);
        Ceilings.ceiling(regulations, "loenen", OWN_YEAR, new BigDecimal("1500"));
        RegisteredRequest request = steps.toDecision("loenen", "2000");
        assertThat(request.caseNumber()).startsWith("BV-" + OWN_YEAR);
        assertThat(taskVariable(request, "Decide", BudgetDecision.ALLOCATION)).asString()
                .contains("Subsidieplafond Loenen 2091: € 1.500,00").contains("Beschikbaar voor deze aanvraag: € 1.500,00 (gevraagd € 2.000,00)")
                .contains("Plaats in de volgorde: nummer 1 van 1 (volledig op 1 maart 2091 om 10:");

        Throwable refused = catchThrowable(() -> steps.complete(request, "Decide", "wm.loenen", decision("toegekend", null)));

        assertThat(Refusal.in(refused)).get().satisfies(e -> {
            assertThat(e.getMessage()).isEqualTo("Het subsidieplafond laat dit niet toe: voor deze aanvraag is nog € 1.500,00 "
                    + "beschikbaar (plafond € 1.500,00, al verleend € 0,00, gevraagd door eerder volledige aanvragen € 0,00). "
                    + "Ken gedeeltelijk toe tot ten hoogste € 1.500,00 of wijs af met 'Afgewezen: subsidieplafond bereikt' "
                    + "(artikel 4:25 lid 2 Awb).");
            assertThat((BigDecimal) e.properties().get("available")).isEqualByComparingTo("1500");
        });
        Task open = steps.task(request, "Decide");
        assertThat(open.getAssignee()).as("still the decider's task").isEqualTo("wm.loenen");
        assertThat(ledger.movementsOfCase(request.caseNumber())).isEmpty();
        assertThat(runtimeService.getVariable(request.processInstanceId(), "decidedBy")).isNull();
        assertThat(caseFiles.events(request.caseNumber())).extracting(CaseEvent::type).doesNotContain(CaseEventType.DECISION);

        steps.complete(request, "Decide", "wm.loenen", decision("gedeeltelijk-toegekend", 1500));

        assertThat(ledger.remaining("loenen", OWN_YEAR)).isEqualByComparingTo("0");
        assertThat(ledger.reservedForCase(request.caseNumber())).isEqualByComparingTo("1500");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(request.processInstanceId())
                .variableName("decisionMotivation").singleResult().getValue()).asString()
                .as("a partial grant limited by the ceiling names it, the rule and the place (Awb 4:25 lid 2, 4:26)")
                .contains("Subsidieplafond: Voor Loenen is voor 2091 een subsidieplafond vastgesteld van € 1.500,00")
                .contains("in volgorde van ontvangst van volledige aanvragen (artikel 4:26 Awb)")
                .contains("is nummer 1 in die volgorde");
    }

    @Test
    void whenAListenerAfterTheReservationFailsTheDecisionAndTheReservationAreRolledBackTogether() throws Exception {
        // The real model where the step after "Budget reserveren" (in the same transaction) fails.
        String model = Files.readString(Path.of("processes/resident-request.bpmn"))
                .replace("<process id=\"resident-request\"", "<process id=\"resident-request-failing\"")
                .replace("<incoming>Flow_Decide_ReserveBudget</incoming>",
                        "<extensionElements><camunda:executionListener "
                                + "expression=\"${caseFileRecorder.status(execution, 'NOBODY_KNOWS_THIS_STATUS')}\" event=\"end\" />"
                                + "</extensionElements><incoming>Flow_Decide_ReserveBudget</incoming>");
        assertThat(model).contains("NOBODY_KNOWS_THIS_STATUS").contains("resident-request-failing");
        Deployment deployment = repositoryService.createDeployment().name("failing decision test")
                .addString("resident-request-failing.bpmn", model).deploy();
        try {
            var instance = runtimeService.startProcessInstanceByKey("resident-request-failing", requestVariables("maarssen-dorp", 1800.0));
            RegisteredRequest request = new RegisteredRequest(instance.getBusinessKey(), instance.getId());
            steps.runMessages(request);
            steps.complete(request, "CheckCompleteness", owner("maarssen-dorp"), Map.of("completeness", "compleet", "completenessMotivation", "Ja."));
            steps.complete(request, "GiveAdvice", "adv.fysiek", Map.of("adviceOutcome", "positief", "adviceMotivation", "Prima."));
            BigDecimal before = ledger.remaining("maarssen-dorp", year);

            Throwable failure = catchThrowable(() -> steps.complete(request, "Decide", "wm.maarssen-dorp", decision("toegekend", null)));

            assertThat(failure).hasMessageContaining("NOBODY_KNOWS_THIS_STATUS");
            assertThat(ledger.movementsOfCase(request.caseNumber())).as("the reservation was rolled back").isEmpty();
            assertThat(ledger.remaining("maarssen-dorp", year)).isEqualByComparingTo(before);
            assertThat(steps.task(request, "Decide").getAssignee()).isEqualTo("wm.maarssen-dorp");
            assertThat(runtimeService.getVariable(request.processInstanceId(), "decidedAmount")).isNull();
            assertThat(caseFiles.events(request.caseNumber())).extracting(CaseEvent::type).doesNotContain(CaseEventType.DECISION);
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }

    private Object taskVariable(RegisteredRequest request, String taskKey, String name) {
        return taskService.getVariableLocal(steps.task(request, taskKey).getId(), name);
    }

    private static String euro(BigDecimal amount) {
        return DutchFormat.euro(Amounts.scaled(amount));
    }

    private static void moveClockTo(int year) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, 3, 1, 10, 0).atZone(DutchFormat.ZONE).toInstant()));
    }

    private static Map<String, Object> requestVariables(String neighbourhood, double amount) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("applicantName", "Fatima de Vries");
        variables.put("applicantEmail", "fatima@example.org");
        variables.put("neighbourhood", neighbourhood);
        variables.put("category", "groen-en-openbare-ruimte");
        variables.put("title", "Bankjes");
        variables.put("description", "Twee bankjes bij de vijver.");
        variables.put("amountRequested", amount);
        variables.put("urgency", "normaal");
        variables.put("carriedOutBy", "bewoners");
        variables.put("channel", "online");
        return TestAddress.with(variables);
    }
}
