package nl.wijkzaken.casefile;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a case ends. {@link #code()} is what the process, the decision forms, the DMN tables and the case file's
 * {@code outcome} column spell; {@link #label()} is what residents and auditors read.
 */
public enum Outcome {
    TOEGEKEND("toegekend", "Toegekend"),
    GEDEELTELIJK_TOEGEKEND("gedeeltelijk-toegekend", "Gedeeltelijk toegekend"),
    AFGEWEZEN("afgewezen", "Afgewezen"),
    /** Concluded by the owner who judged completeness. */
    NIET_ONTVANKELIJK("niet-ontvankelijk", "Niet-ontvankelijk"),
    /** The repair term lapsed without a supplement (art. 4:5 Awb). */
    BUITEN_BEHANDELING("buiten-behandeling", "Buiten behandeling gesteld"),
    /** The municipality deleted the process instance before a decision. */
    BEEINDIGD("beeindigd", "Behandeling beëindigd door de gemeente");

    private final String code;
    private final String label;

    Outcome(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** A grant: money is reserved from the neighbourhood's budget and the resident reads the amount. */
    public boolean grants() {
        return this == TOEGEKEND || this == GEDEELTELIJK_TOEGEKEND;
    }

    /** One of the three a decider chooses in "Besluit nemen" or "Snel afhandelen". */
    public boolean isDecision() {
        return this == TOEGEKEND || this == GEDEELTELIJK_TOEGEKEND || this == AFGEWEZEN;
    }

    public static Optional<Outcome> ofCode(String code) {
        return Arrays.stream(values()).filter(outcome -> outcome.code.equals(code)).findFirst();
    }

    /** The case file's column; null while the case runs. */
    static Outcome fromColumn(String code) {
        return code == null ? null : ofCode(code)
                .orElseThrow(() -> new IllegalStateException("Onbekende uitkomst in het zaakdossier: " + code));
    }

    /** The outcome of a case concluded with this status other than by a decision. */
    public static Outcome endingWith(CaseStatus status) {
        return switch (status) {
            case NIET_ONTVANKELIJK -> NIET_ONTVANKELIJK;
            case BUITEN_BEHANDELING -> BUITEN_BEHANDELING;
            case BEEINDIGD -> BEEINDIGD;
            default -> throw new IllegalArgumentException("Status " + status + " beëindigt een zaak niet zonder besluit.");
        };
    }
}
