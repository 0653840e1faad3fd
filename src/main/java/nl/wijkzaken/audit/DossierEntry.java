package nl.wijkzaken.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One line of a case dossier: when, what kind of event, who, a Dutch summary a person reads, and the facts
 * behind it (inputs, outputs, old and new values, matched rule) for whoever wants to check.
 */
public record DossierEntry(Instant at, Kind kind, String actor, String summary, Map<String, Object> details) {

    public DossierEntry {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public enum Kind {
        CASE_STARTED, CASE_ENDED, STEP_STARTED, STEP_ENDED, TASK_CREATED, TASK_ASSIGNED, TASK_COMPLETED,
        VARIABLE_CHANGED, DECISION, DEADLINE, CASE_EVENT, BUDGET, MAIL, MANUAL_OPERATION, INCIDENT
    }
}
