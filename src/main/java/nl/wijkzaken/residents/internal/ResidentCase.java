package nl.wijkzaken.residents.internal;

import java.time.Instant;

/** What the residents' own table knows about a case. */
record ResidentCase(String caseNumber, String processInstanceId, String title, String neighbourhood, Instant receivedAt) {
}
