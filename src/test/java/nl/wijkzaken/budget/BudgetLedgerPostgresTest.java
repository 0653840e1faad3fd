package nl.wijkzaken.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.wijkzaken.subsidy.SubsidyRegulations;
import nl.wijkzaken.support.Ceilings;
import nl.wijkzaken.support.DecisionSteps;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.shared.EngineClock;
import nl.wijkzaken.support.PostgresTestDatabase;
import nl.wijkzaken.support.RequiresPostgres;

/**
 * The ledger on PostgreSQL, and the race the ledger exists for: many deciders of one neighbourhood take their
 * "Besluit nemen" decision in the real resident-request process at the same moment, over HTTP as Tasklist does,
 * and the budget covers only some of them.
 * <p>
 * A context of its own (another database) beside the shared one of {@code @ApplicationTest}: so its engine has its
 * own name, which the engine REST API finds under {@code /engine-rest/engine/{name}/}, and it runs without the Camunda
 * webapps, whose JVM-wide state belongs to the shared context.
 */
@RequiresPostgres
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.process-engine-name=" + BudgetLedgerPostgresTest.ENGINE,
        "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration"})
class BudgetLedgerPostgresTest extends BudgetLedgerContract {

    /** Without a hyphen: the Camunda starter ignores such a name and falls back to "default". */
    static final String ENGINE = "budgetpostgres";

    static final int DECIDERS = 60;
    static final String WIJK = "loenen";
    static final BigDecimal GRANT = new BigDecimal("1000.00");
    /** Covers 20 grants of 1000 (within the wijkmanager's mandate) and leaves 500. */
    static final BigDecimal REMAINING_AT_START = new BigDecimal("20500.00");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> PostgresTestDatabase.createEmptyDatabase("budget"));
        registry.add("spring.datasource.username", PostgresTestDatabase::user);
        registry.add("spring.datasource.password", PostgresTestDatabase::password);
        // Deciders queue for the budget row while holding a connection; the rest queue for a connection.
        registry.add("spring.datasource.hikari.connection-timeout", () -> "180000");
    }

    /** The ledger inside engine steps, on this context's PostgreSQL engine. */
    @Nested
    class InEngineSteps extends BudgetInEngineStepsContract {
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    IdentityService identityService;
    @Autowired
    CaseFiles caseFiles;

    /**
     * Route verzoek: internal allocations and grant reservations racing for one budget (each in its own transaction,
     * as each completes its own task) queue on the budget row: exactly as many as the budget covers succeed, the
     * others are refused, nothing goes below zero.
     */
    @Test
    void racingInternalAllocationsAndReservationsNeverTakeTheBudgetBelowZero() throws Exception {
        ledger.setBudget(wijk, YEAR, new BigDecimal("1000"), "gm", "Begroting");
        int racers = 12;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String caseNumber = "BV-2031-1000" + (10 + i);
            boolean allocation = i % 2 == 0;
            results.add(pool.submit(() -> {
                start.await();
                try {
                    transactions.executeWithoutResult(status -> {
                        if (allocation) {
                            ledger.allocateInternally(caseNumber, wijk, YEAR, 200L, "wm", "Werk van de gemeente");
                        } else {
                            ledger.reserve(caseNumber, wijk, YEAR, 200L, "wm", "Toekenning");
                        }
                    });
                    return true;
                } catch (nl.wijkzaken.refusal.Refusal refused) {
                    return false;
                }
            }));
        }
        start.countDown();
        int succeeded = 0;
        for (Future<Boolean> result : results) {
            succeeded += result.get(2, TimeUnit.MINUTES) ? 1 : 0;
        }
        pool.shutdown();

        assertThat(succeeded).isEqualTo(5);
        assertThat(ledger.remaining(wijk, YEAR)).isEqualByComparingTo("0");
    }

    @Test
    void racingDecisionsInTheRealProcessNeverOverspendAndEveryLoserStaysOpenWithTheRemainingAmount() throws Exception {
        int year = EngineClock.today().getYear();
        DecisionSteps steps = new DecisionSteps(context);
        List<RegisteredRequest> cases = new ArrayList<>();
        List<Task> decisions = new ArrayList<>();
        for (int i = 0; i < DECIDERS; i++) {
            String decider = decider(i);
            User user = identityService.newUser(decider);
            user.setPassword("demo");
            identityService.saveUser(user);
            identityService.createMembership(decider, "wijkmanager-" + WIJK);
            RegisteredRequest request = steps.toDecision(WIJK, GRANT.toPlainString());
            cases.add(request);
            decisions.add(steps.claim(request, "Decide", decider));
        }
        // The ceiling leaves 20.500 for these 60 applications, complete in the order they were submitted (Awb 4:26).
        Ceilings.ceiling(context.getBean(SubsidyRegulations.class), WIJK, year, ledger.reserved(WIJK, year).add(REMAINING_AT_START));
        assertThat(ledger.remaining(WIJK, year)).isEqualByComparingTo(REMAINING_AT_START);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(DECIDERS);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < DECIDERS; i++) {
            HttpRequest submit = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/engine-rest/engine/" + ENGINE + "/task/" + decisions.get(i).getId() + "/submit-form"))
                    .timeout(Duration.ofMinutes(4))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((decider(i) + ":demo").getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"variables": {"outcome": {"value": "toegekend"},
                                           "decisionMotivation": {"value": "Goed voor de buurt."}}}"""))
                    .build();
            answers.add(pool.submit(() -> {
                start.await();
                return http.send(submit, HttpResponse.BodyHandlers.ofString());
            }));
        }
        start.countDown();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            responses.add(answer.get(5, TimeUnit.MINUTES));
        }
        pool.shutdown();

        int expectedGrants = REMAINING_AT_START.divideToIntegralValue(GRANT).intValue();
        List<String> granted = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < DECIDERS; i++) {
            HttpResponse<String> response = responses.get(i);
            RegisteredRequest request = cases.get(i);
            if (response.statusCode() == 204) {
                granted.add(request.caseNumber());
                assertThat(ledger.movementsOfCase(request.caseNumber())).singleElement().satisfies(m -> {
                    assertThat(m.type()).isEqualTo(MovementType.RESERVATION);
                    assertThat(m.amount()).isEqualByComparingTo(GRANT.negate());
                });
                assertThat(caseFiles.find(request.caseNumber()).orElseThrow().decidedAmount()).isEqualByComparingTo(GRANT);
                continue;
            }
            assertThat(response.statusCode()).as("a losing decision: " + response.body()).isEqualTo(409);
            JsonNode refusal = json.readTree(response.body());
            assertThat(refusal.get("message").asText()).startsWith("Het subsidieplafond laat dit niet toe: voor deze aanvraag is nog ");
            assertThat(refusal.get("available").decimalValue()).isLessThanOrEqualTo(new BigDecimal("500"));
            Task stillOpen = taskService.createTaskQuery().taskId(decisions.get(i).getId()).singleResult();
            assertThat(stillOpen).as("the loser's decision is still open, with its decider").isNotNull()
                    .extracting(Task::getAssignee).isEqualTo(decider(i));
            assertThat(ledger.movementsOfCase(request.caseNumber())).as("nothing half-booked").isEmpty();
            assertThat(caseFiles.find(request.caseNumber()).orElseThrow().outcome()).isNull();
        }

        long decided = cases.stream().mapToLong(c -> historyService.createHistoricTaskInstanceQuery()
                .processInstanceId(c.processInstanceId()).taskDefinitionKey("Decide").finished().count()).sum();
        BigDecimal reserved = jdbc.sql("""
                        SELECT COALESCE(-SUM(amount), 0) FROM budget_movement
                        WHERE neighbourhood = ? AND budget_year = ? AND movement_type = 'RESERVATION'""")
                .params(WIJK, year).query(BigDecimal.class).single();

        assertThat(granted).as("exactly the first in the allocation order")
                .containsExactlyElementsOf(cases.subList(0, expectedGrants).stream().map(RegisteredRequest::caseNumber).toList());
        assertThat(decided).as("decisions taken").isEqualTo(expectedGrants);
        assertThat(reserved).as("ledger sum = granted decisions").isEqualByComparingTo(GRANT.multiply(BigDecimal.valueOf(decided)));
        assertThat(ledger.remaining(WIJK, year)).isEqualByComparingTo("500").isNotNegative();
        assertThat(ledger.overview(WIJK, year).orElseThrow().grants()).extracting(BudgetOverview.Grant::caseNumber)
                .containsExactlyInAnyOrderElementsOf(granted);
    }

    private static String decider(int i) {
        return "wm.loenen.%02d".formatted(i);
    }
}
