package nl.wijkzaken.casefile;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One entry of a case's append-only history. {@code statusText} is resident-facing (null for internal events);
 * deadline events carry the deadline before and after.
 */
public record CaseEvent(
        long id,
        String caseNumber,
        LocalDateTime occurredAt,
        CaseEventType type,
        String statusText,
        String detail,
        String actor,
        LocalDate deadlineBefore,
        LocalDate deadlineAfter) {
}
