package nl.wijkzaken.intake;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How the resident receives decisions (Awb 2:8 as changed on 1 January 2026: electronic sending only with the
 * addressee's express consent). {@link #code()} is the value of the process variable {@code decisionChannel}, the
 * case file's column and the API's field; {@link #words()} is what residents and auditors read.
 */
public enum DecisionChannel {
    /** The default: a letter to the postal address. */
    POST("post", "per post"),
    /** Only with the resident's express, separate consent for decisions. */
    EMAIL("e-mail", "per e-mail");

    private final String code;
    private final String words;

    DecisionChannel(String code, String words) {
        this.code = code;
        this.words = words;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** "per post", "per e-mail". */
    public String words() {
        return words;
    }

    @JsonCreator
    public static DecisionChannel fromCode(String code) {
        for (DecisionChannel channel : values()) {
            if (channel.code.equals(code)) {
                return channel;
            }
        }
        throw new IllegalArgumentException("Onbekende manier van ontvangen: " + code);
    }
}
