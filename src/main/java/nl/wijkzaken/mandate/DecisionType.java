package nl.wijkzaken.mandate;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of decision (and answer) the municipality takes on a request, each with a mandate rule in
 * {@code decision-mandate.dmn} (Awb 10:1-10:12: every decision type needs a mandate). {@link #code()} is what the
 * table's input {@code decisionType} compares with; {@link #label()} is what an auditor reads.
 */
public enum DecisionType {
    /** Subsidieverlening as asked (Awb 4:29-4:41). */
    TOEKENNING("toekenning", "Toekenning"),
    /** Granting less than asked: a partial refusal with reasons (Awb 3:46). */
    GEDEELTELIJKE_TOEKENNING("gedeeltelijke-toekenning", "Gedeeltelijke toekenning"),
    AFWIJZING("afwijzing", "Afwijzing"),
    /** Refusal because granting would exceed the subsidy ceiling (Awb 4:25 lid 2). */
    AFWIJZING_PLAFOND("afwijzing-plafond", "Afwijzing wegens bereikt subsidieplafond"),
    /** Settlement of the subsidy after the activity (Awb 4:42-4:48). */
    VASTSTELLING("vaststelling", "Vaststelling van de subsidie"),
    /** Recovery of what was paid above the settled amount (Awb 4:57). */
    TERUGVORDERING("terugvordering", "Terugvordering"),
    /** Leaving the application unhandled after the repair term (Awb 4:5). */
    BUITEN_BEHANDELING("buiten-behandeling", "Buiten behandeling stellen"),
    /** Forwarding to the competent body (Awb 2:3). */
    DOORZENDING("doorzending", "Doorzenden naar het bevoegde bestuursorgaan"),
    /** Not an application for a decision: a reasoned letter without objection clause. */
    GEEN_AANVRAAG("geen-aanvraag", "Antwoord: geen aanvraag om een besluit"),
    /**
     * The reasoned answer to a request for the municipality to act (route verzoek, LEGAL.md 1): no decision (Awb 1:3),
     * but it may commit the neighbourhood's budget (internal allocation), so its mandate follows the amount.
     */
    BEANTWOORDING("beantwoording", "Beantwoording van een verzoek"),
    /** Fixing the penalty for a late decision (Awb 4:18). */
    DWANGSOM("dwangsom", "Vaststelling van de dwangsom"),
    /** The fast lane's outcomes (grant, partial grant or refusal of a small, acute request). */
    SNELLE_AFHANDELING("snelle-afhandeling", "Snelle afhandeling");

    private final String code;
    private final String label;

    DecisionType(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<DecisionType> ofCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
    }
}
