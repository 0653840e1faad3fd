package nl.wijkzaken.supplement.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import nl.wijkzaken.supplement.Channel;
import nl.wijkzaken.supplement.RegisteredSupplement;
import nl.wijkzaken.supplement.StoredAttachment;

/** The tables {@code supplement} and {@code supplement_attachment} (Flyway V65); in the caller's transaction. */
@Repository
public class SupplementStore {

    private final JdbcClient jdbc;

    SupplementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long add(String caseNumber, LocalDate receivedOn, Channel channel, String text, LocalDateTime registeredAt,
            String registeredBy, List<AttachmentCheck.Checked> attachments) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO supplement (case_number, received_on, channel, supplement_text, registered_at, registered_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(caseNumber, receivedOn, channel.code(), text, Timestamp.valueOf(registeredAt), registeredBy)
                .update(key, "id");
        long id = key.getKey().longValue();
        for (AttachmentCheck.Checked attachment : attachments) {
            jdbc.sql("INSERT INTO supplement_attachment (supplement_id, case_number, file_name, content_type, size_bytes, content)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")
                    .params(id, caseNumber, attachment.fileName(), attachment.type().contentType(), attachment.content().length,
                            attachment.content())
                    .update();
        }
        return id;
    }

    public List<RegisteredSupplement> ofCase(String caseNumber) {
        List<StoredAttachment> attachments = jdbc.sql("SELECT id, supplement_id, case_number, file_name, content_type, size_bytes"
                        + " FROM supplement_attachment WHERE case_number = ? ORDER BY id")
                .param(caseNumber)
                .query((rs, n) -> new StoredAttachment(rs.getLong("id"), rs.getLong("supplement_id"), rs.getString("case_number"),
                        rs.getString("file_name"), rs.getString("content_type"), rs.getInt("size_bytes")))
                .list();
        return jdbc.sql("SELECT * FROM supplement WHERE case_number = ? ORDER BY id").param(caseNumber)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    return new RegisteredSupplement(id, rs.getString("case_number"), rs.getObject("received_on", LocalDate.class),
                            Channel.ofCode(rs.getString("channel")).orElseThrow(), rs.getString("supplement_text"),
                            rs.getTimestamp("registered_at").toLocalDateTime(), rs.getString("registered_by"),
                            attachments.stream().filter(a -> a.supplementId() == id).toList());
                })
                .list();
    }

    /** An attachment with its bytes, only when it belongs to the case. */
    public Optional<Download> attachment(String caseNumber, long id) {
        return jdbc.sql("SELECT file_name, content_type, content FROM supplement_attachment WHERE case_number = ? AND id = ?")
                .params(caseNumber, id)
                .query((rs, n) -> new Download(rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content")))
                .optional();
    }

    public record Download(String fileName, String contentType, byte[] content) {
    }
}
