package nl.wijkzaken.audit;

import java.util.Optional;

/**
 * The application's register of cases (its case files), as auditors search and read it. Implemented by the module
 * that owns the case files, so the dossier depends on this contract and not the other way round.
 */
public interface CaseRegister {

    Optional<RegisteredCase> find(String caseNumber);

    /** Newest receipt first; {@link CaseSearch#page()} is zero-based. */
    CaseSearchResult search(CaseSearch search);
}
