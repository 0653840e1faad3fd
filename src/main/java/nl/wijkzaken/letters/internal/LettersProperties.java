package nl.wijkzaken.letters.internal;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code wijkzaken.letters}: the municipality's letterhead and addresses, the legal basis per kind of letter, and
 * where the templates are (see README, "Letters").
 *
 * @param templateDirectory  a directory with the municipality's own templates ({@code <kind>.html},
 *                           {@code onderdelen.html}); a template not found there is the built-in one
 * @param municipality       the letterhead
 * @param objectionAddress   where an objection is sent (Awb 6:4: to the body that took the decision), one line each
 * @param court              who decides on a provisional remedy (Awb 8:81), e.g. "de voorzieningenrechter van de
 *                           rechtbank Midden-Nederland"
 * @param courtAddress       that court's address, one line each
 * @param legalBasis         per kind code ("toekenning", ...): the regulation and article(s) the letter rests on
 * @param obligations        the standard obligations of a grant from the regulation, when the decision names none
 * @param signatoryFunctions per group (or group prefix, e.g. "wijkmanager"): the function the signatory holds under
 *                           the mandate, when the mandate table does not name it
 * @param defaultSignatoryFunction the function when nothing else names it
 */
@ConfigurationProperties("wijkzaken.letters")
public record LettersProperties(String templateDirectory, Municipality municipality, List<String> objectionAddress,
                                String court, List<String> courtAddress, Map<String, String> legalBasis,
                                String obligations, Map<String, String> signatoryFunctions,
                                String defaultSignatoryFunction) {

    public LettersProperties {
        municipality = municipality == null ? new Municipality(null, null, null, null, null, null) : municipality;
        objectionAddress = objectionAddress == null ? List.of() : List.copyOf(objectionAddress);
        courtAddress = courtAddress == null ? List.of() : List.copyOf(courtAddress);
        legalBasis = legalBasis == null ? Map.of() : Map.copyOf(legalBasis);
        signatoryFunctions = signatoryFunctions == null ? Map.of() : Map.copyOf(signatoryFunctions);
    }

    /**
     * @param name         "Gemeente Stichtse Vecht"
     * @param college      "het college van burgemeester en wethouders van Stichtse Vecht"
     * @param addressLines the postal address for the letterhead, one line each
     */
    public record Municipality(String name, String college, List<String> addressLines, String phone, String email,
                               String website) {

        public Municipality {
            addressLines = addressLines == null ? List.of() : List.copyOf(addressLines);
        }
    }
}
