package nl.wijkzaken.residents.internal;

/** The kind of request on the status page: "Subsidie uit het buurtbudget" or "Verzoek aan de gemeente", and what that means. */
record StatusRoute(String label, String explanation) {
}
