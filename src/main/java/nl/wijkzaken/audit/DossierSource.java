package nl.wijkzaken.audit;

import java.util.List;

/**
 * Contributes a module's own records of a case (case events, budget movements, sent mail) to its dossier.
 * Implemented here, in audit, on the query API each of those modules publishes: audit sits on top and reads them,
 * they know nothing of the dossier. The dossier merges these entries with the engine's history.
 */
interface DossierSource {

    List<DossierEntry> entriesFor(String caseNumber);
}
