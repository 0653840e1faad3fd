package nl.wijkzaken.casefile;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a case event records. {@link #code()} is what the case history stores ({@code case_event.event_type}) and
 * the dossier shows as {@code eventType}; {@link #label()} is what an auditor reads.
 */
public enum CaseEventType {
    /** A resident-facing status change (the event carries the status text). */
    STATUS("STATUS", "Status"),
    MESSAGE_SENT("BERICHT_VERSTUURD", "Bericht verstuurd"),
    ADVICE_GIVEN("ADVIES_GEGEVEN", "Advies gegeven"),
    DELIBERATION("OVERLEG_VASTGELEGD", "Overleg vastgelegd"),
    DECISION("BESLUIT", "Besluit"),
    CO_SIGNED("MEDEONDERTEKEND", "Medeondertekening"),
    /** A verzoek was answered ("Verzoek beantwoorden"): the answer, reasons, what and when; no decision. */
    REQUEST_ANSWERED("VERZOEK_BEANTWOORD", "Verzoek beantwoord"),
    /** The decision went out to the resident (by e-mail or post); the day the Awb counts from. */
    DECISION_SENT("BESLUIT_VERZONDEN", "Besluit verzonden"),
    /** At registration: the postal address and how decisions are sent, with the consent for e-mail if given (Awb 2:8). */
    DECISION_CHANNEL_CHOSEN("BESLUITKANAAL_GEKOZEN", "Verzending besluiten vastgelegd"),
    /** The resident withdrew the consent for e-mail (status page); decisions go by post from then on. */
    EMAIL_CONSENT_WITHDRAWN("TOESTEMMING_EMAIL_INGETROKKEN", "Toestemming e-mail ingetrokken"),
    DEADLINE_SUSPENDED("TERMIJN_OPGESCHORT", "Opgeschort"),
    DEADLINE_RESUMED("TERMIJN_HERVAT", "Hervat"),
    DEADLINE_EXTENDED("TERMIJN_VERLENGD", "Verlengd"),
    DEADLINE_REMINDED("TERMIJN_HERINNERING", "Herinnering"),
    DEADLINE_ESCALATED("TERMIJN_ESCALATIE", "Verstreken, geëscaleerd"),
    /** The request was forwarded to the competent body (Awb 2:3); the detail names the body. */
    FORWARDED("DOORGEZONDEN", "Doorgezonden naar bevoegd bestuursorgaan"),
    /** The resident's supplement, as sent from the status page. */
    SUPPLEMENT_RECEIVED("AANVULLING_ONTVANGEN", "Aanvulling ontvangen"),
    /** The owner corrected the legal route (subsidie / verzoek) at the completeness check, with a reason. */
    ROUTE_CHANGED("ROUTE_GEWIJZIGD", "Soort verzoek gewijzigd"),
    /** After the joint deliberation the applicant changed the application in writing (LEGAL.md 3): date, new amount, what. */
    APPLICATION_CHANGED("AANVRAAG_GEWIJZIGD", "Aanvraag schriftelijk gewijzigd"),
    /** What the grant states (Awb 4:29-4:41, 4:95): activity, obligations, dates, advance or direct settlement. */
    GRANT_TERMS("SUBSIDIEVERLENING", "Inhoud subsidieverlening"),
    // Penalty for late decisions (Awb 4:17-4:18, issue 16): deadline events, shown in the dossier's deadline history.
    /** A notice of default (ingebrekestelling, 4:17 lid 1) was received, online or registered on paper. */
    NOTICE_OF_DEFAULT_RECEIVED("INGEBREKESTELLING_ONTVANGEN", "Ingebrekestelling ontvangen"),
    /** Day 1 of the penalty (4:17 lid 3). */
    PENALTY_STARTED("DWANGSOM_GESTART", "Dwangsom loopt"),
    /** While it runs: what the team agreed to get the decision out (internal, for the dossier). */
    PENALTY_AGREEMENT("DWANGSOM_AFSPRAKEN", "Afspraken bij lopende dwangsom"),
    /** The decision was sent, or day 42 passed (4:17 lid 1). */
    PENALTY_STOPPED("DWANGSOM_GESTOPT", "Dwangsom gestopt"),
    /** The penalty was fixed by decision (4:18), possibly at nothing (4:17 lid 6). */
    PENALTY_FIXED("DWANGSOM_VASTGESTELD", "Dwangsom vastgesteld");

    private final String code;
    private final String label;

    CaseEventType(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** An event about the legal deadline (it carries the deadline before and after). */
    public boolean concernsDeadline() {
        return name().startsWith("DEADLINE_") || name().startsWith("PENALTY_") || this == NOTICE_OF_DEFAULT_RECEIVED;
    }

    public static Optional<CaseEventType> ofCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
    }

    static CaseEventType fromColumn(String code) {
        return ofCode(code).orElseThrow(() -> new IllegalStateException("Onbekend soort zaakgebeurtenis: " + code));
    }
}
