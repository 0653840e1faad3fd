package nl.wijkzaken.penalty;

import java.math.BigDecimal;
import java.time.LocalDate;

import nl.wijkzaken.casefile.PenaltyOutcome;
import nl.wijkzaken.deadline.PenaltyForLateDecision;
import nl.wijkzaken.shared.DutchFormat;

/**
 * A case's penalty for a late decision as recorded: the notice of default, day 1, and once it stopped the last day
 * owed and the amount; once fixed (4:18) the outcome, the amount fixed and the payment order.
 *
 * @param lastDayOwed null while it runs, or when the decision was sent before day 1
 * @param stopped     the decision was sent, or day 42 passed
 */
public record PenaltyState(String caseNumber, LocalDate noticeReceivedOn, String noticeChannel, LocalDate firstDay,
                           LocalDate lastDayOwed, boolean stopped, Integer daysOwed, BigDecimal amountOwed,
                           LocalDate fixBy, PenaltyOutcome outcome, BigDecimal fixedAmount, String motivation,
                           String decidedBy, LocalDate fixedOn, String paymentTo, LocalDate paymentDueOn) {

    public enum Phase {
        /** The notice is in; the two weeks of 4:17 lid 3 run. */
        WAITING,
        /** Day 1 has come and the decision was not sent. */
        RUNNING,
        /** The decision was sent (or day 42 passed); to be fixed by decision. */
        STOPPED,
        /** Fixed by decision (4:18), possibly at nothing (4:17 lid 6). */
        FIXED
    }

    public Phase phase(LocalDate today) {
        if (outcome != null) {
            return Phase.FIXED;
        }
        if (stopped) {
            return Phase.STOPPED;
        }
        return today.isBefore(firstDay) ? Phase.WAITING : Phase.RUNNING;
    }

    /** Days owed up to and including today while it runs; the recorded days once it stopped. */
    public int daysSoFar(LocalDate today) {
        return stopped ? (daysOwed == null ? 0 : daysOwed) : PenaltyForLateDecision.daysOwed(firstDay, today);
    }

    public BigDecimal amountSoFar(LocalDate today) {
        return PenaltyForLateDecision.amountFor(daysSoFar(today));
    }

    /** The penalty in words a resident (and an auditor) reads, as it stands {@code today}. */
    public String inWords(LocalDate today) {
        return switch (phase(today)) {
            case WAITING -> "Wij hebben uw ingebrekestelling ontvangen op " + DutchFormat.date(noticeReceivedOn)
                    + ". Versturen wij het besluit niet uiterlijk " + DutchFormat.date(firstDay.minusDays(1))
                    + ", dan betalen wij u vanaf " + DutchFormat.date(firstDay)
                    + " een dwangsom voor elke dag dat het besluit later komt (artikel 4:17 van de Algemene wet bestuursrecht).";
            case RUNNING -> "De dwangsom loopt sinds " + DutchFormat.date(firstDay) + ". Tot en met vandaag is dat "
                    + days(daysSoFar(today)) + ", samen " + DutchFormat.euro(amountSoFar(today))
                    + ". De dwangsom loopt tot de dag dat wij het besluit versturen, hoogstens 42 dagen ("
                    + DutchFormat.euro(PenaltyForLateDecision.MAXIMUM) + ").";
            case STOPPED -> lastDayOwed == null
                    ? "Wij hebben het besluit verstuurd binnen twee weken na uw ingebrekestelling. Er is daarom geen dwangsom verschuldigd."
                    : "De dwangsom is gestopt op " + DutchFormat.date(lastDayOwed) + ", na " + days(daysSoFar(today))
                    + ": samen " + DutchFormat.euro(amountOwed) + ". Wij stellen de dwangsom uiterlijk "
                    + DutchFormat.date(fixBy) + " vast bij besluit (artikel 4:18 van de Algemene wet bestuursrecht).";
            case FIXED -> outcome.owed()
                    ? "Wij hebben op " + DutchFormat.date(fixedOn) + " besloten de dwangsom vast te stellen op "
                    + DutchFormat.euro(fixedAmount) + " (" + days(daysSoFar(today)) + "). Wij betalen dit bedrag uiterlijk "
                    + DutchFormat.date(paymentDueOn) + " aan " + paymentTo + "."
                    : "Wij hebben op " + DutchFormat.date(fixedOn) + " besloten dat geen dwangsom verschuldigd is. "
                    + outcome.label() + ".";
        };
    }

    private static String days(int days) {
        return days == 1 ? "1 dag" : days + " dagen";
    }
}
