/**
 * The Awb term rules (legal deadline, reminder, escalation, extension), plain date arithmetic.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package nl.wijkzaken.deadline;
