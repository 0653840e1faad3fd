package nl.wijkzaken.mail;

/**
 * The kinds of mail a resident receives. Each has a template {@code templates/mail/<template>.txt} whose first
 * line is the subject ("Onderwerp: ...") and the rest the body.
 */
public enum MessageType {
    ONTVANGSTBEVESTIGING("ontvangstbevestiging"),
    AANVULLING_GEVRAAGD("aanvulling-gevraagd"),
    TERMIJN_VERLENGD("termijn-verlengd"),
    BESLUIT("besluit"),
    BUITEN_BEHANDELING("buiten-behandeling"),
    NIET_ONTVANKELIJK("niet-ontvankelijk"),
    SNELLE_AFHANDELING("snelle-afhandeling");

    private final String template;

    MessageType(String template) {
        this.template = template;
    }

    public String template() {
        return template;
    }
}
