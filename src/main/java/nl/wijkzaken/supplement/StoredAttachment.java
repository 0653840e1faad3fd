package nl.wijkzaken.supplement;

/** An attachment as stored with its supplement: what the dossier lists and staff download. */
public record StoredAttachment(long id, long supplementId, String caseNumber, String fileName, String contentType, int sizeBytes) {
}
