package nl.wijkzaken.casefile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;


/**
 * The case files as a register to search and read (the auditors' search): on the indexed columns (V40), newest
 * receipt first. Published for the modules on top (audit) so they read case files without knowing the table.
 */
@Component
public class CaseFileRegister {

    private static final String SELECT = """
            SELECT case_number, title, neighbourhood, category, amount_requested, owner_group, received_on,
                   legal_deadline, suspended_since, deadline_extended, status_code, outcome, decided_amount,
                   decided_by, deciding_group, decided_on, decided_after_deadline
            FROM case_file""";

    private final JdbcClient jdbc;

    CaseFileRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CaseFileEntry> find(String caseNumber) {
        return jdbc.sql(SELECT + " WHERE case_number = :caseNumber").param("caseNumber", caseNumber)
                .query(CaseFileRow.class).optional().map(CaseFileRow::registered);
    }

    public CaseFileSearchResult search(CaseFileSearch search) {
        if (search.decidingGroups() != null && search.decidingGroups().isEmpty()) {
            return new CaseFileSearchResult(List.of(), 0, search.page(), search.size());
        }
        // Only the criteria that are given become conditions, so each query can use its column's index.
        List<String> conditions = new ArrayList<>(List.of("1 = 1"));
        Map<String, Object> params = new HashMap<>();
        if (search.caseNumber() != null) {
            conditions.add("case_number LIKE :caseNumber ESCAPE '!'");
            params.put("caseNumber", "%" + search.caseNumber().toUpperCase(Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (search.neighbourhood() != null) {
            conditions.add("neighbourhood = :neighbourhood");
            params.put("neighbourhood", search.neighbourhood());
        }
        if (search.receivedFrom() != null) {
            conditions.add("received_on >= :receivedFrom");
            params.put("receivedFrom", search.receivedFrom());
        }
        if (search.receivedTo() != null) {
            conditions.add("received_on <= :receivedTo");
            params.put("receivedTo", search.receivedTo());
        }
        if (search.outcome() != null) {
            conditions.add("outcome = :outcome");
            params.put("outcome", search.outcome());
        }
        if (search.decidingGroups() != null) {
            conditions.add("deciding_group IN (:decidingGroups)");
            params.put("decidingGroups", search.decidingGroups());
        }
        if (search.decidedAfterDeadline() != null) {
            conditions.add("decided_after_deadline = :decidedAfterDeadline");
            params.put("decidedAfterDeadline", search.decidedAfterDeadline());
        }
        String where = " WHERE " + String.join(" AND ", conditions);
        long total = jdbc.sql("SELECT COUNT(*) FROM case_file" + where).params(params).query(Long.class).single();
        List<CaseFileEntry> items = jdbc.sql(SELECT + where
                        + " ORDER BY received_on DESC, case_number DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", search.size()).param("offset", (long) search.page() * search.size())
                .query(CaseFileRow.class).list().stream().map(CaseFileRow::registered).toList();
        return new CaseFileSearchResult(items, total, search.page(), search.size());
    }

    /** A row of case_file as selected above; JdbcClient maps the columns onto the components by name. */
    private record CaseFileRow(String caseNumber, String title, String neighbourhood, String category,
                               BigDecimal amountRequested, String ownerGroup, LocalDate receivedOn,
                               LocalDate legalDeadline, LocalDate suspendedSince, boolean deadlineExtended,
                               String statusCode, String outcome, BigDecimal decidedAmount, String decidedBy,
                               String decidingGroup, LocalDate decidedOn, Boolean decidedAfterDeadline) {

        CaseFileEntry registered() {
            return new CaseFileEntry(caseNumber, title, neighbourhood, category, amountRequested, ownerGroup,
                    receivedOn, legalDeadline, suspendedSince, deadlineExtended, CaseStatus.valueOf(statusCode).text(),
                    outcome, decidedAmount, decidedBy, decidingGroup, decidedOn, decidedAfterDeadline);
        }
    }
}
