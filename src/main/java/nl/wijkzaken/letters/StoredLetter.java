package nl.wijkzaken.letters;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A letter as stored with its case. {@code sentOn} and {@code channel} are null until it went out.
 *
 * @param channel "e-mail" or "post"
 */
public record StoredLetter(long id, String caseNumber, LetterKind kind, String fileName, Instant createdAt,
                           Instant sentAt, LocalDate sentOn, String channel) {

    public boolean sent() {
        return sentOn != null;
    }

    /** In Dutch, for the dossier and the status page: "per e-mail", "per post". */
    public String channelWords() {
        return channel == null ? null : "per " + channel;
    }
}
