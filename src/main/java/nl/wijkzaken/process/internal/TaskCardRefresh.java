package nl.wijkzaken.process.internal;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import nl.wijkzaken.models.ResidentRequestProcess;

/**
 * The days left on a card change every night without anything happening to the task: shortly after midnight
 * (Europe/Amsterdam) every open task of a case gets its card recomputed. On several nodes each does it; the values
 * are the same, and a node that loses a race leaves the task to the other.
 */
@Configuration
@EnableScheduling
class TaskCardRefresh {

    private static final Logger LOG = LoggerFactory.getLogger(TaskCardRefresh.class);

    private final TaskService taskService;
    private final ProcessEngineConfigurationImpl configuration;
    private final TaskCards cards;

    TaskCardRefresh(TaskService taskService, ProcessEngineConfiguration configuration, TaskCards cards) {
        this.taskService = taskService;
        this.configuration = (ProcessEngineConfigurationImpl) configuration;
        this.cards = cards;
    }

    @Scheduled(cron = "0 5 0 * * *", zone = "Europe/Amsterdam")
    void nightly() {
        refreshAll();
    }

    /** Recomputes the card of every open task of a case; answers how many tasks were looked at. */
    int refreshAll() {
        int count = 0;
        for (Task task : taskService.createTaskQuery().processDefinitionKey(ResidentRequestProcess.KEY).list()) {
            try {
                configuration.getCommandExecutorTxRequired().execute(context -> {
                    TaskEntity entity = context.getTaskManager().findTaskById(task.getId());
                    if (entity != null) {
                        cards.fill(entity);
                    }
                    return null;
                });
                count++;
            } catch (OptimisticLockingException e) {
                LOG.debug("Card of task {} changed meanwhile; refreshed elsewhere", task.getId());
            }
        }
        return count;
    }
}
