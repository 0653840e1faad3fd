package nl.wijkzaken.budget;

import nl.wijkzaken.support.ApplicationTest;

/** The ledger inside engine steps on H2, in the shared application test context. */
@ApplicationTest
class BudgetInEngineStepsTest extends BudgetInEngineStepsContract {
}
