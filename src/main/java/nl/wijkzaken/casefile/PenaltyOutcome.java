package nl.wijkzaken.casefile;

import java.util.Arrays;
import java.util.Optional;

/**
 * How the decision fixing a penalty for a late decision ends (Awb 4:18): fixed at the amount owed, or nothing owed
 * for one of the reasons of 4:17 lid 6. {@link #code()} is what the form "Dwangsom vaststellen" and the
 * {@code penalty.outcome} column spell; {@link #label()} is what residents and auditors read.
 */
public enum PenaltyOutcome {
    VASTGESTELD("vastgesteld", "Dwangsom vastgesteld op het verbeurde bedrag (artikel 4:18 Awb)"),
    TE_LAAT("niet-verschuldigd-te-laat",
            "Geen dwangsom verschuldigd: de ingebrekestelling is onredelijk laat ingediend (artikel 4:17 lid 6 Awb)"),
    GEEN_BELANG("niet-verschuldigd-geen-belang",
            "Geen dwangsom verschuldigd: de aanvrager heeft geen belang bij een dwangsom (artikel 4:17 lid 6 Awb)"),
    KENNELIJK_GEEN_BESLISSING_MOGELIJK("niet-verschuldigd-geen-beslissing-mogelijk",
            "Geen dwangsom verschuldigd: op de aanvraag kon kennelijk niet worden beslist (artikel 4:17 lid 6 Awb)"),
    KENNELIJK_ONGEGROND("niet-verschuldigd-ongegrond",
            "Geen dwangsom verschuldigd: de aanvraag was kennelijk ongegrond (artikel 4:17 lid 6 Awb)");

    private final String code;
    private final String label;

    PenaltyOutcome(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Whether the amount owed is paid; otherwise one of the exceptions of 4:17 lid 6 applies and it is 0. */
    public boolean owed() {
        return this == VASTGESTELD;
    }

    public static Optional<PenaltyOutcome> ofCode(String code) {
        return Arrays.stream(values()).filter(outcome -> outcome.code.equals(code)).findFirst();
    }
}
