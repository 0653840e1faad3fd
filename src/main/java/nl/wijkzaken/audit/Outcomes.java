package nl.wijkzaken.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/** How a case can end (the case file's {@code outcome}), with what a person reads. */
final class Outcomes {

    static final Map<String, String> LABELS;

    static {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("toegekend", "Toegekend");
        labels.put("gedeeltelijk-toegekend", "Gedeeltelijk toegekend");
        labels.put("afgewezen", "Afgewezen");
        labels.put("niet_ontvankelijk", "Niet-ontvankelijk");
        labels.put("buiten_behandeling", "Buiten behandeling gesteld");
        labels.put("beeindigd", "Behandeling beëindigd door de gemeente");
        LABELS = java.util.Collections.unmodifiableMap(labels);
    }

    private Outcomes() {
    }

    static String label(String outcome) {
        return outcome == null ? null : LABELS.getOrDefault(outcome, outcome);
    }
}
