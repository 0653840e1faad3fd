/**
 * The residents' public pages and API: the request form, the status page with its token, supplements.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"casefile", "deadline", "intake", "letters", "mail", "models", "neighbourhood", "penalty", "refusal", "shared", "subsidy", "supplement"})
package nl.wijkzaken.residents;
