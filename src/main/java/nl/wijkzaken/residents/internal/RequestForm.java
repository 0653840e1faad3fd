package nl.wijkzaken.residents.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import nl.wijkzaken.intake.CarriedOutBy;
import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.DecisionChannel;
import nl.wijkzaken.intake.ResidentRequest;
import nl.wijkzaken.intake.Urgency;

/** The public form as typed: text only, so that any input can be shown back to the resident unchanged. */
class RequestForm {

    private String applicantName;
    private String applicantEmail;
    private String applicantPhone;
    private String onBehalfOfGroup;
    private String neighbourhood;
    private String category;
    private String title;
    private String description;
    private String amountRequested;
    private String urgency = Urgency.NORMAAL.code();
    private String location;
    private String postalStreet;
    private String postalHouseNumber;
    private String postalCode;
    private String postalPlace;
    /** Post unless the resident chooses e-mail (Awb 2:8). */
    private String decisionChannel = DecisionChannel.POST.code();
    /** The separate consent box, unticked by default; a ticked box posts "true". */
    private String emailConsent;
    /** "Wie voert het uit?": no default, the resident chooses (it decides the legal route). */
    private String carriedOutBy;
    /** Generated with the empty form: a double submit of the same form gives the same case. */
    private String submissionKey;

    record Converted(ResidentRequest request, List<FieldError> errors) {
    }

    Converted toRequest() {
        List<FieldError> errors = new ArrayList<>();
        Category categoryValue = null;
        if (!blank(category)) {
            try {
                categoryValue = Category.fromCode(category);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("category", RequestValidator.UNKNOWN_CATEGORY));
            }
        }
        Urgency urgencyValue = null;
        if (!blank(urgency)) {
            try {
                urgencyValue = Urgency.fromCode(urgency);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("urgency", RequestValidator.UNKNOWN_URGENCY));
            }
        }
        BigDecimal amount = null;
        if (!blank(amountRequested)) {
            String normalised = amount(amountRequested);
            try {
                amount = new BigDecimal(normalised);
            } catch (NumberFormatException e) {
                errors.add(new FieldError("amountRequested", RequestValidator.INVALID_AMOUNT));
            }
        }
        DecisionChannel channelValue = null;
        if (!blank(decisionChannel)) {
            try {
                channelValue = DecisionChannel.fromCode(decisionChannel);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("decisionChannel", RequestValidator.UNKNOWN_DECISION_CHANNEL));
            }
        }
        CarriedOutBy carriedOutByValue = null;
        if (!blank(carriedOutBy)) {
            try {
                carriedOutByValue = CarriedOutBy.fromCode(carriedOutBy);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("carriedOutBy", RequestValidator.UNKNOWN_CARRIED_OUT_BY));
            }
        }
        ResidentRequest request = new ResidentRequest(trim(applicantName), trim(applicantEmail), trim(applicantPhone),
                trim(onBehalfOfGroup), trim(neighbourhood), categoryValue, trim(title), trim(lineBreaks(description)), amount,
                urgencyValue, trim(location), trim(postalStreet), trim(postalHouseNumber), trim(postalCode),
                trim(postalPlace), channelValue, "true".equals(emailConsent), carriedOutByValue);
        return new Converted(request, errors);
    }

    /**
     * An amount as Dutch residents write it: "1.500" is fifteen hundred (a dot groups thousands), "1.500,50" and
     * "1500,50" have a decimal comma; "1500.50" (no comma, not groups of three) keeps its decimal point.
     */
    static String amount(String typed) {
        String normalised = typed.strip().replace("€", "").replace(" ", "").replace("\u00a0", "");
        if (normalised.contains(",")) {
            return normalised.replace(".", "").replace(',', '.');
        }
        if (normalised.matches("-?[0-9]{1,3}(\\.[0-9]{3})+")) {
            return normalised.replace(".", "");
        }
        return normalised;
    }

    /** Browsers send a textarea's line breaks as CRLF but count them as one character (maxlength). */
    static String lineBreaks(String value) {
        return value == null ? null : value.replace("\r\n", "\n");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trim(String value) {
        return blank(value) ? null : value.strip();
    }

    public String getApplicantName() { return applicantName; }
    public void setApplicantName(String applicantName) { this.applicantName = applicantName; }
    public String getApplicantEmail() { return applicantEmail; }
    public void setApplicantEmail(String applicantEmail) { this.applicantEmail = applicantEmail; }
    public String getApplicantPhone() { return applicantPhone; }
    public void setApplicantPhone(String applicantPhone) { this.applicantPhone = applicantPhone; }
    public String getOnBehalfOfGroup() { return onBehalfOfGroup; }
    public void setOnBehalfOfGroup(String onBehalfOfGroup) { this.onBehalfOfGroup = onBehalfOfGroup; }
    public String getNeighbourhood() { return neighbourhood; }
    public void setNeighbourhood(String neighbourhood) { this.neighbourhood = neighbourhood; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getAmountRequested() { return amountRequested; }
    public void setAmountRequested(String amountRequested) { this.amountRequested = amountRequested; }
    public String getUrgency() { return urgency; }
    public void setUrgency(String urgency) { this.urgency = urgency; }
    public String getLocation() { return location; }
    public void setLocation(String location) { this.location = location; }
    public String getPostalStreet() { return postalStreet; }
    public void setPostalStreet(String postalStreet) { this.postalStreet = postalStreet; }
    public String getPostalHouseNumber() { return postalHouseNumber; }
    public void setPostalHouseNumber(String postalHouseNumber) { this.postalHouseNumber = postalHouseNumber; }
    public String getPostalCode() { return postalCode; }
    public void setPostalCode(String postalCode) { this.postalCode = postalCode; }
    public String getPostalPlace() { return postalPlace; }
    public void setPostalPlace(String postalPlace) { this.postalPlace = postalPlace; }
    public String getDecisionChannel() { return decisionChannel; }
    public void setDecisionChannel(String decisionChannel) { this.decisionChannel = decisionChannel; }
    public String getEmailConsent() { return emailConsent; }
    public void setEmailConsent(String emailConsent) { this.emailConsent = emailConsent; }
    public String getCarriedOutBy() { return carriedOutBy; }
    public void setCarriedOutBy(String carriedOutBy) { this.carriedOutBy = carriedOutBy; }
    public String getSubmissionKey() { return submissionKey; }
    public void setSubmissionKey(String submissionKey) { this.submissionKey = submissionKey; }
}
