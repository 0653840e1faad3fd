package nl.wijkzaken.deadline;

/**
 * The result of a notice of extension (Awb 4:14): {@code legal} is the deadline that counts for 4:17 after the
 * notice, {@code announced} the date the resident was told. Under a reasonable term they are the same; under a term
 * set by regulation {@code legal} is the deadline as it was.
 */
public record Extension(LegalDeadline legal, LegalDeadline announced, TermKind kind, long days) {

    public boolean movedLegalDeadline() {
        return kind.extensionMovesDeadline();
    }
}
