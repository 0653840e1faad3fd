package nl.wijkzaken.process;

import java.lang.reflect.Constructor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.spring.SpringTransactionsProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.beans.BeanUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import nl.wijkzaken.budget.BudgetLedger;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.CaseNumbers;
import nl.wijkzaken.intake.RequestIntake;
import nl.wijkzaken.mail.MessageType;
import nl.wijkzaken.models.ResidentRequestProcess.Topics;
import nl.wijkzaken.models.ResidentRequestProcess.Variables;
import nl.wijkzaken.neighbourhood.Neighbourhood;
import nl.wijkzaken.neighbourhood.Neighbourhoods;
import nl.wijkzaken.shared.EngineClock;

/**
 * TEST ONLY: a bare process engine for the process-path tests, without Spring Boot, security or the webapps, as
 * Camunda's invoice example tests its process. The beans resident-request.bpmn calls are the REAL beans, built by
 * hand with their real dependencies on a private in-memory H2 database that Flyway migrates like the application's.
 * The engine takes part in Spring's JDBC transactions ({@link SpringTransactionsProcessEngineConfiguration}, no
 * application context), so the case file, the budget ledger and the engine commit together, as in the application.
 * One engine per JVM, named without a hyphen and not {@code default}, so it never takes the application's name in
 * the engine registry.
 */
final class BareEngine {

    static final String NAME = "bareProcessTests";

    private static BareEngine instance;

    final ProcessEngine engine;
    final CaseFiles caseFiles;
    final BudgetLedger budgets;
    final Neighbourhoods neighbourhoods;
    final RequestIntake intake;

    private BareEngine() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:bare-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).load().migrate();
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        JdbcClient jdbc = JdbcClient.create(dataSource);

        // The modules' services keep their constructors package-private (only Spring builds them); so do we here.
        neighbourhoods = construct(Neighbourhoods.class, jdbc);
        caseFiles = construct(CaseFiles.class, jdbc, (org.springframework.context.ApplicationEventPublisher) event -> { });
        budgets = construct(BudgetLedger.class, jdbc, neighbourhoods);
        CaseNumbers caseNumbers = construct(CaseNumbers.class, jdbc);
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

        Map<Object, Object> beans = new HashMap<>();
        beans.put("requestRegistration", new RequestRegistration(validator, neighbourhoods, caseNumbers));
        beans.put("caseFileRecorder", new CaseFileRecorder(caseFiles));
        beans.put("adviceRound", new AdviceRound(caseFiles));
        beans.put("conflictOfInterest", new ConflictOfInterest());
        beans.put("decisionRecord", new DecisionRecord(caseFiles));
        beans.put("budgetDecision", new BudgetDecision(budgets, neighbourhoods));
        beans.put("deadlineWatch", new DeadlineWatch(caseFiles));
        beans.put("completenessCheck", new CompletenessCheck());
        beans.put("caseSummary", new CaseSummary(caseFiles));

        SpringTransactionsProcessEngineConfiguration configuration = new SpringTransactionsProcessEngineConfiguration();
        configuration.setProcessEngineName(NAME);
        configuration.setDataSource(dataSource);
        configuration.setTransactionManager(transactions);
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory("full");
        configuration.setJobExecutorActivate(false);
        configuration.setBeans(beans);
        // As application.yml: every process definition needs a history time-to-live.
        configuration.setEnforceHistoryTimeToLive(true);
        engine = configuration.buildProcessEngine();
        intake = construct(RequestIntake.class, engine.getRuntimeService());
    }

    static synchronized BareEngine get() {
        if (instance == null) {
            instance = new BareEngine();
        }
        return instance;
    }

    /** For {@code @RegisterExtension}: deploys each test's {@code @Deployment} resources on the bare engine. */
    static ProcessEngineExtension extension() {
        return ProcessEngineExtension.builder().useProcessEngine(get().engine).build();
    }

    /** A neighbourhood with a budget for this year that covers what the test grants. */
    void neighbourhoodWithBudget(String code, String name, String amount) {
        if (!neighbourhoods.exists(code)) {
            neighbourhoods.register(new Neighbourhood(code, name));
        }
        int year = EngineClock.today().getYear();
        if (!budgets.hasBudget(code, year)) {
            budgets.setBudget(code, year, new BigDecimal(amount), "test", "Buurtbudget voor de procestests");
        } else {
            BigDecimal needed = new BigDecimal(amount);
            BigDecimal remaining = budgets.remaining(code, year);
            if (remaining.compareTo(needed) < 0) {
                BigDecimal budget = budgets.overview(code, year).orElseThrow().budget();
                budgets.changeBudget(code, year, budget.add(needed.subtract(remaining)), "test", "Aanvulling voor de procestests");
            }
        }
    }

    /**
     * Completes the case's due message steps as the mail worker does after a mail went out (the occurrence counter
     * {@code messageCount_<type>}), without a mail server; returns the templates of the messages, in order.
     */
    List<String> sendMessages(String caseNumber) {
        ExternalTaskService externalTasks = engine.getExternalTaskService();
        List<String> sent = new ArrayList<>();
        List<LockedExternalTask> due;
        do {
            due = externalTasks.fetchAndLock(10, "bare-test").topic(Topics.RESIDENT_MESSAGE, 60_000)
                    .businessKey(caseNumber).execute();
            for (LockedExternalTask task : due) {
                MessageType type = MessageType.ofTemplate((String) task.getVariables().get(Variables.MESSAGE_TYPE));
                String counter = ResidentMessages.counterVariable(type);
                int occurrence = task.getVariables().get(counter) instanceof Number n ? n.intValue() + 1 : 1;
                externalTasks.complete(task.getId(), "bare-test", Map.of(counter, occurrence));
                sent.add(type.template());
            }
        } while (!due.isEmpty());
        return sent;
    }

    private static <T> T construct(Class<T> type, Object... arguments) {
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (constructor.getParameterCount() == arguments.length) {
                @SuppressWarnings("unchecked")
                T built = (T) BeanUtils.instantiateClass(constructor, arguments);
                return built;
            }
        }
        throw new IllegalArgumentException("No constructor with " + arguments.length + " parameters on " + type);
    }
}
