package nl.wijkzaken.letters;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import nl.wijkzaken.letters.internal.LetterTemplates;
import nl.wijkzaken.shared.EngineClock;

/**
 * The letters of a case (table {@code decision_letter}): prepared when the outcome is known (a draft dated that day,
 * for staff to read and print), rendered again with the day it is sent (the letter's date and the objection term
 * follow from it, Awb 6:8) and stored as sent. Runs in the caller's transaction.
 */
@Service
public class Letters {

    /** The two ways a letter goes out. */
    public static final String EMAIL = "e-mail";
    public static final String POST = "post";

    private final JdbcClient jdbc;
    private final LetterTemplates templates;
    private final PdfTemplates pdf;
    private final ObjectMapper json;

    Letters(JdbcClient jdbc, LetterTemplates templates, PdfTemplates pdf, ObjectMapper json) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.pdf = pdf;
        this.json = json;
    }

    /** The letter as PDF/A, dated {@code sentOn}; stores nothing. */
    public byte[] render(LetterContent content, LocalDate sentOn) {
        return pdf.fromHtml(templates.html(content, sentOn), "brief " + content.kind().code() + " " + content.caseNumber());
    }

    /** Stores the letter with a draft PDF dated today; returns it. */
    public StoredLetter prepare(LetterContent content) {
        LocalDate today = EngineClock.today();
        byte[] draft = render(content, today);
        String fileName = fileName(content);
        Timestamp now = Timestamp.from(EngineClock.now());
        jdbc.sql("""
                        INSERT INTO decision_letter (case_number, kind, file_name, content, pdf, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(content.caseNumber(), content.kind().code(), fileName, toJson(content), draft, now)
                .update();
        long id = jdbc.sql("SELECT MAX(id) FROM decision_letter WHERE case_number = ?").param(content.caseNumber())
                .query(Long.class).single();
        return find(id).orElseThrow();
    }

    /** The stored letter rendered again, dated the day it is sent; stores nothing (see {@link #markSent}). */
    public byte[] renderForSending(long id, LocalDate sentOn) {
        return render(content(id), sentOn);
    }

    /** The letter went out on {@code sentOn} by {@code channel} ({@link #EMAIL} or {@link #POST}) as {@code sentPdf}. */
    public void markSent(long id, byte[] sentPdf, LocalDate sentOn, String channel) {
        if (!EMAIL.equals(channel) && !POST.equals(channel)) {
            throw new IllegalArgumentException("Onbekende verzendwijze: " + channel);
        }
        jdbc.sql("UPDATE decision_letter SET pdf = ?, sent_at = ?, sent_on = ?, channel = ? WHERE id = ?")
                .params(sentPdf, Timestamp.from(EngineClock.now()), Date.valueOf(sentOn), channel, id)
                .update();
    }

    /** The letters of a case, oldest first. */
    public List<StoredLetter> ofCase(String caseNumber) {
        return jdbc.sql("""
                        SELECT id, case_number, kind, file_name, created_at, sent_at, sent_on, channel
                        FROM decision_letter WHERE case_number = ? ORDER BY id""")
                .param(caseNumber)
                .query((rs, row) -> stored(rs))
                .list();
    }

    public Optional<StoredLetter> find(long id) {
        return jdbc.sql("""
                        SELECT id, case_number, kind, file_name, created_at, sent_at, sent_on, channel
                        FROM decision_letter WHERE id = ?""")
                .param(id)
                .query((rs, row) -> stored(rs))
                .optional();
    }

    /** The PDF of a letter of this case (the one sent, or the draft while it waits). */
    public Optional<byte[]> pdf(String caseNumber, long id) {
        return jdbc.sql("SELECT pdf FROM decision_letter WHERE id = ? AND case_number = ?")
                .params(id, caseNumber)
                .query((rs, row) -> rs.getBytes(1))
                .optional();
    }

    /** What the letter says, as prepared. */
    public LetterContent content(long id) {
        String stored = jdbc.sql("SELECT content FROM decision_letter WHERE id = ?").param(id).query(String.class).single();
        try {
            return json.readValue(stored, LetterContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Brief " + id + " is onleesbaar opgeslagen", e);
        }
    }

    /** The function of the signatory for a deciding group, from the configuration (wijkzaken.letters.signatory-functions). */
    public String functionOfGroup(String group) {
        return templates.functionOfGroup(group);
    }

    private static StoredLetter stored(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp sentAt = rs.getTimestamp("sent_at");
        Date sentOn = rs.getDate("sent_on");
        return new StoredLetter(rs.getLong("id"), rs.getString("case_number"),
                LetterKind.ofCode(rs.getString("kind")).orElseThrow(), rs.getString("file_name"),
                rs.getTimestamp("created_at").toInstant(), sentAt == null ? null : sentAt.toInstant(),
                sentOn == null ? null : sentOn.toLocalDate(), rs.getString("channel"));
    }

    private static String fileName(LetterContent content) {
        return content.caseNumber() + "-" + content.kind().code() + ".pdf";
    }

    private String toJson(LetterContent content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
