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
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import nl.wijkzaken.intake.CarriedOutBy;
import nl.wijkzaken.budget.BudgetLedger;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.deadline.DateOfReceipt;
import nl.wijkzaken.casefile.CaseNumbers;
import nl.wijkzaken.deadline.LegalCalendar;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.DecisionChannel;
import nl.wijkzaken.intake.RegisteredRequest;
import nl.wijkzaken.intake.RequestIntake;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.letters.LetterFixtures;
import nl.wijkzaken.letters.Letters;
import nl.wijkzaken.subsidy.SubsidyRegulations;
import nl.wijkzaken.mail.MessageType;
import nl.wijkzaken.mandate.MandateDecision;
import nl.wijkzaken.mandate.Mandates;
import nl.wijkzaken.models.ResidentRequestProcess.Topics;
import nl.wijkzaken.models.ResidentRequestProcess.Variables;
import nl.wijkzaken.neighbourhood.Neighbourhood;
import nl.wijkzaken.neighbourhood.Neighbourhoods;
import nl.wijkzaken.shared.EngineClock;
import nl.wijkzaken.subsidy.Allocations;
import nl.wijkzaken.subsidy.SubsidyRegulations;
import nl.wijkzaken.subsidy.internal.ClaimStore;
import nl.wijkzaken.support.Ceilings;

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

    /** As application.yml's wijkzaken.mandate.decisions. */
    static final MandateDecision MANDATE_DECISION = new MandateDecision("wijkzaken-2026",
            "Mandaat- en ondertekeningsbesluit wijkzaken 2026", "Gemeenteblad 2025, 412345", java.time.LocalDate.of(2025, 12, 16));

    private static BareEngine instance;

    final ProcessEngine engine;
    final CaseFiles caseFiles;
    final BudgetLedger budgets;
    final SubsidyRegulations regulations;
    final Allocations allocations;
    final Neighbourhoods neighbourhoods;
    final RequestIntake intake;
    /** The mandate decisions as application.yml enters them, on this engine's deployed mandate table. */
    final Mandates mandates;
    final Letters letters;

    private BareEngine() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:bare-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).load().migrate();
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        JdbcClient jdbc = JdbcClient.create(dataSource);

        // The modules' services keep their constructors package-private (only Spring builds them); so do we here.
        neighbourhoods = construct(Neighbourhoods.class, jdbc);
        // No Spring context: DecisionSent goes nowhere here (nothing in resident-request listens to it).
        caseFiles = construct(CaseFiles.class, jdbc, (org.springframework.context.ApplicationEventPublisher) event -> { });
        budgets = construct(BudgetLedger.class, jdbc, neighbourhoods);
        regulations = construct(SubsidyRegulations.class, jdbc, neighbourhoods, budgets);
        allocations = construct(Allocations.class, construct(ClaimStore.class, jdbc), regulations, budgets, neighbourhoods);
        CaseNumbers caseNumbers = construct(CaseNumbers.class, jdbc);
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

        Map<Object, Object> beans = new HashMap<>();
        LegalCalendar calendar = LegalCalendar.ofLaw();
        beans.put("requestRegistration", new RequestRegistration(validator, neighbourhoods, caseNumbers, new DateOfReceipt(30)));
        mandates = new Mandates(Map.of(MANDATE_DECISION.key(), MANDATE_DECISION), () -> engineOf(this));
        beans.put("caseFileRecorder", new CaseFileRecorder(caseFiles, mandates, calendar));
        beans.put("adviceRound", new AdviceRound(caseFiles));
        beans.put("conflictOfInterest", new ConflictOfInterest());
        BudgetDecision budgetDecision = new BudgetDecision(budgets, neighbourhoods, allocations);
        beans.put("decisionRecord", new DecisionRecord(caseFiles, mandates, budgetDecision));
        beans.put("mandates", mandates);
        beans.put("budgetDecision", budgetDecision);
        beans.put("allocations", allocations);
        beans.put("deadlineWatch", new DeadlineWatch(caseFiles, calendar));
        beans.put("completenessCheck", new CompletenessCheck(caseFiles));
        letters = LetterFixtures.letters(jdbc, null);
        beans.put("decisionLetters", new DecisionLetters(letters, caseFiles, LegalCalendar.ofLaw(),
                new StandardEnvironment(), "balie", regulations));
        beans.put("grantTerms", new GrantTerms(caseFiles));
        beans.put("caseSummary", new CaseSummary(caseFiles));
        beans.put("requestAnswer", new RequestAnswer(caseFiles, mandates, budgets, allocations));

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
        // As application.yml: user ids as the municipality writes them ("wm.breukelen").
        configuration.setUserResourceWhitelistPattern("[a-zA-Z0-9._-]+");
        engine = configuration.buildProcessEngine();
        intake = construct(RequestIntake.class, engine.getRuntimeService());
    }

    private static ProcessEngine engineOf(BareEngine bare) {
        return bare.engine;
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

    /**
     * A neighbourhood with a published subsidy ceiling for this year (the regulation published before the period,
     * Awb 4:27 lid 1) that leaves room for what the test grants after every undecided claim of earlier tests.
     */
    void neighbourhoodWithBudget(String code, String name, String amount) {
        if (!neighbourhoods.exists(code)) {
            neighbourhoods.register(new Neighbourhood(code, name));
        }
        Ceilings.cover(regulations, allocations, budgets, code, EngineClock.today().getYear(), new BigDecimal(amount));
    }

    /** A neighbourhood whose published ceiling leaves exactly {@code amount} for the next application. */
    void neighbourhoodWithRoom(String code, String name, String amount) {
        if (!neighbourhoods.exists(code)) {
            neighbourhoods.register(new Neighbourhood(code, name));
        }
        Ceilings.room(regulations, allocations, budgets, code, EngineClock.today().getYear(), new BigDecimal(amount));
    }

    /**
     * A request submitted online as the public form does: Fatima de Vries for Buurtgroep Zuid, with a postal address,
     * decisions by e-mail with her consent.
     */
    RegisteredRequest submitOnline(String neighbourhood, Category category, String title, String description,
                                   String amount, Urgency urgency) {
        return submitOnline(neighbourhood, category, title, description, amount, urgency, CarriedOutBy.BEWONERS);
    }

    /** As {@link #submitOnline(String, Category, String, String, String, Urgency)}, saying who carries it out. */
    RegisteredRequest submitOnline(String neighbourhood, Category category, String title, String description,
                                   String amount, Urgency urgency, CarriedOutBy carriedOutBy) {
        return intake.submit(new ResidentRequest("Fatima de Vries", "fatima@example.org", null, "Buurtgroep Zuid",
                neighbourhood, category, title, description, new BigDecimal(amount), urgency, "Straatweg 1", "Straatweg",
                "1", "3621 AB", "Breukelen", DecisionChannel.EMAIL, true, carriedOutBy), "online");
    }

    /**
     * As {@link #submitOnline(String, Category, String, String, String, Urgency)}, with the intake's answer to "Wie voert
     * het uit?" as start variable {@code carriedOutBy} ("bewoners" or "gemeente"), which the table request-route reads.
     * Started as RequestIntake starts a request, plus that variable.
     */
    RegisteredRequest submitCarriedOutBy(String carriedOutBy, String neighbourhood, Category category, String title,
                                         String description, String amount, Urgency urgency) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Variables.APPLICANT_NAME, "Fatima de Vries");
        variables.put(Variables.APPLICANT_EMAIL, "fatima@example.org");
        variables.put("onBehalfOfGroup", "Buurtgroep Zuid");
        variables.put(Variables.NEIGHBOURHOOD, neighbourhood);
        variables.put(Variables.CATEGORY, category.code());
        variables.put(Variables.TITLE, title);
        variables.put("description", description);
        variables.put(Variables.AMOUNT_REQUESTED, new BigDecimal(amount).doubleValue());
        variables.put(Variables.URGENCY, urgency.code());
        variables.put("location", "Straatweg 1");
        variables.put(Variables.CHANNEL, "online");
        variables.put(Variables.POSTAL_STREET, "Straatweg");
        variables.put(Variables.POSTAL_HOUSE_NUMBER, "1");
        variables.put(Variables.POSTAL_CODE, "3621 AB");
        variables.put(Variables.POSTAL_PLACE, "Breukelen");
        variables.put(Variables.DECISION_CHANNEL, DecisionChannel.EMAIL.code());
        variables.put(Variables.EMAIL_CONSENT, true);
        variables.put(Variables.EMAIL_CONSENT_SOURCE, nl.wijkzaken.intake.ConsentSource.API.code());
        variables.put(Variables.CARRIED_OUT_BY, carriedOutBy);
        org.camunda.bpm.engine.runtime.ProcessInstance instance = engine.getRuntimeService()
                .startProcessInstanceByKey(nl.wijkzaken.models.ResidentRequestProcess.KEY, variables);
        return new RegisteredRequest(instance.getBusinessKey(), instance.getId());
    }

    /** As {@link #submitOnline(String, Category, String, String, String, Urgency)}, titled after the category. */
    RegisteredRequest submitOnline(String neighbourhood, Category category, String amount, Urgency urgency) {
        return submitOnline(neighbourhood, category, "Verzoek " + category.label(), "Graag iets doen aan de buurt.",
                amount, urgency);
    }

    /** As a person in Tasklist: claims the case's newest open task with this key (unless held) and completes it. */
    void completeAsPerson(String processInstanceId, String taskKey, String user, Map<String, Object> variables) {
        org.camunda.bpm.engine.TaskService tasks = engine.getTaskService();
        org.camunda.bpm.engine.task.Task task = tasks.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(taskKey).active().orderByTaskCreateTime().desc().list().get(0);
        if (task.getAssignee() == null) {
            tasks.claim(task.getId(), user);
        }
        tasks.complete(task.getId(), variables);
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
