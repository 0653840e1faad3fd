package nl.wijkzaken.support;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationContext;

import nl.wijkzaken.process.ResidentMessageWorker;

/**
 * TEST ONLY: runs a case's due asynchronous steps as the application would with its background threads on (they
 * are off in tests): the message jobs, and the mails to the resident with the application's own mail worker
 * (external tasks on topic resident-message). Not the timers. Steps that failed wait for their retry time.
 */
public final class MessageSteps {

    private MessageSteps() {
    }

    /** Runs the steps until none is due. */
    public static void run(ApplicationContext context, String processInstanceId) {
        run(context, processInstanceId, false, null);
    }

    /**
     * Runs the steps until none is due; {@code retriesLeftOnly} skips message jobs without retries, {@code
     * afterEachJob} runs after every job (e.g. to move the test clock).
     */
    public static void run(ApplicationContext context, String processInstanceId, boolean retriesLeftOnly, Runnable afterEachJob) {
        ManagementService managementService = context.getBean(ManagementService.class);
        ResidentMessageWorker worker = context.getBean(ResidentMessageWorker.class);
        ProcessInstance instance = context.getBean(RuntimeService.class).createProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        String caseNumber = instance == null ? null : instance.getBusinessKey();
        boolean progress = true;
        while (progress) {
            progress = false;
            var query = managementService.createJobQuery().processInstanceId(processInstanceId).messages();
            List<Job> jobs = retriesLeftOnly ? query.withRetriesLeft().list() : query.list();
            for (Job job : jobs) {
                managementService.executeJob(job.getId());
                if (afterEachJob != null) {
                    afterEachJob.run();
                }
                progress = true;
            }
            if (caseNumber != null && worker.sendDue(caseNumber) > 0) {
                if (afterEachJob != null) {
                    afterEachJob.run();
                }
                progress = true;
            }
        }
    }
}
