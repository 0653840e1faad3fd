package nl.wijkzaken.mail;

import java.util.Arrays;

/**
 * The kinds of mail a resident receives. Each has a template {@code templates/mail/<template>.txt} whose first
 * line is the subject ("Onderwerp: ...") and the rest the body. The template name is also the process's
 * {@code messageType}.
 */
public enum MessageType {
    ONTVANGSTBEVESTIGING("ontvangstbevestiging"),
    AANVULLING_GEVRAAGD("aanvulling-gevraagd"),
    TERMIJN_VERLENGD("termijn-verlengd"),
    BESLUIT("besluit"),
    BUITEN_BEHANDELING("buiten-behandeling"),
    /** The request was forwarded to the competent body (Awb 2:3); no decision, no objection clause. */
    DOORGEZONDEN("doorgezonden"),
    /** The request is no application for a decision: a reasoned answer, no objection clause. */
    GEEN_AANVRAAG("geen-aanvraag"),
    SNELLE_AFHANDELING("snelle-afhandeling"),
    /** The answer to a request for the municipality to act (route verzoek): no decision, no objection clause. */
    ANTWOORD("antwoord");

    private final String template;

    MessageType(String template) {
        this.template = template;
    }

    public String template() {
        return template;
    }

    /** The type with this template name; an unknown name is a modelling error. */
    public static MessageType ofTemplate(String template) {
        return Arrays.stream(values()).filter(type -> type.template.equals(template)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Onbekend berichttype: " + template));
    }
}
