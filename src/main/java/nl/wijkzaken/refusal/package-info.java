/**
 * How the application refuses: one exception type with a Dutch message ({@link nl.wijkzaken.refusal.Refusal}),
 * answered once for the engine REST API and Tasklist and once for our own Spring MVC API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package nl.wijkzaken.refusal;
