package nl.wijkzaken.budget;

import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import nl.wijkzaken.neighbourhood.Neighbourhoods;

/**
 * The ledger's rules on H2 as a slice: the ledger and the neighbourhoods over an embedded database with the Flyway
 * schema, no engine. Without the slice's test transaction, so the ledger's own transactions (and a caller's
 * rollback) behave as in the application; each test owns a fresh neighbourhood.
 */
@JdbcTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({BudgetLedger.class, Neighbourhoods.class})
class BudgetLedgerTest extends BudgetLedgerContract {
}
