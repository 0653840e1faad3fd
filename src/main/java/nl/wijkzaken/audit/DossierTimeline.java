package nl.wijkzaken.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order of a dossier's timeline, apart from where its entries come from (engine history, case events, ledger,
 * mails), so the rule is tested on its own. Entries are ordered by time; entries at the same instant (one engine
 * transaction, or a test's fixed clock) keep the order in which the engine did things: each is anchored to the step
 * it belongs to (steps in order of occurrence) and within a step ordered by phase (start, decision, task, values,
 * completion, end).
 */
final class DossierTimeline {

    /** Anchor of entries that belong to no known step (an incident, a value set outside a step). */
    static final int NO_STEP = Integer.MAX_VALUE - 2;
    /** Anchor of another module's records that belong to no task completion: after the engine's entries. */
    static final int AFTER_ENGINE = Integer.MAX_VALUE - 1;
    /** Phase of a record made with a task's completion: right after the completion (phase 5 of the task's step). */
    private static final int COMPLETION_PHASE = 5;

    private final List<Anchored> entries = new ArrayList<>();
    /** "instant|user" of each task completion → its anchor. */
    private final Map<String, Integer> completions = new HashMap<>();

    void add(DossierEntry entry, int anchor, int phase) {
        add(entry, anchor, phase, 0);
    }

    /** {@code innermostFirst}: among scopes ending at one moment, the one started last ends first. */
    void add(DossierEntry entry, int anchor, int phase, int innermostFirst) {
        entries.add(new Anchored(entry, anchor, phase, innermostFirst));
    }

    /** Remembers that {@code user} completed a task of the step {@code anchor} at {@code at}. */
    void completedBy(Instant at, String user, int anchor) {
        completions.put(at + "|" + user, anchor);
    }

    /**
     * A record another module made. One made by a person at the very moment that person completed a task (an
     * advice, a decision) belongs right after that completion; anything else after the engine's entries of
     * that moment.
     */
    void addRecord(DossierEntry entry) {
        Integer task = completions.get(entry.at() + "|" + entry.actor());
        if (task != null && !CaseDossiers.SYSTEM.equals(entry.actor())) {
            add(entry, task, COMPLETION_PHASE, 1);
        } else {
            add(entry, AFTER_ENGINE, 0);
        }
    }

    List<DossierEntry> ordered() {
        return entries.stream()
                .sorted(Comparator.comparing((Anchored a) -> a.entry().at())
                        .thenComparingInt(Anchored::anchor).thenComparingInt(Anchored::phase)
                        .thenComparingInt(Anchored::innermostFirst))
                .map(Anchored::entry)
                .toList();
    }

    private record Anchored(DossierEntry entry, int anchor, int phase, int innermostFirst) {
    }
}
