package nl.wijkzaken.casefile;

import java.time.LocalDate;
import java.util.Collection;

/**
 * What auditors search cases on; a null criterion does not filter. {@code caseNumber} matches part of the
 * number; the period is the day of receipt (both ends included); {@code decidingGroups} are the groups of the
 * requested deciding role (an empty collection matches nothing).
 */
public record CaseFileSearch(String caseNumber, String neighbourhood, LocalDate receivedFrom, LocalDate receivedTo,
                         String outcome, Collection<String> decidingGroups, Boolean decidedAfterDeadline,
                         int page, int size) {
}
