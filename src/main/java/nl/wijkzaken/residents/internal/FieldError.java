package nl.wijkzaken.residents.internal;

/** A problem with one field of a request, in words for the resident. */
record FieldError(String field, String message) {
}
