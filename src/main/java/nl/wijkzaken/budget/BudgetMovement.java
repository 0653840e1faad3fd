package nl.wijkzaken.budget;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One line of the ledger: who moved how much, when, why, and for which case (if any). */
public record BudgetMovement(long id, MovementType type, String caseNumber, BigDecimal amount, String actor,
                             OffsetDateTime occurredAt, String reason) {
}
