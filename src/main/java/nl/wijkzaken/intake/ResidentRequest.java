package nl.wijkzaken.intake;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A resident's request as it comes in, from the public API or from the front office. Field names are the
 * process variable names of {@code resident-request}. Lengths are those of the columns and engine variables the
 * values end up in (case_file, engine text variables: 4000); control characters (PostgreSQL cannot store NUL)
 * are refused, only the description may have line breaks and tabs.
 */
public record ResidentRequest(
        @NotBlank(message = "Vul uw naam in.") @Size(max = 200, message = "Uw naam mag hoogstens 200 tekens lang zijn.")
        @Pattern(regexp = ResidentRequest.ONE_LINE, message = ResidentRequest.CONTROL_CHARACTER)
        String applicantName,
        @Email(regexp = ResidentRequest.EMAIL_WITH_DOMAIN, message = "Vul een geldig e-mailadres in.")
        @Size(max = 254, message = "Het e-mailadres mag hoogstens 254 tekens lang zijn.")
        @Pattern(regexp = ResidentRequest.ONE_LINE, message = ResidentRequest.CONTROL_CHARACTER)
        String applicantEmail,
        @Pattern(regexp = "^$|^[+0-9 ()-]{6,20}$", message = "Vul een geldig telefoonnummer in.")
        String applicantPhone,
        @Size(max = 200, message = "De naam van de bewonersgroep mag hoogstens 200 tekens lang zijn.")
        @Pattern(regexp = ResidentRequest.ONE_LINE, message = ResidentRequest.CONTROL_CHARACTER)
        String onBehalfOfGroup,
        @NotBlank(message = "Kies een wijk.") @Pattern(regexp = ResidentRequest.ONE_LINE, message = ResidentRequest.CONTROL_CHARACTER)
        String neighbourhood,
        @NotNull(message = "Kies een onderwerp.")
        Category category,
        @NotBlank(message = "Geef uw verzoek een titel.") @Size(max = 150, message = "De titel mag hoogstens 150 tekens lang zijn.")
        @Pattern(regexp = ResidentRequest.ONE_LINE, message = ResidentRequest.CONTROL_CHARACTER)
        String title,
        @NotBlank(message = "Beschrijf uw verzoek.")
        @Size(max = ResidentRequest.MAX_DESCRIPTION, message = "De beschrijving mag hoogstens 4000 tekens lang zijn.")
        @Pattern(regexp = ResidentRequest.MULTI_LINE, message = ResidentRequest.CONTROL_CHARACTER)
        String description,
        @NotNull(message = "Vul het gevraagde bedrag in (0 als u geen geld vraagt).")
        @DecimalMin(value = "0.00", message = "Het bedrag kan niet negatief zijn.")
        @DecimalMax(value = "250000.00", message = "Het bedrag kan niet hoger zijn dan 250.000 euro.")
        @Digits(integer = 6, fraction = 2, message = "Vul het bedrag in euro's in, met hoogstens 2 decimalen.")
        BigDecimal amountRequested,
        @NotNull(message = "Kies de urgentie.")
        Urgency urgency,
        @Size(max = 300, message = "De locatie mag hoogstens 300 tekens lang zijn.")
        @Pattern(regexp = ResidentRequest.ONE_LINE, message = ResidentRequest.CONTROL_CHARACTER)
        String location,
        @NotBlank(message = "Vul uw straat in.") @Size(max = 200, message = "De straat mag hoogstens 200 tekens lang zijn.")
        @Pattern(regexp = ResidentRequest.ONE_LINE, message = ResidentRequest.CONTROL_CHARACTER)
        String postalStreet,
        @NotBlank(message = "Vul uw huisnummer in.")
        @Pattern(regexp = "^\\s*$|" + ResidentRequest.HOUSE_NUMBER, message = "Vul uw huisnummer in, eventueel met toevoeging, bijvoorbeeld 12, 12a of 12-2.")
        String postalHouseNumber,
        @NotBlank(message = "Vul uw postcode in.") @Pattern(regexp = "^\\s*$|" + PostalCodes.PATTERN, message = PostalCodes.MESSAGE)
        String postalCode,
        @NotBlank(message = "Vul uw woonplaats in.") @Size(max = 100, message = "De woonplaats mag hoogstens 100 tekens lang zijn.")
        @Pattern(regexp = ResidentRequest.ONE_LINE, message = ResidentRequest.CONTROL_CHARACTER)
        String postalPlace,
        DecisionChannel decisionChannel,
        Boolean emailConsent,
        @NotNull(message = ResidentRequest.CARRIED_OUT_BY_MISSING)
        CarriedOutBy carriedOutBy) {

    /**
     * Normalises what every way in shares: the postcode written "1234 AB", an empty e-mail address as none, no
     * channel as post (the default: electronic sending needs consent, Awb 2:8), no consent as no consent.
     */
    public ResidentRequest {
        postalCode = PostalCodes.normalise(postalCode == null ? null : postalCode.strip());
        applicantEmail = applicantEmail == null || applicantEmail.isBlank() ? null : applicantEmail.strip();
        decisionChannel = decisionChannel == null ? DecisionChannel.POST : decisionChannel;
        emailConsent = Boolean.TRUE.equals(emailConsent);
    }

    /**
     * The rules between fields, per field in form order (Awb 2:8 as changed on 1 January 2026): decisions go by
     * e-mail only with the resident's express consent, given separately; an e-mail address is needed only then
     * (status mails may use one when given, but that is no consent for decisions).
     */
    public Map<String, String> channelProblems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (decisionChannel == DecisionChannel.EMAIL && applicantEmail == null) {
            problems.put("applicantEmail", "Vul uw e-mailadres in: u kiest ervoor het besluit per e-mail te ontvangen.");
        }
        if (decisionChannel == DecisionChannel.EMAIL && !emailConsent) {
            problems.put("emailConsent", "Geef toestemming om het besluit per e-mail te ontvangen, of kies ontvangst per post.");
        }
        if (decisionChannel == DecisionChannel.POST && emailConsent) {
            problems.put("emailConsent", "U kiest ontvangst per post. Zet het vinkje bij de toestemming voor e-mail uit, "
                    + "of kies ontvangst per e-mail.");
        }
        return problems;
    }

    /** An engine text variable holds 4000 characters. */
    public static final int MAX_DESCRIPTION = 4000;
    /** No control characters. */
    public static final String ONE_LINE = "[^\\p{Cntrl}]*";
    /** No control characters but tab and line breaks. */
    public static final String MULTI_LINE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
    /** A house number with an optional addition: 12, 12a, 12 A, 12-2, 12 bis, 12-3 hoog. */
    public static final String HOUSE_NUMBER = "^[1-9][0-9]{0,4}(?:[ -]?[A-Za-z0-9]{1,5}(?:[ -][A-Za-z0-9]{1,5})?)?$";
    /** An e-mail address whose domain has a dot and a top-level domain ("naam@example" is no address). */
    public static final String EMAIL_WITH_DOMAIN = "^[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}$";
    /** "Wie voert het uit?" decides the legal route (table request-route), so it has no default. */
    public static final String CARRIED_OUT_BY_MISSING = "Kies wie het uitvoert: u zelf (bewoner of bewonersgroep) of de gemeente.";
    public static final String CONTROL_CHARACTER = "Dit veld bevat een onzichtbaar stuurteken. Verwijder het en probeer het opnieuw.";
}
