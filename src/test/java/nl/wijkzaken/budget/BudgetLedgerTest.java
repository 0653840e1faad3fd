package nl.wijkzaken.budget;

import nl.wijkzaken.support.ApplicationTest;

/** The ledger on H2, in the shared application test context. */
@ApplicationTest
class BudgetLedgerTest extends BudgetLedgerContract {
}
