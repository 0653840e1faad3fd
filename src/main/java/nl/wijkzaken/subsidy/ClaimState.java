package nl.wijkzaken.subsidy;

/** What became of an application's claim on the ceiling (Awb 4:25, 4:26). */
public enum ClaimState {
    /** Complete and not yet decided: it holds its place and the amount it asks. */
    OPEN("open", "Nog niet op besloten"),
    /** Granted (fully or in part): the grant itself is a reservation on the ledger. */
    GRANTED("verleend", "Verleend"),
    /** Refused (for any reason): the claim is given back to the next in line. */
    REFUSED("geweigerd", "Geweigerd"),
    /** The case ended without a decision (withdrawn, left unhandled, ended by the municipality): given back. */
    WITHDRAWN("vervallen", "Vervallen zonder besluit");

    private final String code;
    private final String label;

    ClaimState(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }
}
