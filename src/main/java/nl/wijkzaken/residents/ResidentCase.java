package nl.wijkzaken.residents;

import java.time.Instant;

/** What the residents' own table knows about a case. */
record ResidentCase(String caseNumber, String processInstanceId, String title, String neighbourhood, Instant receivedAt) {
}
