package nl.wijkzaken.casefile;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;


/**
 * The case files as a register to search and read (the auditors' search): on the indexed columns (V40), newest
 * receipt first. Published for the modules on top (audit) so they read case files without knowing the table.
 */
@Component
public class CaseFileRegister {

    private final JdbcClient jdbc;

    CaseFileRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CaseFileEntry> find(String caseNumber) {
        return jdbc.sql("SELECT * FROM case_file WHERE case_number = ?").param(caseNumber)
                .query(CaseFileRegister::registered).optional();
    }

    /** Newest receipt first; {@link CaseFileSearch#page()} is zero-based. */
    public CaseFileSearchResult search(CaseFileSearch search) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (search.caseNumber() != null) {
            where.append(" AND case_number LIKE ? ESCAPE '!'");
            params.add("%" + search.caseNumber().toUpperCase(Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (search.neighbourhood() != null) {
            where.append(" AND neighbourhood = ?");
            params.add(search.neighbourhood());
        }
        if (search.receivedFrom() != null) {
            where.append(" AND received_on >= ?");
            params.add(Date.valueOf(search.receivedFrom()));
        }
        if (search.receivedTo() != null) {
            where.append(" AND received_on <= ?");
            params.add(Date.valueOf(search.receivedTo()));
        }
        if (search.outcome() != null) {
            where.append(" AND outcome = ?");
            params.add(search.outcome());
        }
        if (search.decidingGroups() != null) {
            if (search.decidingGroups().isEmpty()) {
                return new CaseFileSearchResult(List.of(), 0, search.page(), search.size());
            }
            where.append(" AND deciding_group IN (")
                    .append(String.join(", ", search.decidingGroups().stream().map(group -> "?").toList())).append(')');
            params.addAll(search.decidingGroups());
        }
        if (search.decidedAfterDeadline() != null) {
            where.append(" AND decided_after_deadline = ?");
            params.add(search.decidedAfterDeadline());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM case_file" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(search.size());
        pageParams.add((long) search.page() * search.size());
        List<CaseFileEntry> items = jdbc.sql("SELECT * FROM case_file" + where
                        + " ORDER BY received_on DESC, case_number DESC LIMIT ? OFFSET ?")
                .params(pageParams).query(CaseFileRegister::registered).list();
        return new CaseFileSearchResult(items, total, search.page(), search.size());
    }

    private static CaseFileEntry registered(ResultSet rs, int row) throws SQLException {
        boolean late = rs.getBoolean("decided_after_deadline");
        Boolean decidedAfterDeadline = rs.wasNull() ? null : late;
        return new CaseFileEntry(rs.getString("case_number"), rs.getString("title"), rs.getString("neighbourhood"),
                rs.getString("category"), rs.getBigDecimal("amount_requested"), rs.getString("owner_group"),
                localDate(rs, "received_on"), localDate(rs, "legal_deadline"), localDate(rs, "suspended_since"),
                rs.getBoolean("deadline_extended"), CaseStatus.valueOf(rs.getString("status_code")).text(),
                rs.getString("outcome"), rs.getBigDecimal("decided_amount"), rs.getString("decided_by"),
                rs.getString("deciding_group"), localDate(rs, "decided_on"), decidedAfterDeadline);
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
