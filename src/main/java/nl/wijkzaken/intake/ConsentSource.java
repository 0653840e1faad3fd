package nl.wijkzaken.intake;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where the resident gave (or withdrew) consent to receive decisions by e-mail: recorded with the time, in the case
 * file and as a case event. {@link #code()} is the process variable {@code emailConsentSource}.
 */
public enum ConsentSource {
    ONLINE_FORM("webformulier", "het webformulier"),
    API("api", "een app of website die het verzoek doorgaf"),
    FRONT_OFFICE("balie", "de balie of de telefoon (geregistreerd door een medewerker)"),
    STATUS_PAGE("statuspagina", "de statuspagina");

    private final String code;
    private final String words;

    ConsentSource(String code, String words) {
        this.code = code;
        this.words = words;
    }

    public String code() {
        return code;
    }

    /** "het webformulier", "de statuspagina", ... */
    public String words() {
        return words;
    }

    public static Optional<ConsentSource> ofCode(String code) {
        return Arrays.stream(values()).filter(source -> source.code.equals(code)).findFirst();
    }
}
