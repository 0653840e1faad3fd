package nl.wijkzaken.letters;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of letter to a resident about the outcome of a case. Each has its template
 * {@code templates/letters/<code>.html}. A decision (besluit, Awb 1:3) carries the objection clause (3:45); the
 * others (an answer to a request for municipal action, "not an application", a forwarding notice) do not.
 */
public enum LetterKind {
    /** Subsidy granted as asked (4:21, 4:23, 4:29-4:41). */
    TOEKENNING("toekenning", "Besluit op uw aanvraag: toegekend", true),
    /** Granted for less than asked: a partial refusal, with reasons (3:46, 4:25 lid 2). */
    GEDEELTELIJKE_TOEKENNING("gedeeltelijke-toekenning", "Besluit op uw aanvraag: gedeeltelijk toegekend", true),
    AFWIJZING("afwijzing", "Besluit op uw aanvraag: afgewezen", true),
    /** The repair term lapsed (4:5): a decision, open to objection. */
    BUITEN_BEHANDELING("buiten-behandeling", "Besluit: uw aanvraag wordt niet behandeld", true),
    /** The request is not an application for a decision (1:3): a letter, no objection clause. */
    GEEN_AANVRAAG("geen-aanvraag", "Reactie op uw verzoek", false),
    /** Forwarded to the competent body (2:3): a notice, no objection clause. */
    DOORZENDING("doorzending", "Uw verzoek is doorgestuurd", false),
    /** Answer to a request for the municipality to act: a reasoned letter, not a decision. */
    ANTWOORD("antwoord", "Antwoord op uw verzoek", false);

    private final String code;
    private final String subject;
    private final boolean decision;

    LetterKind(String code, String subject, boolean decision) {
        this.code = code;
        this.subject = subject;
        this.decision = decision;
    }

    /** The template's name and what the letter table stores. */
    public String code() {
        return code;
    }

    /** The letter's subject line ("Onderwerp"). */
    public String subject() {
        return subject;
    }

    /** A decision in the sense of Awb 1:3: the letter carries the objection clause. */
    public boolean isDecision() {
        return decision;
    }

    public static Optional<LetterKind> ofCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }
}
