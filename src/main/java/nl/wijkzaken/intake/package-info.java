/**
 * Validating and registering a resident's request (online or by staff) as the start of a case.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"models"})
package nl.wijkzaken.intake;
