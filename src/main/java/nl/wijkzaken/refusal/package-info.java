/**
 * How the application refuses: one exception type with a Dutch message ({@link nl.wijkzaken.refusal.Refusal}),
 * unwrapped once from the engine, answered once for the engine REST API and Tasklist (with the engine's own refusals
 * in Dutch too) and once for our own Spring MVC API; filters write it with the one problem+json writer.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package nl.wijkzaken.refusal;
