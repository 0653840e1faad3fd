/**
 * Supplements to an incomplete request from any channel (Awb 4:5, 4:15; LEGAL.md section 4): staff register one
 * received by post, at the desk or by e-mail with its date of receipt, text and attachments (REST and the Tasklist
 * process "Aanvulling registreren"); the resident sends one from the status page. Each is stored with its attachments
 * and correlates the message {@code aanvulling-ontvangen} of the case, as the process, not with the person's engine
 * rights: only the case's owner group and the front office may register, nobody needs administrator rights.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"casefile", "models", "refusal", "security", "shared"})
package nl.wijkzaken.supplement;
