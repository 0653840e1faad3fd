package nl.wijkzaken.casefile;

import java.time.LocalDate;

/**
 * Published (in the sender's transaction) when a case's decision was sent to the resident; the day the Awb counts
 * from for its effect (3:40), the objection term (6:8) and timeliness (4:17).
 *
 * @param channel how it went out, in Dutch words for the dossier ("per e-mail", "per post")
 */
public record DecisionSent(String caseNumber, LocalDate sentOn, String channel) {
}
