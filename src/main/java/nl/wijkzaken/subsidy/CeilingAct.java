package nl.wijkzaken.subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One setting or change of a neighbourhood's subsidy ceiling (Awb 4:25), with its publication and who recorded it. */
public record CeilingAct(long id, long regulationId, String neighbourhood, BigDecimal amount,
                         String publicationReference, LocalDate publishedOn, String recordedBy,
                         OffsetDateTime recordedAt, String reason) {
}
