/**
 * The buurtbudget as the subsidy it is (Awb titel 4.2): the subsidy regulation per period with its legal basis and
 * allocation rule, and the ceiling per neighbourhood as a series of published acts ({@code SubsidyRegulations}).
 * The ceiling's money lives in the {@code budget} ledger: every ceiling act books the ledger of that neighbourhood and
 * year. Staff API, page and rules in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"budget", "models", "neighbourhood", "refusal", "security", "shared"})
package nl.wijkzaken.subsidy;
