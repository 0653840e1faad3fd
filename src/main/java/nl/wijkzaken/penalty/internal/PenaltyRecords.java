package nl.wijkzaken.penalty.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.wijkzaken.casefile.PenaltyOutcome;
import nl.wijkzaken.penalty.PenaltyState;
import nl.wijkzaken.shared.EngineClock;

/** The {@code penalty} table: one row per case with a notice of default; written in the engine's transaction. */
@Repository
public class PenaltyRecords {

    private final JdbcClient jdbc;

    public PenaltyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PenaltyState> find(String caseNumber) {
        return jdbc.sql("SELECT * FROM penalty WHERE case_number = ?").param(caseNumber)
                .query(PenaltyRecords::state).optional();
    }

    void noticeReceived(String caseNumber, String processInstanceId, LocalDate receivedOn, String channel,
                        String registeredBy, LocalDate firstDay) {
        jdbc.sql("""
                INSERT INTO penalty (case_number, process_instance_id, notice_received_on, notice_channel, registered_by,
                  registered_at, first_day)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(caseNumber, processInstanceId, Date.valueOf(receivedOn), channel, registeredBy,
                        Timestamp.valueOf(EngineClock.localNow()), Date.valueOf(firstDay))
                .update();
    }

    void stopped(String caseNumber, LocalDate lastDayOwed, int days, BigDecimal amount, LocalDate fixBy) {
        jdbc.sql("""
                UPDATE penalty SET stopped = TRUE, last_day_owed = ?, days_owed = ?, amount_owed = ?, fix_by = ?
                WHERE case_number = ?""")
                .params(lastDayOwed == null ? null : Date.valueOf(lastDayOwed), days, amount,
                        fixBy == null ? null : Date.valueOf(fixBy), caseNumber)
                .update();
    }

    void fixed(String caseNumber, PenaltyOutcome outcome, BigDecimal amount, String motivation, String decidedBy,
               LocalDate fixedOn, String paymentTo, LocalDate paymentDueOn) {
        jdbc.sql("""
                UPDATE penalty SET outcome = ?, fixed_amount = ?, motivation = ?, decided_by = ?, fixed_on = ?,
                  payment_to = ?, payment_due_on = ?
                WHERE case_number = ?""")
                .params(outcome.code(), amount, motivation, decidedBy, Date.valueOf(fixedOn), paymentTo,
                        paymentDueOn == null ? null : Date.valueOf(paymentDueOn), caseNumber)
                .update();
    }

    private static PenaltyState state(ResultSet rs, int row) throws SQLException {
        int days = rs.getInt("days_owed");
        Integer daysOwed = rs.wasNull() ? null : days;
        String outcome = rs.getString("outcome");
        return new PenaltyState(rs.getString("case_number"), date(rs, "notice_received_on"), rs.getString("notice_channel"),
                date(rs, "first_day"), date(rs, "last_day_owed"), rs.getBoolean("stopped"), daysOwed,
                rs.getBigDecimal("amount_owed"), date(rs, "fix_by"),
                outcome == null ? null : PenaltyOutcome.ofCode(outcome).orElseThrow(
                        () -> new IllegalStateException("Onbekende uitkomst van een dwangsombesluit: " + outcome)),
                rs.getBigDecimal("fixed_amount"), rs.getString("motivation"), rs.getString("decided_by"),
                date(rs, "fixed_on"), rs.getString("payment_to"), date(rs, "payment_due_on"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
