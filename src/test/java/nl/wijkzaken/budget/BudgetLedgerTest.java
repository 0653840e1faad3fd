package nl.wijkzaken.budget;

import org.springframework.boot.test.context.SpringBootTest;

/** The ledger on H2, in the shared application test context. */
@SpringBootTest
class BudgetLedgerTest extends BudgetLedgerContract {
}
