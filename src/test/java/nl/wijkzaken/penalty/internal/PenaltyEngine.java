package nl.wijkzaken.penalty.internal;

import java.lang.reflect.Constructor;
import java.util.HashMap;
import java.util.Map;

import nl.wijkzaken.mandate.Mandates;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.SpringTransactionsProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.beans.BeanUtils;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.DecisionSent;
import nl.wijkzaken.deadline.LegalCalendar;

/**
 * TEST ONLY: a bare process engine for "Dwangsom bij niet tijdig beslissen", as process.BareEngine is for
 * resident-request: no Spring Boot, no security; the REAL beans the diagram calls on a private H2 database migrated
 * by Flyway, in Spring's JDBC transactions. {@link CaseFiles#recordDecisionSent} publishes {@link DecisionSent} to
 * the real {@link DecisionSentListener}, as Spring does in the application.
 */
final class PenaltyEngine {

    static final String NAME = "barePenaltyTests";

    private static PenaltyEngine instance;

    final ProcessEngine engine;
    final CaseFiles caseFiles;
    final PenaltyRecords records;

    private DecisionSentListener listener;

    private PenaltyEngine() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:penalty-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        ApplicationEventPublisher events = event -> {
            if (event instanceof DecisionSent sent) {
                listener.decisionSent(sent);
            }
        };
        caseFiles = construct(CaseFiles.class, jdbc, events);
        records = new PenaltyRecords(jdbc);
        PenaltyRules rules = new PenaltyRules(LegalCalendar.ofLaw(), caseFiles);

        Map<Object, Object> beans = new HashMap<>();
        // No Roles: these tests start as the resident (nobody logged in); the role check over HTTP is in PenaltyApiTest.
        beans.put("penaltyRun", new PenaltyRun(caseFiles, records, rules, null));
        // Who fixes the penalty comes from the deployed decision-mandate table (decision type "dwangsom").
        java.util.concurrent.atomic.AtomicReference<ProcessEngine> built = new java.util.concurrent.atomic.AtomicReference<>();
        beans.put("mandates", new Mandates(Map.of("wijkzaken-2026", new nl.wijkzaken.mandate.MandateDecision("wijkzaken-2026",
                "Mandaat- en ondertekeningsbesluit wijkzaken 2026", "Gemeenteblad 2025, 412345",
                java.time.LocalDate.of(2025, 12, 16))), built::get));

        SpringTransactionsProcessEngineConfiguration configuration = new SpringTransactionsProcessEngineConfiguration();
        configuration.setProcessEngineName(NAME);
        configuration.setDataSource(dataSource);
        configuration.setTransactionManager(new DataSourceTransactionManager(dataSource));
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory("full");
        configuration.setJobExecutorActivate(false);
        configuration.setBeans(beans);
        configuration.setEnforceHistoryTimeToLive(true);
        engine = configuration.buildProcessEngine();
        built.set(engine);
        listener = new DecisionSentListener(engine.getRuntimeService(), engine.getIdentityService());
    }

    static synchronized PenaltyEngine get() {
        if (instance == null) {
            instance = new PenaltyEngine();
        }
        return instance;
    }

    static ProcessEngineExtension extension() {
        return ProcessEngineExtension.builder().useProcessEngine(get().engine).build();
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
