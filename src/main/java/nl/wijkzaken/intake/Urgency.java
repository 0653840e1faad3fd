package nl.wijkzaken.intake;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public enum Urgency {
    NORMAAL("normaal"),
    ACUUT("acuut");

    private final String code;

    Urgency(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Urgency fromCode(String code) {
        for (Urgency urgency : values()) {
            if (urgency.code.equals(code)) {
                return urgency;
            }
        }
        throw new IllegalArgumentException("Onbekende urgentie: " + code);
    }
}
