package nl.wijkzaken.process;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an adviser concludes in "Advies geven". {@link #code()} is what the form and the {@code deliberation-needed}
 * table spell; {@link #label()} is what the decider reads in the advice summary.
 */
enum AdviceOutcome {
    POSITIEF("positief", "positief"),
    POSITIEF_ONDER_VOORWAARDEN("positief-onder-voorwaarden", "positief onder voorwaarden"),
    NEGATIEF("negatief", "negatief");

    private final String code;
    private final String label;

    AdviceOutcome(String code, String label) {
        this.code = code;
        this.label = label;
    }

    String code() {
        return code;
    }

    String label() {
        return label;
    }

    static Optional<AdviceOutcome> ofCode(String code) {
        return Arrays.stream(values()).filter(outcome -> outcome.code.equals(code)).findFirst();
    }
}
