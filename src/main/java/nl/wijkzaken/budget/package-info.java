/**
 * The buurtbudget ledger per neighbourhood and year: published {@code BudgetLedger} (reserve, release,
 * movements of a case) and its staff API; controller and rules in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"neighbourhood", "refusal", "security", "shared"})
package nl.wijkzaken.budget;
