package nl.wijkzaken.residents;

class IdempotencyConflictException extends RuntimeException {
    IdempotencyConflictException() {
        super("Idempotency-Key reused with a different request");
    }
}
