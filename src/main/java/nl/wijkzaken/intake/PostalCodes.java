package nl.wijkzaken.intake;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Dutch postcodes (PostNL): four digits, the first not 0, then two letters other than SA, SD and SS, written
 * "1234 AB". Residents type "1234ab", "1234 ab" or " 1234AB "; all become "1234 AB".
 */
public final class PostalCodes {

    /** The written form after {@link #normalise}: what the validators check. */
    public static final String PATTERN = "^[1-9][0-9]{3} (?!SA|SD|SS)[A-Z]{2}$";
    public static final String MESSAGE = "Vul een postcode in met 4 cijfers en 2 letters, bijvoorbeeld 3601 AB.";

    private static final Pattern LOOSE = Pattern.compile("^\\s*([0-9]{4})\\s*([A-Za-z]{2})\\s*$");

    private PostalCodes() {
    }

    /** "1234ab" becomes "1234 AB"; anything else is returned unchanged (and refused by {@link #PATTERN}). */
    public static String normalise(String postalCode) {
        if (postalCode == null) {
            return null;
        }
        var matcher = LOOSE.matcher(postalCode);
        return matcher.matches() ? matcher.group(1) + " " + matcher.group(2).toUpperCase(Locale.ROOT) : postalCode;
    }

    public static boolean valid(String postalCode) {
        return postalCode != null && postalCode.matches(PATTERN);
    }
}
