package nl.wijkzaken.audit;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import nl.wijkzaken.budget.BudgetLedger;
import nl.wijkzaken.budget.MovementType;
import nl.wijkzaken.shared.DutchFormat;

/** The buurtbudget movements of a case (reservations, releases), for the dossier. */
@Component
class BudgetEntries implements DossierSource {

    private final BudgetLedger ledger;

    BudgetEntries(BudgetLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public List<DossierEntry> entriesFor(String caseNumber) {
        return ledger.movementsOfCase(caseNumber).stream()
                .map(movement -> new DossierEntry(movement.occurredAt().toInstant(), DossierEntry.Kind.BUDGET,
                        movement.actor(),
                        "Buurtbudget: " + DutchFormat.euro(movement.amount().negate()) + " " + describe(movement.type())
                                + (movement.reason() == null ? "" : " (" + movement.reason() + ")"),
                        Map.of("movementId", movement.id(), "type", movement.type().name(), "amount", movement.amount())))
                .toList();
    }

    private static String describe(MovementType type) {
        return switch (type) {
            case RESERVATION -> "gereserveerd";
            case RELEASE -> "vrijgegeven";
            case BUDGET_SET, BUDGET_CHANGE -> "budget vastgesteld";
            case INTERNAL_ALLOCATION -> "intern toegewezen aan werk van de gemeente";
        };
    }
}
