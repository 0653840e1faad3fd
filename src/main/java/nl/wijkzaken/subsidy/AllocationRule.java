package nl.wijkzaken.subsidy;

/** How a ceiling is divided among applications (Awb 4:26); the regulation names one. */
public enum AllocationRule {
    /** In order of receipt of complete applications: date of complete receipt, then time. */
    VOLGORDE_VAN_VOLLEDIGE_ONTVANGST("in volgorde van ontvangst van volledige aanvragen");

    private final String words;

    AllocationRule(String words) {
        this.words = words;
    }

    /** The rule as a letter or a page says it, after "verdeeld ...". */
    public String words() {
        return words;
    }
}
