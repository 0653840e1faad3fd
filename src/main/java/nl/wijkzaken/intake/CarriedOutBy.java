package nl.wijkzaken.intake;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who carries out what the resident asks for ("Wie voert het uit?"): the input of the table {@code request-route}
 * that tells a subsidy (the applicant's own activity, Awb 4:21) from a request for the municipality to act.
 * {@link #code()} is the process variable {@code carriedOutBy} and the API's value; {@link #label()} what the form shows.
 */
public enum CarriedOutBy {
    /** The resident or residents' group carries it out: a subsidy when money is asked. */
    BEWONERS("bewoners", "Wij zelf (bewoner of bewonersgroep)"),
    /** The municipality is asked to carry it out: no subsidy. */
    GEMEENTE("gemeente", "De gemeente");

    private final String code;
    private final String label;

    CarriedOutBy(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    @JsonCreator
    public static CarriedOutBy fromCode(String code) {
        for (CarriedOutBy by : values()) {
            if (by.code.equals(code)) {
                return by;
            }
        }
        throw new IllegalArgumentException("Onbekend antwoord op 'Wie voert het uit?': " + code);
    }
}
