/**
 * Auditors' dossier, search and model-deployment pages. On top: reads the published APIs of the modules below
 * (case files, budget movements, mails, model refusals) and builds its own entries; nobody depends on audit.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"budget", "casefile", "letters", "mail", "models", "neighbourhood", "penalty", "refusal", "security", "shared", "subsidy"})
package nl.wijkzaken.audit;
