package nl.wijkzaken.process;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import nl.wijkzaken.casefile.Route;
import nl.wijkzaken.models.ResidentRequestProcess;
import nl.wijkzaken.models.ResidentRequestProcess.Variables;

/**
 * Running cases follow the newest {@code resident-request}. The beans the diagram calls change together with the
 * diagram (names, signatures), so a case left on an older version would fail at its next step. At start-up, after
 * the models are deployed and before the job executor runs, every case of an older version is migrated to the
 * latest one: activities with the same id map onto each other, timers and message subscriptions are re-created from
 * the new version ({@code updateEventTriggers}). A case that cannot be migrated (it waits in an activity the new
 * version no longer has) stays on its version and is logged; a process owner moves it in Cockpit. A case started before
 * the routes existed has no variable {@code route}; it gets "subsidie", the grant path it was on.
 */
@Component
class RunningCaseMigration implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RunningCaseMigration.class);

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;

    RunningCaseMigration(ProcessEngine engine) {
        this.repositoryService = engine.getRepositoryService();
        this.runtimeService = engine.getRuntimeService();
    }

    @Override
    public void afterSingletonsInstantiated() {
        int migrated = migrateToLatestVersion();
        if (migrated > 0) {
            log.info("{} running case(s) of older versions of {} migrated to the latest version", migrated,
                    ResidentRequestProcess.KEY);
        }
    }

    /** @return how many cases moved to the latest version */
    int migrateToLatestVersion() {
        ProcessDefinition latest = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(ResidentRequestProcess.KEY).latestVersion().singleResult();
        if (latest == null) {
            return 0;
        }
        int migrated = 0;
        for (ProcessDefinition older : repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(ResidentRequestProcess.KEY).list()) {
            if (older.getVersion() >= latest.getVersion()) {
                continue;
            }
            List<String> cases = runtimeService.createProcessInstanceQuery().processDefinitionId(older.getId()).list()
                    .stream().map(ProcessInstance::getId).toList();
            if (cases.isEmpty()) {
                continue;
            }
            MigrationPlan plan;
            try {
                plan = runtimeService.createMigrationPlan(older.getId(), latest.getId())
                        .mapEqualActivities().updateEventTriggers().build();
            } catch (ProcessEngineException e) {
                log.warn("{} case(s) stay on version {} of {}: no migration plan to version {}: {}", cases.size(),
                        older.getVersion(), older.getKey(), latest.getVersion(), e.getMessage());
                continue;
            }
            for (String processInstanceId : cases) {
                try {
                    // Started before the two routes (LEGAL.md 1) existed: a grant case, the only path it knew.
                    if (runtimeService.getVariable(processInstanceId, Variables.ROUTE) == null) {
                        runtimeService.setVariable(processInstanceId, Variables.ROUTE, Route.SUBSIDIE.code());
                    }
                    runtimeService.newMigration(plan).processInstanceIds(processInstanceId).execute();
                    migrated++;
                } catch (ProcessEngineException e) {
                    // One case at a time: a case that cannot move does not keep the others on the old version.
                    log.warn("Case (process instance {}) stays on version {} of {}: {}", processInstanceId,
                            older.getVersion(), older.getKey(), e.getMessage());
                }
            }
        }
        return migrated;
    }
}
