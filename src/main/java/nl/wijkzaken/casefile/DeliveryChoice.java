package nl.wijkzaken.casefile;

import java.time.LocalDateTime;

/**
 * How and where a resident receives decisions, as the case file keeps it: the postal address (Awb 4:2) and the channel
 * ({@code post} or {@code e-mail}, the codes of {@code intake.DecisionChannel}) with the express consent for e-mail
 * (Awb 2:8): when it was given, where ({@code intake.ConsentSource} code) and when it was withdrawn. Times are wall-clock
 * times in the municipality's zone. {@code channel} is null for cases registered before the rule.
 */
public record DeliveryChoice(String postalStreet, String postalHouseNumber, String postalCode, String postalPlace,
                             String channel, LocalDateTime emailConsentAt, String emailConsentSource,
                             LocalDateTime emailConsentWithdrawnAt) {

    /** "Straatweg 1, 3621 AB Breukelen"; null when no address was recorded. */
    public String addressLine() {
        if (postalStreet == null) {
            return null;
        }
        return postalStreet + " " + postalHouseNumber + ", " + postalCode + " " + postalPlace;
    }

    /** Consent for e-mail holds now: given and not withdrawn. */
    public boolean emailConsentHolds() {
        return emailConsentAt != null && emailConsentWithdrawnAt == null;
    }
}
