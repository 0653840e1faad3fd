package nl.wijkzaken.intake;

import java.math.BigDecimal;

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
        @NotBlank(message = "Vul uw e-mailadres in.") @Email(message = "Vul een geldig e-mailadres in.")
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
        @NotNull(message = "Kies een categorie.")
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
        String location) {

    /** An engine text variable holds 4000 characters. */
    public static final int MAX_DESCRIPTION = 4000;
    /** No control characters. */
    public static final String ONE_LINE = "[^\\p{Cntrl}]*";
    /** No control characters but tab and line breaks. */
    public static final String MULTI_LINE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
    public static final String CONTROL_CHARACTER = "Dit veld bevat een onzichtbaar stuurteken. Verwijder het en probeer het opnieuw.";
}
