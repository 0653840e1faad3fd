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
    NIET_ONTVANKELIJK("Niet-ontvankelijk"),
    TERMIJN_VERLENGD("Beslistermijn verlengd"),
    /** Awb 4:5: the repair term lapsed without a supplement; the municipality decides whether to handle it. */
    HERSTELTERMIJN_VERSTREKEN("Hersteltermijn verstreken, er volgt een besluit"),
    AFGEHANDELD("Afgehandeld"),
    /** The municipality ended the case without a decision (its process instance was deleted). */
    BEEINDIGD("Behandeling beëindigd door de gemeente");

    private final String text;

    CaseStatus(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
