package nl.wijkzaken.subsidy;

/** How a ceiling is divided among applications (Awb 4:26); the regulation names one. */
public enum AllocationRule {
    /** In order of receipt of complete applications: date of complete receipt, then time. */
    VOLGORDE_VAN_VOLLEDIGE_ONTVANGST("volgorde-van-volledige-ontvangst", "in volgorde van ontvangst van volledige aanvragen");

    private final String code;
    private final String words;

    AllocationRule(String code, String words) {
        this.code = code;
        this.words = words;
    }

    /** What the API spells. */
    public String code() {
        return code;
    }

    /** What a page shows: "In volgorde van ontvangst van volledige aanvragen". */
    public String label() {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public static java.util.Optional<AllocationRule> ofCode(String code) {
        return java.util.Arrays.stream(values()).filter(rule -> rule.code.equals(code)).findFirst();
    }

    /** The rule as a letter or a page says it, after "verdeeld ...". */
    public String words() {
        return words;
    }
}
