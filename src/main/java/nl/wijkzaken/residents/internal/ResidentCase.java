package nl.wijkzaken.residents.internal;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the residents' own table knows about a case; {@code description}, {@code category} (code) and
 * {@code amountRequested} as the resident submitted them online (null for cases registered by staff).
 */
record ResidentCase(String caseNumber, String processInstanceId, String title, String neighbourhood, Instant receivedAt,
                    String description, String category, BigDecimal amountRequested) {
}
