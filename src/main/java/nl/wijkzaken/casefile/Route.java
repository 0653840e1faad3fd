package nl.wijkzaken.casefile;

import java.util.Arrays;
import java.util.Optional;

/**
 * The legal route of a request (LEGAL.md 1), decided by the table {@code request-route} and correctable by the owner
 * at the completeness check. {@link #code()} is what the table, the process variable {@code route} and the case file
 * spell; {@link #label()} is what residents and auditors read.
 */
public enum Route {
    /** The applicant carries out an activity and asks money for it: a subsidy, Awb titel 4.2 (4:21). */
    SUBSIDIE("subsidie", "Subsidie uit het buurtbudget"),
    /**
     * The municipality is asked to act: no subsidy and mostly no application for a decision (Awb 1:3); a reasoned
     * answer without objection clause and without penalty for late decisions.
     */
    VERZOEK("verzoek", "Verzoek aan de gemeente");

    private final String code;
    private final String label;

    Route(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<Route> ofCode(String code) {
        return Arrays.stream(values()).filter(route -> route.code.equals(code)).findFirst();
    }
}
