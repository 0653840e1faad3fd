package nl.wijkzaken.intake;

/** A started request: its case number (= business key) and process instance. */
public record RegisteredRequest(String caseNumber, String processInstanceId) {
}
