package nl.wijkzaken.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

/**
 * Runs N complete cases with T worker threads, like T people at their desks: each worker takes the next ready step
 * of any case from a shared queue (start a case, or do one task of it), does it through the driver and puts the case
 * back with its next step. About 2×T cases are in progress at a time, so a worker rarely waits while a case waits for
 * its asynchronous acknowledgement. A watcher thread (the harness, not counted as the system's work) notices when a
 * case's first task has appeared after the asynchronous step, and when a case has ended.
 * <p>
 * A case counts as completed when its process instance has ended (for resident-request: after the job executor has
 * sent the outcome). Throughput = cases / (time from the first start to the last end).
 */
final class LifecycleLoad {

    /** What a run measured. */
    record Result(String driver, String process, int threads, int cases, int tasks, double seconds, Latencies latencies,
                  int conflicts, List<String> businessKeys, PhaseMonitor.Stats stats) {

        double casesPerSecond() {
            return cases / seconds;
        }

        double tasksPerSecond() {
            return tasks / seconds;
        }
    }

    private static final class Case {
        final CaseScript script;
        CaseDriver.StartedCase started;
        int next = -1; // -1: not started
        volatile long startedAt;

        Case(CaseScript script) {
            this.script = script;
        }
    }

    private final BenchmarkApp app;
    private final TaskService taskService;
    private final HistoryService historyService;

    LifecycleLoad(BenchmarkApp app) {
        this.app = app;
        this.taskService = app.bean(TaskService.class);
        this.historyService = app.bean(HistoryService.class);
    }

    Result run(CaseDriver driver, String process, IntFunction<CaseScript> scripts, int cases, int threads,
               PhaseMonitorFactory monitors) throws Exception {
        LinkedBlockingQueue<Case> ready = new LinkedBlockingQueue<>();
        Map<String, Case> awaitingFirstTask = new ConcurrentHashMap<>();
        Map<String, Case> ending = new ConcurrentHashMap<>();
        Set<String> ended = ConcurrentHashMap.newKeySet();
        List<String> businessKeys = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger startedCount = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Latencies latencies = new Latencies();
        int inFlight = Math.min(cases, Math.max(2, 2 * threads));
        for (int i = 0; i < inFlight; i++) {
            ready.add(new Case(scripts.apply(startedCount.getAndIncrement())));
        }

        PhaseMonitor monitor = monitors.start();
        long begin = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            Thread worker = new Thread(() -> {
                while (failure.get() == null && !done.get()) {
                    Case c;
                    try {
                        c = ready.poll(20, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (c == null) {
                        continue;
                    }
                    try {
                        step(driver, c, latencies, ready, awaitingFirstTask, ending, conflicts, businessKeys);
                        if (c.next >= c.script.steps().size()) {
                            int index = startedCount.getAndIncrement();
                            if (index < cases) {
                                ready.add(new Case(scripts.apply(index)));
                            }
                        }
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }, "bench-worker-" + w);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }

        // The watcher: first tasks after the asynchronous acknowledgement, and ended cases.
        JdbcCounter.ignoreThisThread();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
        while (ended.size() < cases && failure.get() == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Cases did not complete within 20 minutes: " + ended.size() + "/" + cases);
            }
            if (!awaitingFirstTask.isEmpty()) {
                Map<String, Case> waiting = Map.copyOf(awaitingFirstTask);
                // The front office's receipt (cases started over REST as balie) runs beside the case: not its first step.
                taskService.createTaskQuery().processInstanceIdIn(waiting.keySet().toArray(String[]::new)).list().stream()
                        .filter(task -> !"GiveReceipt".equals(task.getTaskDefinitionKey())).forEach(task -> {
                    Case c = awaitingFirstTask.remove(task.getProcessInstanceId());
                    if (c != null) {
                        c.next = 0;
                        ready.add(c);
                    }
                });
            }
            if (!ending.isEmpty()) {
                Set<String> ids = Set.copyOf(ending.keySet());
                for (HistoricProcessInstance instance : historyService.createHistoricProcessInstanceQuery()
                        .processInstanceIds(ids).finished().list()) {
                    Case c = ending.remove(instance.getId());
                    if (c != null) {
                        ended.add(instance.getId());
                        latencies.record("case", System.nanoTime() - c.startedAt);
                    }
                }
            }
            Thread.sleep(5);
        }
        long end = System.nanoTime();
        done.set(true);
        for (Thread worker : workers) {
            worker.join(10_000);
        }
        PhaseMonitor.Stats stats = monitor.stop();
        if (failure.get() != null) {
            throw failure.get();
        }
        int tasks = cases * scripts.apply(0).steps().size();
        return new Result(driver.name(), process, threads, cases, tasks, (end - begin) / 1e9, latencies, conflicts.get(),
                List.copyOf(businessKeys), stats);
    }

    private static void step(CaseDriver driver, Case c, Latencies latencies, LinkedBlockingQueue<Case> ready,
                             Map<String, Case> awaitingFirstTask, Map<String, Case> ending, AtomicInteger conflicts,
                             List<String> businessKeys) throws Exception {
        if (c.next < 0) {
            c.startedAt = System.nanoTime();
            c.started = latencies.time("start", () -> driver.start(c.script));
            businessKeys.add(c.started.businessKey());
            if (c.script.awaitFirstTask()) {
                awaitingFirstTask.put(c.started.processInstanceId(), c);
            } else {
                c.next = 0;
                ready.add(c);
            }
            return;
        }
        CaseScript.Step step = c.script.steps().get(c.next);
        for (int attempt = 1; ; attempt++) {
            try {
                driver.work(c.started, step, latencies);
                break;
            } catch (Exception e) {
                if (!driver.isConflict(e) || attempt >= 5) {
                    throw new IllegalStateException(driver.name() + ": " + step.user() + " could not do " + step.taskKey()
                            + " of " + c.started.businessKey(), e);
                }
                conflicts.incrementAndGet();
            }
        }
        c.next++;
        if (c.next >= c.script.steps().size()) {
            ending.put(c.started.processInstanceId(), c);
        } else {
            ready.add(c);
        }
    }

    /** Starts a {@link PhaseMonitor} at the moment the load begins. */
    interface PhaseMonitorFactory {
        PhaseMonitor start();
    }

    static String summary(Result r) {
        return "%s %s T=%d: %.1f cases/s, %.1f tasks/s, complete p50/p95/p99 %.1f/%.1f/%.1f ms".formatted(r.driver(),
                r.process(), r.threads(), r.casesPerSecond(), r.tasksPerSecond(),
                r.latencies().percentileMs("complete", 50), r.latencies().percentileMs("complete", 95),
                r.latencies().percentileMs("complete", 99));
    }
}
