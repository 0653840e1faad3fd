package nl.wijkzaken.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.wijkzaken.support.PostgresTestDatabase;
import nl.wijkzaken.support.RequiresPostgres;

/** The ledger on PostgreSQL, including many deciders granting against one budget at the same moment. */
@RequiresPostgres
@SpringBootTest
class BudgetLedgerPostgresTest extends BudgetLedgerContract {

    static final int DECIDERS = 60;
    static final BigDecimal GRANT = new BigDecimal("100.00");
    /** Covers 20 grants of 100 and leaves 50. */
    static final BigDecimal BUDGET = new BigDecimal("2050.00");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> PostgresTestDatabase.createEmptyDatabase("budget"));
        registry.add("spring.datasource.username", PostgresTestDatabase::user);
        registry.add("spring.datasource.password", PostgresTestDatabase::password);
    }

    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;

    @Test
    void racingDecisionsNeverOverspendAndEveryLoserStaysOpenWithTheRemainingAmount() throws Exception {
        ledger.setBudget(wijk, YEAR, BUDGET, "gm", "Begroting");
        deployment = deploy(Bpmn.createExecutableProcess("budget-race-test")
                .camundaHistoryTimeToLive(3650)
                .startEvent()
                .userTask("decide")
                .serviceTask("reserve")
                .camundaExpression("${budgetLedger.reserve(caseNumber, neighbourhood, year, amount, 'wm', 'Toekenning')}")
                .endEvent()
                .done());
        List<String> taskIds = new ArrayList<>();
        for (int i = 0; i < DECIDERS; i++) {
            String caseNumber = "BV-2031-%06d".formatted(i);
            runtimeService.startProcessInstanceByKey("budget-race-test", caseNumber,
                    Map.of("caseNumber", caseNumber, "neighbourhood", wijk, "year", YEAR, "amount", 100L));
        }
        for (Task task : taskService.createTaskQuery().processDefinitionKey("budget-race-test").list()) {
            taskIds.add(task.getId());
        }
        assertThat(taskIds).hasSize(DECIDERS);

        CountDownLatch start = new CountDownLatch(1);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(DECIDERS);
        List<Future<?>> done = new ArrayList<>();
        for (String taskId : taskIds) {
            done.add(pool.submit(() -> {
                start.await();
                try {
                    taskService.complete(taskId);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        int granted = BUDGET.divideToIntegralValue(GRANT).intValue();
        BigDecimal reservedInLedger = jdbc.sql("""
                        SELECT COALESCE(-SUM(amount), 0) FROM budget_movement
                        WHERE neighbourhood = ? AND budget_year = ? AND movement_type = 'RESERVATION'""")
                .params(wijk, YEAR).query(BigDecimal.class).single();
        long finished = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("budget-race-test")
                .finished().count();

        assertThat(finished).as("granted decisions").isEqualTo(granted);
        assertThat(reservedInLedger).isEqualByComparingTo(GRANT.multiply(BigDecimal.valueOf(finished)));
        assertThat(ledger.remaining(wijk, YEAR)).isEqualByComparingTo("50.00").isNotNegative();
        assertThat(failures).hasSize(DECIDERS - granted).allSatisfy(failure -> {
            InsufficientBudgetException insufficient = InsufficientBudgetException.findIn(failure).orElseThrow(
                    () -> new AssertionError("not a budget refusal", failure));
            assertThat(insufficient.remaining()).isEqualByComparingTo("50.00");
            assertThat(insufficient.getMessage()).startsWith("Onvoldoende buurtbudget: resterend € 50,00");
        });
        assertThat(taskService.createTaskQuery().processDefinitionKey("budget-race-test").count())
                .as("every losing decision is still open").isEqualTo(DECIDERS - granted);
        assertThat(ledger.overview(wijk, YEAR).orElseThrow().grants()).hasSize(granted);
    }
}
