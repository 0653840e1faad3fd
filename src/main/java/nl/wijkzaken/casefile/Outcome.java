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
    /**
     * Refused because granting would exceed the subsidy ceiling (Awb 4:25 lid 2), with reasons that name the ceiling,
     * the allocation rule (4:26) and the application's place in the order.
     */
    AFGEWEZEN_PLAFOND("afgewezen-plafond", "Afgewezen: subsidieplafond bereikt"),
    /**
     * Forwarded to the competent body (Awb 2:3) by the owner who judged completeness; no decision on the request
     * by this municipality.
     */
    DOORGEZONDEN("doorgezonden", "Doorgezonden naar het bevoegde bestuursorgaan"),
    /** Not an application for a decision: answered with a reasoned letter, without objection clause. */
    GEEN_AANVRAAG("geen-aanvraag", "Beantwoord: geen aanvraag om een besluit"),
    /** The repair term lapsed without a supplement (art. 4:5 Awb). */
    BUITEN_BEHANDELING("buiten-behandeling", "Buiten behandeling gesteld"),
    /** The municipality deleted the process instance before a decision. */
    BEEINDIGD("beeindigd", "Behandeling beëindigd door de gemeente"),
    // The answer to a request for the municipality to act (route verzoek, LEGAL.md 1): a reasoned letter, no decision
    // in the sense of Awb 1:3, so no objection clause (3:45) and no penalty for late decisions (4:17).
    /** The municipality will do what was asked. */
    UITVOEREN("uitvoeren", "Wordt uitgevoerd"),
    /** The municipality will not do it. */
    NIET_UITVOEREN("niet-uitvoeren", "Wordt niet uitgevoerd"),
    /** The municipality will do something else than asked. */
    ANDERS_UITVOEREN("anders-uitvoeren", "Wordt anders uitgevoerd");

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

    /** One of those a decider chooses in "Besluit nemen" or "Snel afhandelen". */
    public boolean isDecision() {
        return this == TOEGEKEND || this == GEDEELTELIJK_TOEGEKEND || this == AFGEWEZEN || this == AFGEWEZEN_PLAFOND;
    }

    /** A refusal of the whole application, for whatever reason. */
    public boolean refuses() {
        return this == AFGEWEZEN || this == AFGEWEZEN_PLAFOND;
    }

    /** One of the three answers to a verzoek ("Verzoek beantwoorden"): no decision, nothing granted to the resident. */
    public boolean isAnswer() {
        return this == UITVOEREN || this == NIET_UITVOEREN || this == ANDERS_UITVOEREN;
    }

    /** An answer by which the municipality will act (as asked or otherwise): it says what and when. */
    public boolean municipalityActs() {
        return this == UITVOEREN || this == ANDERS_UITVOEREN;
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
            case DOORGEZONDEN -> DOORGEZONDEN;
            case GEEN_AANVRAAG -> GEEN_AANVRAAG;
            case BUITEN_BEHANDELING -> BUITEN_BEHANDELING;
            case BEEINDIGD -> BEEINDIGD;
            default -> throw new IllegalArgumentException("Status " + status + " beëindigt een zaak niet zonder besluit.");
        };
    }
}
