package nl.wijkzaken.casefile;

/** The status a resident sees; separate from the names of the tasks behind it. */
public enum CaseStatus {
    ONTVANGEN("Verzoek ontvangen"),
    IN_BEHANDELING("In behandeling"),
    AANVULLING_GEVRAAGD("Aanvulling gevraagd"),
    AANVULLING_ONTVANGEN("Aanvulling ontvangen"),
    ADVIES("Advies wordt opgesteld"),
    OVERLEG("Gezamenlijk overleg"),
    BESLUIT_GENOMEN("Besluit genomen"),
    BUITEN_BEHANDELING("Buiten behandeling gesteld"),
    /** Forwarded to the competent body (Awb 2:3). */
    DOORGEZONDEN("Doorgezonden naar het bevoegde bestuursorgaan"),
    /** Not an application for a decision: answered by letter. */
    GEEN_AANVRAAG("Beantwoord"),
    /** A request for the municipality to act (route verzoek) was answered by letter; no decision, no objection clause. */
    VERZOEK_BEANTWOORD("Verzoek beantwoord"),
    TERMIJN_VERLENGD("Beslistermijn verlengd"),
    /** Awb 4:5: the repair term lapsed without a supplement; the municipality decides whether to handle it. */
    HERSTELTERMIJN_VERSTREKEN("Hersteltermijn verstreken, er volgt een besluit"),
    AFGEHANDELD("Afgehandeld"),
    /** The municipality ended the case without a decision (its process instance was deleted). */
    BEEINDIGD("Behandeling beëindigd door de gemeente"),
    // Penalty for late decisions (Awb 4:17-4:18): timeline texts of the penalty's events; they do not replace the
    // case's own status (CaseFiles.recordEvent appends them without changing status_code).
    INGEBREKESTELLING_ONTVANGEN("Ingebrekestelling ontvangen"),
    DWANGSOM_LOOPT("Dwangsom loopt"),
    DWANGSOM_GESTOPT("Dwangsom gestopt"),
    DWANGSOM_VASTGESTELD("Dwangsom vastgesteld");

    private final String text;

    CaseStatus(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
