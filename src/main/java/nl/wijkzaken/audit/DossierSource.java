package nl.wijkzaken.audit;

import java.util.List;

/**
 * Contributes a module's own records of a case (case events, budget movements, sent mail) to its dossier.
 * Implemented by the modules that keep such records; the dossier merges them with the engine's history.
 */
public interface DossierSource {

    List<DossierEntry> entriesFor(String caseNumber);
}
