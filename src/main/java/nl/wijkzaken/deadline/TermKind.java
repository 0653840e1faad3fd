package nl.wijkzaken.deadline;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which kind of decision term a case has (Awb 4:13), as the {@code terms} table says ({@code termKind}). It decides
 * what a notice of extension (Awb 4:14) does.
 */
public enum TermKind {
    /**
     * A term set by regulation (4:13 lid 1, e.g. the subsidy regulation): the notice of 4:14 names a later date, but
     * the legal term does not move, so a decision after it is late for 4:17 all the same.
     */
    SET_BY_REGULATION("regeling", "termijn gesteld bij regeling"),
    /** No term set by regulation: the reasonable term of 4:13 lid 2; the notice of 4:14 sets the new term. */
    REASONABLE_TERM("redelijke-termijn", "redelijke termijn (artikel 4:13 lid 2 Awb)");

    private final String code;
    private final String label;

    TermKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The value in the terms table and in the process variable. */
    public String code() {
        return code;
    }

    /** In Dutch, for staff. */
    public String label() {
        return label;
    }

    /** Whether a notice of extension moves the legal deadline. */
    public boolean extensionMovesDeadline() {
        return this == REASONABLE_TERM;
    }

    public static Optional<TermKind> ofCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }
}
