package nl.wijkzaken.intake;

/** A request that has become a case: its case number (the process's business key) and process instance. */
public record RegisteredRequest(String caseNumber, String processInstanceId) {
}
