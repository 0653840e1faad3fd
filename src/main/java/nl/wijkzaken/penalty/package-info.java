/**
 * The penalty for late decisions (dwangsom bij niet tijdig beslissen, Awb 4:17-4:18): the notice of default from
 * the status page or registered by the front office, the process "Dwangsom bij niet tijdig beslissen"
 * ({@code processes/penalty.bpmn}) and its beans, and the penalty's state in words for the status page and the dossier.
 * The arithmetic is {@link nl.wijkzaken.deadline.PenaltyForLateDecision}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"casefile", "deadline", "models", "refusal", "security", "shared"})
package nl.wijkzaken.penalty;
