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
        CASE_STARTED("Zaak gestart"), CASE_ENDED("Zaak beëindigd"), STEP_STARTED("Stap gestart"),
        STEP_ENDED("Stap afgerond"), TASK_CREATED("Taak klaargezet"), TASK_ASSIGNED("Taak opgepakt"),
        TASK_COMPLETED("Taak afgerond"), VARIABLE_CHANGED("Gegeven"), DECISION("Beslistabel"),
        DEADLINE("Beslistermijn"), CASE_EVENT("Zaakdossier"), BUDGET("Buurtbudget"), MAIL("E-mail"),
        MANUAL_OPERATION("Handmatige handeling"), INCIDENT("Storing");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** What the kind is called on the dossier page and in the exports. */
        public String label() {
            return label;
        }
    }
}
