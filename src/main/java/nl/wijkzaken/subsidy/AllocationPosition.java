package nl.wijkzaken.subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import nl.wijkzaken.shared.DutchFormat;

/**
 * Where one application stands in the allocation of its neighbourhood's ceiling of its period, computed live
 * ({@link Allocations#position}, {@link Allocations#lockedPosition}).
 * <p>
 * Available to this application (Awb 4:25 lid 2 with the allocation rule of 4:26, "in volgorde van ontvangst van
 * volledige aanvragen"): the ceiling that counts for it (4:27 lid 2: the higher of the ceiling at receipt and the
 * current one) minus everything granted in that neighbourhood and period minus the amounts asked by applications that
 * became complete earlier and are still undecided. Later applications never reduce it.
 *
 * @param place the place in the order (1 = first complete), 0 when the application holds no claim
 * @param claims how many applications of this neighbourhood and period hold a place
 * @param ceiling the ceiling that counts; null when there is no usable ceiling ({@code whyNoCeiling} says why)
 * @param granted granted to other applications in this neighbourhood and period (the ledger's reservations)
 * @param claimedEarlier asked by earlier complete applications that are still undecided
 * @param earlierOpen how many those are
 */
public record AllocationPosition(String caseNumber, String neighbourhood, String neighbourhoodName, int year,
                                 LocalDate completeOn, LocalDateTime completeAt, int place, int claims,
                                 ClaimState state, BigDecimal asked, CeilingInForce ceiling, String whyNoCeiling,
                                 BigDecimal granted, BigDecimal claimedEarlier, int earlierOpen) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    public boolean hasCeiling() {
        return ceiling != null;
    }

    /** What may still be granted to this application; never below zero. */
    public BigDecimal available() {
        if (ceiling == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal left = ceiling.amount().subtract(granted).subtract(claimedEarlier);
        return left.signum() < 0 ? BigDecimal.ZERO.setScale(2) : left.setScale(2);
    }

    /** Whether granting {@code amount} stays within the ceiling for this application (Awb 4:25 lid 2). */
    public boolean covers(BigDecimal amount) {
        return ceiling != null && available().compareTo(amount) >= 0;
    }

    /** "nummer 7 van 12 (volledig op 3 maart 2026 om 10:15:02)"; "geen plaats" without a claim. */
    public String placeWords() {
        if (place == 0) {
            return "nog geen plaats in de volgorde (de aanvraag is nog niet volledig)";
        }
        return "nummer " + place + " van " + claims + " (volledig op " + DutchFormat.date(completeOn) + " om "
                + TIME.format(completeAt) + ")";
    }

    /**
     * The reasons a partial grant limited by the ceiling, or a refusal because the ceiling is reached, gives
     * (Awb 3:46 with 4:25 lid 2, 4:26 and, when the ceiling was lowered after receipt, 4:27 lid 2): the ceiling with
     * its regulation and publication, the allocation rule and this application's place in the order.
     */
    public String reasons() {
        if (ceiling == null) {
            return whyNoCeiling + ". Daarom kan geen subsidie worden verleend.";
        }
        SubsidyRegulation regulation = ceiling.regulation();
        StringBuilder text = new StringBuilder()
                .append("Voor ").append(neighbourhoodName).append(" is voor ").append(year)
                .append(" een subsidieplafond vastgesteld van ").append(DutchFormat.euro(ceiling.amount()))
                .append(" (").append(ceiling.applied().publicationReference()).append(", bekendgemaakt op ")
                .append(DutchFormat.date(ceiling.applied().publishedOn())).append("), onder de ")
                .append(regulation.name()).append(" (").append(regulation.legalBasis()).append("). ");
        if (ceiling.current().amount().compareTo(ceiling.amount()) < 0) {
            text.append("Het plafond is na ontvangst van uw aanvraag verlaagd tot ")
                    .append(DutchFormat.euro(ceiling.current().amount()))
                    .append("; voor uw aanvraag geldt het plafond zoals het gold toen zij werd ontvangen (artikel 4:27 lid 2 Awb). ");
        }
        text.append("Het plafond wordt verdeeld ").append(regulation.allocationRule().words())
                .append(" (artikel 4:26 Awb). Uw aanvraag was volledig op ").append(DutchFormat.date(completeOn))
                .append(" en is ").append(place == 0 ? "achter alle eerder volledige aanvragen geplaatst" : "nummer " + place)
                .append(" in die volgorde. Van het plafond is al ").append(DutchFormat.euro(granted)).append(" verleend");
        if (earlierOpen > 0) {
            text.append(" en vragen ").append(earlierOpen).append(earlierOpen == 1 ? " eerder volledige aanvraag" : " eerder volledige aanvragen")
                    .append(" waarop nog niet is beslist samen ").append(DutchFormat.euro(claimedEarlier));
        }
        text.append(". Voor uw aanvraag is daardoor ").append(DutchFormat.euro(available()))
                .append(" beschikbaar van de gevraagde ").append(DutchFormat.euro(asked))
                .append(". Subsidie wordt geweigerd voor zover door verstrekking het subsidieplafond zou worden overschreden (artikel 4:25 lid 2 Awb).");
        return text.toString();
    }

    /**
     * What the resident reads on the status page: the own place and the ceiling (published), never other residents'
     * applications. Null without a place.
     */
    public String residentWords() {
        if (place == 0) {
            return null;
        }
        String text = "Uw aanvraag was volledig op " + DutchFormat.date(completeOn) + " en is nummer " + place
                + " in de volgorde waarin het subsidieplafond wordt verdeeld";
        if (ceiling == null) {
            return text + ".";
        }
        return text + " (" + ceiling.regulation().allocationRule().words() + "; plafond voor " + neighbourhoodName + " "
                + year + ": " + DutchFormat.euro(ceiling.amount()) + ", " + ceiling.regulation().name() + ", "
                + ceiling.applied().publicationReference() + ").";
    }

    /** The live allocation as the decider's form shows it (a few lines, Dutch). */
    public String formText() {
        if (ceiling == null) {
            return "Geen bruikbaar subsidieplafond: " + whyNoCeiling + ".\nAlleen afwijzen is mogelijk.";
        }
        String lowered = ceiling.current().amount().compareTo(ceiling.amount()) < 0
                ? " (later verlaagd tot " + DutchFormat.euro(ceiling.current().amount()) + "; voor deze aanvraag geldt het oude plafond, art. 4:27 lid 2 Awb)"
                : "";
        return "Subsidieplafond " + neighbourhoodName + " " + year + ": " + DutchFormat.euro(ceiling.amount()) + lowered
                + " (" + ceiling.applied().publicationReference() + ")\n"
                + "Al verleend: " + DutchFormat.euro(granted) + "\n"
                + "Gevraagd door " + earlierOpen + " eerder volledige aanvragen zonder besluit: " + DutchFormat.euro(claimedEarlier) + "\n"
                + "Beschikbaar voor deze aanvraag: " + DutchFormat.euro(available()) + " (gevraagd " + DutchFormat.euro(asked) + ")\n"
                + "Plaats in de volgorde: " + placeWords();
    }
}
