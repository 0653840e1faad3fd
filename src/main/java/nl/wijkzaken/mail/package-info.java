/**
 * Mail to residents: templates, the mailer with its delivery guarantee, and the published mail history
 * of a case; templates in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package nl.wijkzaken.mail;
