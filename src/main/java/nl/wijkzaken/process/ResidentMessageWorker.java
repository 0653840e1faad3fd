package nl.wijkzaken.process;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import nl.wijkzaken.models.ResidentRequestProcess.Topics;

/**
 * Runs the process's message steps (external tasks on topic {@value Topics#RESIDENT_MESSAGE}: "Ontvangstbevestiging sturen",
 * "Aanvulling vragen", "Verlenging melden", "Uitkomst aan bewoner sturen") in this application, on one thread of its
 * own. External tasks rather than asynchronous service tasks because a job runs inside a database transaction:
 * a mail server that accepts and never answers kept every job thread "idle in transaction" with a connection of
 * the pool. Here no transaction is open while the mail server is talked to:
 * <ol>
 * <li>fetch and lock a few tasks (a short engine transaction);</li>
 * <li>{@link ResidentMessages#send}: record and render the mail, send it with no transaction open, record it as sent
 * (each its own short transaction, see ResidentMailer);</li>
 * <li>complete the task with the occurrence counter and note the mail in the case file (one transaction).</li>
 * </ol>
 * A failure counts down the task's retries (5, every 5 minutes, as the old R5/PT5M); at 0 the engine raises an
 * incident on the step, which an administrator retries in Cockpit. A crash after the mail was recorded as sent but
 * before the task was completed does not mail again: the next attempt finds the mail sent and only completes.
 * <p>
 * One worker thread holds at most one database connection at a time (see the pool sizing in application.yml).
 * Off with {@code wijkzaken.mail.worker.enabled=false} (tests drive {@link #sendDue()} themselves, as they do jobs).
 */
@Component
public class ResidentMessageWorker implements SmartLifecycle {

    static final int RETRIES = 5;
    private static final Logger log = LoggerFactory.getLogger(ResidentMessageWorker.class);
    private static final int BATCH = 10;

    private final ExternalTaskService externalTasks;
    private final ResidentMessages messages;
    private final TransactionTemplate transaction;
    private final boolean enabled;
    private final long pollMillis;
    private final long lockMillis;
    private final long retryMillis;
    private final String workerId = "wijkzaken-mail-" + UUID.randomUUID();
    private volatile Thread thread;
    private volatile boolean running;
    private volatile boolean stopping;

    ResidentMessageWorker(ExternalTaskService externalTasks, ResidentMessages messages,
                          PlatformTransactionManager transactionManager,
                          @Value("${wijkzaken.mail.worker.enabled:true}") boolean enabled,
                          @Value("${wijkzaken.mail.worker.poll-interval:PT2S}") Duration poll,
                          // Longer than one mail can take with the SMTP timeouts, so no second worker sends it too.
                          @Value("${wijkzaken.mail.worker.lock-duration:PT10M}") Duration lock,
                          @Value("${wijkzaken.mail.worker.retry-timeout:PT5M}") Duration retry) {
        this.externalTasks = externalTasks;
        this.messages = messages;
        this.transaction = new TransactionTemplate(transactionManager);
        this.enabled = enabled;
        this.pollMillis = poll.toMillis();
        this.lockMillis = lock.toMillis();
        this.retryMillis = retry.toMillis();
    }

    /**
     * Sends the mails of the message steps that are due, one after the other, and returns how many steps it
     * handled (sent or failed). Call with no transaction open.
     */
    public int sendDue() {
        return sendDue(null);
    }

    /** As {@link #sendDue()}, for one case only (its business key) when {@code caseNumber} is not null. */
    public int sendDue(String caseNumber) {
        var topic = externalTasks.fetchAndLock(BATCH, workerId).topic(Topics.RESIDENT_MESSAGE, lockMillis);
        if (caseNumber != null) {
            topic = topic.businessKey(caseNumber);
        }
        List<LockedExternalTask> tasks = topic.execute();
        for (LockedExternalTask task : tasks) {
            if (stopping) {
                // Shutting down: give the rest back at once rather than leave them locked for the lock duration.
                unlock(task);
            } else {
                handle(task);
            }
        }
        return tasks.size();
    }

    private void handle(LockedExternalTask task) {
        Map<String, Object> variables = task.getVariables();
        if (!ResidentMessages.hasRecipient(variables)) {
            // No e-mail address (it is optional since decisions go by post by default): nothing to mail, the case goes on.
            try {
                transaction.executeWithoutResult(status -> {
                    externalTasks.complete(task.getId(), workerId);
                    messages.recordNotMailed(variables);
                });
            } catch (NotFoundException e) {
                log.info("Message step {} ended before it was completed", task.getId());
            }
            return;
        }
        ResidentMessages.Sent sent;
        try {
            sent = messages.send(variables);
        } catch (RuntimeException e) {
            fail(task, e);
            return;
        }
        try {
            transaction.executeWithoutResult(status -> {
                externalTasks.complete(task.getId(), workerId, Map.of(sent.counterVariable(), sent.occurrence()));
                messages.recordInCaseFile(sent);
            });
        } catch (NotFoundException e) {
            log.info("Message step {} ended while its mail {} was sent (case closed or moved)", task.getId(), sent.messageId());
        } catch (RuntimeException e) {
            // The mail is recorded as sent: when the lock expires the step is fetched again and only completed.
            log.warn("Mail {} sent, but its step could not be completed; it will be completed later", sent.messageId(), e);
        }
    }

    private void fail(LockedExternalTask task, RuntimeException error) {
        int retries = task.getRetries() == null ? RETRIES : task.getRetries() - 1;
        // What the administrator reads on the incident in Cockpit.
        String message = "E-mail aan bewoner niet verstuurd: " + error.getMessage();
        log.warn("Message step {} failed ({} retries left): {}", task.getId(), retries, error.getMessage());
        try {
            // No wait after the last try: an administrator's retry in Cockpit takes effect at once.
            externalTasks.handleFailure(task.getId(), workerId, truncate(message), stackTrace(error), Math.max(retries, 0),
                    retries > 0 ? retryMillis : 0);
        } catch (RuntimeException e) {
            log.warn("Could not record the failure of message step {}; it is retried when its lock expires", task.getId(), e);
        }
    }

    private void unlock(LockedExternalTask task) {
        try {
            externalTasks.unlock(task.getId());
        } catch (RuntimeException e) {
            log.debug("Could not unlock message step {}; it is fetched again when its lock expires", task.getId(), e);
        }
    }

    private void run() {
        while (running) {
            int handled = 0;
            try {
                handled = sendDue();
            } catch (RuntimeException e) {
                log.warn("Fetching message steps failed; trying again", e);
            }
            if (handled == 0) {
                try {
                    Thread.sleep(pollMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void start() {
        if (!enabled || running) {
            return;
        }
        running = true;
        stopping = false;
        thread = new Thread(this::run, "resident-mail-worker");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        stopping = true;
        Thread worker = thread;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static String truncate(String text) {
        return text.length() > 600 ? text.substring(0, 600) : text;
    }

    private static String stackTrace(Throwable error) {
        java.io.StringWriter out = new java.io.StringWriter();
        error.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
