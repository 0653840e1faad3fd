package nl.wijkzaken.mandate;

/**
 * Who takes a decision of one type for one case, and on what mandate.
 *
 * @param type              the decision type
 * @param decidingGroup     the group whose members may take it
 * @param coSignNeeded      whether a second person must co-sign
 * @param coSignGroup       the co-signing group, null when none
 * @param restsOn           the mandate decision (mandaatbesluit) the rule rests on (null only for a case whose
 *                          {@code mandate} variable dates from before the table named one)
 * @param signatoryFunction the signatory's function in Dutch, for "namens het college van burgemeester en
 *                          wethouders, &lt;function&gt;" (Awb 10:10)
 */
public record Mandate(DecisionType type, String decidingGroup, boolean coSignNeeded, String coSignGroup,
        MandateDecision restsOn, String signatoryFunction) {

    /** The closing line of a letter under this mandate (Awb 10:10). */
    public String onBehalfOf() {
        return "namens het college van burgemeester en wethouders, " + signatoryFunction;
    }
}
