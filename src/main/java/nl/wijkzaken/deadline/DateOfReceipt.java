package nl.wijkzaken.deadline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Awb 4:2 and 4:13: every term counts from the date of receipt, the day the request arrived, not the day staff
 * registered it. Online that is the server's day; for post, the desk and e-mail the front office enters the day the
 * letter or mail arrived. That day may not lie in the future, nor more than {@code maxDaysBack} days before the
 * registration ({@code wijkzaken.deadline.receipt-max-days-back}): a plausibility check against typing errors, not a
 * rule of law (a letter that really arrived earlier is entered by the administrator).
 */
public final class DateOfReceipt {

    private final int maxDaysBack;

    public DateOfReceipt(int maxDaysBack) {
        if (maxDaysBack < 0) {
            throw new IllegalArgumentException("maxDaysBack cannot be negative: " + maxDaysBack);
        }
        this.maxDaysBack = maxDaysBack;
    }

    public int maxDaysBack() {
        return maxDaysBack;
    }

    /** The Dutch reason why {@code receivedOn} cannot be the date of receipt of a request registered {@code today}. */
    public Optional<String> problem(LocalDate receivedOn, LocalDate today) {
        if (receivedOn.isAfter(today)) {
            return Optional.of("De datum van ontvangst kan niet in de toekomst liggen.");
        }
        if (ChronoUnit.DAYS.between(receivedOn, today) > maxDaysBack) {
            return Optional.of("De datum van ontvangst kan hoogstens " + maxDaysBack
                    + " dagen voor vandaag liggen; is het verzoek eerder ontvangen, laat de beheerder het dan registreren.");
        }
        return Optional.empty();
    }
}
