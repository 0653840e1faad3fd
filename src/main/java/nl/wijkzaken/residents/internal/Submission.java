package nl.wijkzaken.residents.internal;

/** The answer to a submission: the case number and the status token; {@code replay} for a repeated Idempotency-Key. */
record Submission(String caseNumber, String token, boolean replay) {
}
