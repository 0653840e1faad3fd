package nl.wijkzaken.subsidy.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import nl.wijkzaken.shared.EngineClock;
import nl.wijkzaken.subsidy.ClaimState;

/**
 * The table {@code allocation_claim}. Only {@code Allocations} uses it, always after it locked the neighbourhood's
 * budget row; the order is complete_on, complete_at, id.
 */
@Repository
public class ClaimStore {

    /** One claim as stored. */
    public record Claim(long id, String caseNumber, String neighbourhood, int year, LocalDate receivedOn,
                        LocalDate completeOn, LocalDateTime completeAt, BigDecimal asked, ClaimState state,
                        BigDecimal granted) {
    }

    /** The earlier undecided claims of one claim: how many, and what they ask together. */
    public record Earlier(int count, BigDecimal asked) {
    }

    private static final String BEFORE = """
            (c.complete_on < ? OR (c.complete_on = ? AND (c.complete_at < ? OR (c.complete_at = ? AND c.id < ?))))""";

    private final JdbcClient jdbc;

    ClaimStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(String caseNumber, String neighbourhood, int year, LocalDate receivedOn, LocalDate completeOn,
                    LocalDateTime completeAt, BigDecimal asked) {
        jdbc.sql("""
                        INSERT INTO allocation_claim (case_number, neighbourhood, period_year, received_on, complete_on,
                            complete_at, amount_asked, state, claimed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseNumber, neighbourhood, year, receivedOn, completeOn, completeAt, asked.setScale(2),
                        ClaimState.OPEN.name(), now())
                .update();
    }

    public Optional<Claim> of(String caseNumber) {
        return jdbc.sql("SELECT * FROM allocation_claim WHERE case_number = ?").param(caseNumber)
                .query((rs, i) -> new Claim(rs.getLong("id"), rs.getString("case_number"), rs.getString("neighbourhood"),
                        rs.getInt("period_year"), rs.getObject("received_on", LocalDate.class),
                        rs.getObject("complete_on", LocalDate.class), rs.getObject("complete_at", LocalDateTime.class),
                        rs.getBigDecimal("amount_asked").setScale(2), ClaimState.valueOf(rs.getString("state")),
                        rs.getBigDecimal("amount_granted")))
                .optional();
    }

    public void settle(String caseNumber, ClaimState state, BigDecimal granted) {
        jdbc.sql("UPDATE allocation_claim SET state = ?, amount_granted = ?, settled_at = ? WHERE case_number = ?")
                .params(state.name(), granted, state == ClaimState.OPEN ? null : now(), caseNumber)
                .update();
    }

    /** Undecided claims ahead of this one in its neighbourhood and period (all of them when {@code claim} is null). */
    public Earlier earlierOpen(String neighbourhood, int year, Claim claim, String caseNumber) {
        String where = "c.neighbourhood = ? AND c.period_year = ? AND c.state = 'OPEN' AND c.case_number <> ?";
        var statement = claim == null
                ? jdbc.sql("SELECT COUNT(*) AS n, COALESCE(SUM(amount_asked), 0) AS asked FROM allocation_claim c WHERE " + where)
                        .params(neighbourhood, year, caseNumber)
                : jdbc.sql("SELECT COUNT(*) AS n, COALESCE(SUM(amount_asked), 0) AS asked FROM allocation_claim c WHERE "
                                + where + " AND " + BEFORE)
                        .params(neighbourhood, year, caseNumber, claim.completeOn(), claim.completeOn(), claim.completeAt(),
                                claim.completeAt(), claim.id());
        return statement.query((rs, i) -> new Earlier(rs.getInt("n"), rs.getBigDecimal("asked").setScale(2))).single();
    }

    /** The place of a claim in its order: 1 + how many claims of any state are ahead of it. */
    public int place(Claim claim) {
        return jdbc.sql("SELECT COUNT(*) FROM allocation_claim c WHERE c.neighbourhood = ? AND c.period_year = ? AND " + BEFORE)
                .params(claim.neighbourhood(), claim.year(), claim.completeOn(), claim.completeOn(), claim.completeAt(),
                        claim.completeAt(), claim.id())
                .query(Integer.class).single() + 1;
    }

    public int count(String neighbourhood, int year) {
        return jdbc.sql("SELECT COUNT(*) FROM allocation_claim WHERE neighbourhood = ? AND period_year = ?")
                .params(neighbourhood, year).query(Integer.class).single();
    }

    private static OffsetDateTime now() {
        return EngineClock.now().atOffset(ZoneOffset.UTC);
    }
}
