/**
 * Authentication, authorization (role grants), the form guard and request hygiene. Apart: nobody
 * depends on security except through the role lookup it publishes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"refusal"})
package nl.wijkzaken.security;
