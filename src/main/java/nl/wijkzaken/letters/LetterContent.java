package nl.wijkzaken.letters;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What one letter says, apart from the date it is sent (the letter's date and the objection term follow from that day
 * when it is rendered). Null means "not known" or "not applicable": the template leaves that part out.
 *
 * @param addressLines     the postal address, one line each (street and number, postcode and place)
 * @param email            the addressee's e-mail address, shown when there is no postal address
 * @param title            what the resident asked for, in the resident's words
 * @param reasons          the reasons (motivering, Awb 3:46)
 * @param activity         for grants: the activity the subsidy is for (4:30)
 * @param obligations      for grants: the obligations (4:37-4:39); the regulation's standard text when null
 * @param conditions       for grants: the conditions (e.g. from the advice)
 * @param advance          for grants: the advance (voorschot, 4:95), if any
 * @param accountabilityDate for grants: the date by which the activity is done and accounted for (4:30 lid 2)
 * @param signatoryName    first and last name of the person who signs on behalf of the college (10:10)
 * @param signatoryFunction that person's function, from the mandate
 * @param mandate          the mandate decision the signatory acts under ("Mandaatbesluit ..., kenmerk ..., datum")
 * @param forwardedTo      for a forwarding notice: the competent body (2:3)
 * @param answer           for the answer to a verzoek ({@link LetterKind#ANTWOORD}): what the municipality will do
 * @param grant            for grants: the rest of what a grant states (legal basis, dates, advance, written change);
 *                         null for other letters and for letters prepared before it existed
 */
public record LetterContent(String caseNumber, LetterKind kind, String addresseeName, String onBehalfOf,
                            List<String> addressLines, String email, String title, LocalDate receivedOn,
                            BigDecimal amountRequested, BigDecimal decidedAmount, String reasons, String activity,
                            String obligations, String conditions, BigDecimal advance, LocalDate accountabilityDate,
                            String signatoryName, String signatoryFunction, String mandate, String forwardedTo,
                            String team, Answer answer, Grant grant) {

    /** Every letter but the answer to a verzoek. */
    public LetterContent(String caseNumber, LetterKind kind, String addresseeName, String onBehalfOf,
                         List<String> addressLines, String email, String title, LocalDate receivedOn,
                         BigDecimal amountRequested, BigDecimal decidedAmount, String reasons, String activity,
                         String obligations, String conditions, BigDecimal advance, LocalDate accountabilityDate,
                         String signatoryName, String signatoryFunction, String mandate, String forwardedTo,
                         String team) {
        this(caseNumber, kind, addresseeName, onBehalfOf, addressLines, email, title, receivedOn, amountRequested,
                decidedAmount, reasons, activity, obligations, conditions, advance, accountabilityDate, signatoryName,
                signatoryFunction, mandate, forwardedTo, team, null, null);
    }

    /**
     * The answer to a request for the municipality to act (route verzoek): no decision, no objection clause.
     *
     * @param question        what the resident asked, in the resident's words
     * @param outcome         the answer as the resident reads it ("Wordt uitgevoerd")
     * @param what            what exactly the municipality does (null when it does nothing)
     * @param plannedOn       when it is planned
     * @param allocatedAmount what the municipality pays from the neighbourhood's budget (internal allocation), if any
     */
    public record Answer(String question, String outcome, String what, LocalDate plannedOn, BigDecimal allocatedAmount) {
    }

    /**
     * What a grant states besides amount, activity, obligations and accountability date (Awb 4:23, 4:29-4:41, 4:95).
     *
     * @param legalBasis        the regulation's article of the year of receipt (4:23); null: the configured text
     * @param activityEndDate   the date by which the activity is done (4:30 lid 2)
     * @param advancePercentage the advance as a percentage of the grant (4:95); 0 or null when settled directly
     * @param directSettlement  the grant is also the settlement ("direct vastgesteld"): paid within four weeks (4:87)
     * @param writtenChangeOn   the date the applicant changed the application in writing after the deliberation, if so
     * @param changedAmount     the amount of the changed application
     * @param writtenChange     what else that change changed, in the applicant's terms
     */
    public record Grant(String legalBasis, LocalDate activityEndDate, Integer advancePercentage, boolean directSettlement,
                        LocalDate writtenChangeOn, BigDecimal changedAmount, String writtenChange) {
    }

    /** The letter with its grant's elements. */
    public LetterContent withGrant(Grant grant) {
        return new LetterContent(caseNumber, kind, addresseeName, onBehalfOf, addressLines, email, title, receivedOn,
                amountRequested, decidedAmount, reasons, activity, obligations, conditions, advance, accountabilityDate,
                signatoryName, signatoryFunction, mandate, forwardedTo, team, answer, grant);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public LetterContent {
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(kind, "kind");
        addressLines = addressLines == null ? List.of() : addressLines.stream().filter(line -> line != null && !line.isBlank()).toList();
    }
}
