package nl.wijkzaken.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Spreads the open cases over the stages of the process, as in a working municipality: 40 % wait for the
 * completeness check, 30 % are in advice (one of three advices given), 15 % wait for the deliberation, 15 % for the
 * decision. So the team's task lists hold completeness checks and deliberations, the advisers' lists advices, and the
 * gebiedsmanager's list decisions.
 */
final class OpenCases {

    private OpenCases() {
    }

    static void progress(Benchmark b, List<IntakeLoad.OpenCase> open) throws Exception {
        JavaApiDriver driver = new JavaApiDriver(b.app);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < open.size(); i++) {
                IntakeLoad.OpenCase c = open.get(i);
                int index = i;
                int stepsToDo = stepsFor(i % 20);
                if (stepsToDo == 0) {
                    continue;
                }
                work.add(pool.submit(() -> {
                    JdbcCounter.ignoreThisThread();
                    CaseScript script = CaseScript.regular(c.neighbourhood(), index);
                    CaseDriver.StartedCase started = new CaseDriver.StartedCase(null, c.caseNumber());
                    for (CaseScript.Step step : script.steps().subList(0, stepsToDo)) {
                        driver.work(started, step, new Latencies());
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        b.report.paragraph("Open cases: %d (40 %% at the completeness check, 30 %% in advice, 15 %% at the deliberation, 15 %% at the decision)."
                .formatted(open.size()));
    }

    /** Of every 20 cases: 8 untouched, 6 with one advice given, 3 at the deliberation, 3 at the decision. */
    private static int stepsFor(int slot) {
        if (slot < 8) {
            return 0;
        }
        if (slot < 14) {
            return 2; // check + one advice
        }
        if (slot < 17) {
            return 4; // check + three advices: deliberation open
        }
        return 5; // and the deliberation: decision open
    }
}
