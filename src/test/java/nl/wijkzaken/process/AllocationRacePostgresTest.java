package nl.wijkzaken.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import nl.wijkzaken.budget.BudgetLedger;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.Outcome;
import nl.wijkzaken.shared.EngineClock;
import nl.wijkzaken.subsidy.AllocationPosition;
import nl.wijkzaken.subsidy.Allocations;
import nl.wijkzaken.subsidy.ClaimState;
import nl.wijkzaken.subsidy.SubsidyRegulations;
import nl.wijkzaken.support.Ceilings;
import nl.wijkzaken.support.MessageSteps;
import nl.wijkzaken.support.PostgresTestDatabase;
import nl.wijkzaken.support.RequiresPostgres;
import nl.wijkzaken.support.StaffApi;
import nl.wijkzaken.support.StandaloneApplication;
import nl.wijkzaken.support.TestAddress;
import nl.wijkzaken.support.TestMailServer;

/**
 * The allocation in order of complete receipt under load (Awb 4:25 lid 2, 4:26), on PostgreSQL against the real
 * process over REST: 40 applications of € 3.000 in Loenen under a ceiling of € 31.500. All 40 are checked complete
 * and advised at the same time, then all 40 deciders press "toegekend" at the same time; who is refused (409,
 * the ceiling) refuses with "Afgewezen: subsidieplafond bereikt". Whatever the interleaving: exactly the first ten
 * in the allocation order are granted, the ledger never holds more than the ceiling, the other thirty are refused.
 */
@RequiresPostgres
class AllocationRacePostgresTest {

    private static final int APPLICATIONS = 40;
    private static final BigDecimal CEILING = new BigDecimal("31500");
    private static final int ASKED = 3000;
    private static String engineRest;

    @Test
    void fortyApplicationsCompletedAndDecidedConcurrentlyAreGrantedExactlyInAllocationOrderNeverAboveTheCeiling() throws Exception {
        String url = PostgresTestDatabase.createEmptyDatabase("allocation");
        TestMailServer.start();
        try (ConfigurableApplicationContext app = StandaloneApplication.start("postgres,demo",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + PostgresTestDatabase.user(),
                "--spring.datasource.password=" + PostgresTestDatabase.password(),
                "--spring.datasource.hikari.maximum-pool-size=20")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            int year = EngineClock.today().getYear();
            Ceilings.ceiling(app.getBean(SubsidyRegulations.class), "loenen", year, CEILING);
            RuntimeService runtime = app.getBean(RuntimeService.class);
            TaskService tasks = app.getBean(TaskService.class);
            // A standalone engine has a name of its own: the engine REST API finds it under /engine-rest/engine/{name}/.
            engineRest = "/engine-rest/engine/" + app.getBean(org.camunda.bpm.engine.ProcessEngine.class).getName();

            // Received one after another: the order of receipt is the order of submission.
            List<String> caseNumbers = new ArrayList<>();
            Map<String, String> instances = new LinkedHashMap<>();
            StaffApi anonymous = StaffApi.anonymous(port);
            for (int i = 0; i < APPLICATIONS; i++) {
                StaffApi.Reply created = anonymous.post("/api/requests", TestAddress.with(Map.of("applicantName", "Bewoner " + i,
                        "applicantEmail", "bewoner" + i + "@example.org", "neighbourhood", "loenen", "carriedOutBy", "bewoners",
                        "category", "groen-en-openbare-ruimte", "title", "Buurtmoestuin " + i,
                        "description", "Een moestuin voor de straat.", "amountRequested", ASKED, "urgency", "normaal")));
                assertThat(created.status()).as(created.toString()).isEqualTo(201);
                String caseNumber = created.json().get("caseNumber").asText();
                String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult().getId();
                MessageSteps.run(app, instance);
                caseNumbers.add(caseNumber);
                instances.put(caseNumber, instance);
            }

            // All complete and advised at the same time: each claim is placed under the budget row's lock.
            concurrently(caseNumbers, caseNumber -> {
                String instance = instances.get(caseNumber);
                complete(port, tasks, instance, "CheckCompleteness", null, "wm.loenen",
                        Map.of("completeness", "compleet", "completenessMotivation", "Compleet."));
                complete(port, tasks, instance, "GiveAdvice", "advies-fysiek", "adv.fysiek",
                        Map.of("adviceOutcome", "positief", "adviceMotivation", "Goed plan."));
                return 204;
            });

            // All decide at the same time.
            List<Integer> firstAnswers = concurrently(caseNumbers, caseNumber -> {
                String instance = instances.get(caseNumber);
                int status = complete(port, tasks, instance, "Decide", null, "gebiedsmanager",
                        Map.of("outcome", "toegekend", "decisionMotivation", "Een goed plan voor de buurt."));
                if (status == 409) {
                    int refused = complete(port, tasks, instance, "Decide", null, "gebiedsmanager",
                            Map.of("outcome", "afgewezen-plafond", "decisionMotivation", "Het plafond is bereikt."));
                    assertThat(refused).as("refusal of " + caseNumber).isEqualTo(204);
                }
                return status;
            });

            Allocations allocations = app.getBean(Allocations.class);
            CaseFiles caseFiles = app.getBean(CaseFiles.class);
            BudgetLedger ledger = app.getBean(BudgetLedger.class);
            List<AllocationPosition> order = caseNumbers.stream().map(n -> allocations.position(n).orElseThrow())
                    .sorted(Comparator.comparingInt(AllocationPosition::place)).toList();
            assertThat(order).extracting(AllocationPosition::caseNumber).as("the order of receipt").containsExactlyElementsOf(caseNumbers);
            assertThat(firstAnswers).as("every first decision was a grant or the ceiling's refusal").allMatch(s -> s == 204 || s == 409);
            for (AllocationPosition position : order) {
                boolean fits = position.place() <= 10;
                assertThat(position.state()).as(position.caseNumber() + " at place " + position.place())
                        .isEqualTo(fits ? ClaimState.GRANTED : ClaimState.REFUSED);
                assertThat(caseFiles.find(position.caseNumber()).orElseThrow().outcome())
                        .isEqualTo(fits ? Outcome.TOEGEKEND : Outcome.AFGEWEZEN_PLAFOND);
                assertThat(ledger.reservedForCase(position.caseNumber())).isEqualByComparingTo(fits ? "3000" : "0");
            }
            assertThat(ledger.reserved("loenen", year)).as("never above the ceiling").isEqualByComparingTo("30000")
                    .isLessThanOrEqualTo(CEILING);
            assertThat(runtime.createIncidentQuery().count()).isZero();
        }
    }

    /** Claims and completes the case's open task over the engine's REST API as {@code user}; the completion's status. */
    private static int complete(int port, TaskService tasks, String instance, String taskKey, String group, String user,
                                Map<String, Object> values) {
        var query = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).active();
        Task task = (group == null ? query : query.taskCandidateGroup(group)).singleResult();
        StaffApi api = StaffApi.as(user, port);
        if (task.getAssignee() == null) {
            StaffApi.Reply claim = api.post(engineRest + "/task/" + task.getId() + "/claim", Map.of("userId", user));
            assertThat(claim.status()).as(claim.toString()).isEqualTo(204);
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        StaffApi.Reply submitted = api.post(engineRest + "/task/" + task.getId() + "/submit-form", Map.of("variables", variables));
        assertThat(submitted.status()).as(taskKey + ": " + submitted).isIn(204, 409);
        return submitted.status();
    }

    interface Step {
        int run(String caseNumber) throws Exception;
    }

    /** Runs the step for every case at once (one thread each, released together); the answers in case order. */
    private static List<Integer> concurrently(List<String> caseNumbers, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(caseNumbers.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String caseNumber : caseNumbers) {
                Callable<Integer> call = () -> {
                    start.await();
                    return step.run(caseNumber);
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> result : results) {
                answers.add(result.get(5, TimeUnit.MINUTES));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
