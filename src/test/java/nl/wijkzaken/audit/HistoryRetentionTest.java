package nl.wijkzaken.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.wijkzaken.support.ApplicationTest;

/**
 * Retention (README, "History time-to-live"): every model of processes/ keeps its history for 3650 days, and the
 * engine's history cleanup is scheduled by itself in the nightly window 01:00-05:00 (application.yml).
 */
@ApplicationTest
class HistoryRetentionTest {

    @Autowired ProcessEngine engine;
    @Autowired HistoryService historyService;
    @Autowired RepositoryService repositoryService;

    @Test
    void theEngineSchedulesItsHistoryCleanupInTheNightlyWindow() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.isHistoryCleanupEnabled()).isTrue();
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");

        // The engine creates the cleanup job at start-up only when a batch window is configured.
        assertThat(historyService.findHistoryCleanupJobs()).isNotEmpty().allSatisfy(job -> {
            LocalTime due = job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
            assertThat(due).isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0));
        });
    }

    @Test
    void everyProcessAndDecisionOfTheModelsKeepsItsHistoryForTenYears() {
        List<ResourceDefinition> models = new ArrayList<>();
        models.addAll(repositoryService.createProcessDefinitionQuery().latestVersion().list());
        models.addAll(repositoryService.createDecisionDefinitionQuery().latestVersion().list());
        List<ResourceDefinition> ours = models.stream()
                .filter(model -> model.getResourceName().replace('\\', '/').contains("processes/"))
                .toList();

        assertThat(ours).extracting(ResourceDefinition::getKey).contains("resident-request", "case-owner", "triage",
                "terms", "advice-assignment", "deliberation-needed", "decision-mandate");
        assertThat(ours).allSatisfy(model -> assertThat(model.getHistoryTimeToLive()).as(model.getKey()).isEqualTo(3650));
    }
}
