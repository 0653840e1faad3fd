/**
 * The Awb term rules (legal deadline, reminder, escalation, extension) and the Algemene termijnenwet
 * ({@link nl.wijkzaken.deadline.LegalCalendar}), plain date arithmetic.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package nl.wijkzaken.deadline;
