package nl.wijkzaken.audit;

import java.util.Optional;

import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.subsidy.AllocationPosition;
import nl.wijkzaken.subsidy.Allocations;
import nl.wijkzaken.subsidy.CeilingInForce;

/**
 * The dossier's "Subsidieregeling, plafond en volgorde" for a subsidy application (Awb 4:23, 4:25-4:27): the
 * regulation and its legal basis, the ceiling that counted for this application with its publication, the allocation
 * rule and the application's place in the order, as the subsidy module keeps them now.
 */
record AllocationView(String regulation, String ceiling, String order) {

    /** Empty for a verzoek and for an application that never became complete (no place in the order). */
    static Optional<AllocationView> of(Allocations allocations, String caseNumber) {
        return allocations.position(caseNumber).map(AllocationView::of);
    }

    private static AllocationView of(AllocationPosition position) {
        CeilingInForce ceiling = position.ceiling();
        if (ceiling == null) {
            return new AllocationView(null, "Geen bruikbaar subsidieplafond: " + position.whyNoCeiling(),
                    "Plaats in de volgorde: " + position.placeWords());
        }
        String regulation = ceiling.regulation().name() + " (grondslag: " + ceiling.regulation().legalBasis() + "; "
                + ceiling.regulation().publicationReference() + ")";
        String amount = DutchFormat.euro(ceiling.amount()) + " voor " + position.neighbourhoodName() + " in "
                + position.year() + " (" + ceiling.applied().publicationReference() + ", bekendgemaakt op "
                + DutchFormat.date(ceiling.applied().publishedOn()) + ")";
        if (ceiling.current().amount().compareTo(ceiling.amount()) < 0) {
            amount += "; later verlaagd tot " + DutchFormat.euro(ceiling.current().amount())
                    + ", wat deze aanvraag niet raakt (artikel 4:27 lid 2 Awb)";
        }
        return new AllocationView(regulation, amount, "Verdeeld " + ceiling.regulation().allocationRule().words()
                + "; deze aanvraag: " + position.placeWords());
    }
}
