package nl.wijkzaken.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;

import nl.wijkzaken.neighbourhood.Neighbourhood;
import nl.wijkzaken.neighbourhood.Neighbourhoods;
import nl.wijkzaken.support.CaseFileData;

/**
 * The register over its own tables only (an embedded H2 with the Flyway migrations, no engine): every search
 * filter, their combination, paging, newest receipt first, and what a case file reads back. Each test runs in a
 * transaction that is rolled back, so these cases are the only ones.
 */
@JdbcTest
@Import({CaseFileRegister.class, CaseFiles.class, Neighbourhoods.class})
class CaseFileRegisterSearchTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Autowired CaseFileRegister register;
    @Autowired CaseFiles caseFiles;
    @Autowired Neighbourhoods neighbourhoods;

    @BeforeEach
    void threeCases() {
        neighbourhoods.register(new Neighbourhood("breukelen", "Breukelen"));
        neighbourhoods.register(new Neighbourhood("loenen", "Loenen"));
        CaseFileData data = new CaseFileData(caseFiles);
        data.decided("BV-2026-000101", "breukelen", DAY, Outcome.TOEGEKEND, "gebiedsmanager", "gebiedsmanager", -10);
        data.decided("BV-2026-000102", "loenen", DAY.plusDays(1), Outcome.AFGEWEZEN, "wm.loenen", "wijkmanager-loenen", 4);
        data.open("BV-2026-000103", "breukelen", DAY.plusDays(2));
    }

    @Test
    void aCaseFileReadsBackWhoDecidedWhenAndWhetherLate() {
        CaseFileEntry late = register.find("BV-2026-000102").orElseThrow();

        assertThat(late.neighbourhood()).isEqualTo("loenen");
        assertThat(late.receivedOn()).isEqualTo(DAY.plusDays(1));
        assertThat(late.legalDeadline()).isEqualTo(DAY.plusDays(1).plusWeeks(8));
        assertThat(late.status()).isEqualTo(CaseStatus.AFGEHANDELD.text());
        assertThat(late.outcome()).isEqualTo(Outcome.AFGEWEZEN.code());
        assertThat(late.decidedBy()).isEqualTo("wm.loenen");
        assertThat(late.decidingGroup()).isEqualTo("wijkmanager-loenen");
        assertThat(late.decidedOn()).isEqualTo(late.legalDeadline().plusDays(4));
        assertThat(late.decidedAfterDeadline()).isTrue();
        assertThat(register.find("BV-2026-000101").orElseThrow().decidedAfterDeadline()).isFalse();
        assertThat(register.find("BV-2026-000103").orElseThrow()).satisfies(running -> {
            assertThat(running.outcome()).isNull();
            assertThat(running.decidedAfterDeadline()).isNull();
        });
        assertThat(register.find("BV-2026-999999")).isEmpty();
    }

    @Test
    void withoutCriteriaEveryCaseIsFoundNewestReceiptFirst() {
        assertThat(numbers(search(null, null, null, null, null, null, null, 0, 20)))
                .containsExactly("BV-2026-000103", "BV-2026-000102", "BV-2026-000101");
    }

    @Test
    void eachFilterNarrowsTheSearch() {
        assertThat(numbers(search("000102", null, null, null, null, null, null, 0, 20))).containsExactly("BV-2026-000102");
        assertThat(numbers(search(null, "breukelen", null, null, null, null, null, 0, 20)))
                .containsExactly("BV-2026-000103", "BV-2026-000101");
        assertThat(numbers(search(null, null, DAY.plusDays(1), null, null, null, null, 0, 20)))
                .containsExactly("BV-2026-000103", "BV-2026-000102");
        assertThat(numbers(search(null, null, null, DAY.plusDays(1), null, null, null, 0, 20)))
                .containsExactly("BV-2026-000102", "BV-2026-000101");
        assertThat(numbers(search(null, null, DAY.plusDays(1), DAY.plusDays(1), null, null, null, 0, 20)))
                .as("both ends of the period included").containsExactly("BV-2026-000102");
        assertThat(numbers(search(null, null, null, null, "toegekend", null, null, 0, 20))).containsExactly("BV-2026-000101");
        assertThat(numbers(search(null, null, null, null, null, List.of("gebiedsmanager", "wethouder"), null, 0, 20)))
                .containsExactly("BV-2026-000101");
        assertThat(numbers(search(null, null, null, null, null, null, true, 0, 20))).containsExactly("BV-2026-000102");
        assertThat(numbers(search(null, null, null, null, null, null, false, 0, 20)))
                .as("a running case is neither late nor in time").containsExactly("BV-2026-000101");
    }

    @Test
    void filtersCombineAndAnEmptyGroupListMatchesNothing() {
        assertThat(numbers(search("bv-2026", "loenen", DAY, DAY.plusDays(2), "afgewezen",
                List.of("wijkmanager-loenen", "wijkmanager-breukelen"), true, 0, 20))).containsExactly("BV-2026-000102");
        assertThat(numbers(search(null, "loenen", null, null, "toegekend", null, null, 0, 20))).isEmpty();
        CaseFileSearchResult none = search(null, null, null, null, null, List.of(), null, 0, 20);
        assertThat(none.items()).isEmpty();
        assertThat(none.totalItems()).isZero();
    }

    @Test
    void resultsArePaged() {
        CaseFileSearchResult first = search(null, null, null, null, null, null, null, 0, 2);
        CaseFileSearchResult second = search(null, null, null, null, null, null, null, 1, 2);
        CaseFileSearchResult beyond = search(null, null, null, null, null, null, null, 2, 2);

        assertThat(numbers(first)).containsExactly("BV-2026-000103", "BV-2026-000102");
        assertThat(numbers(second)).containsExactly("BV-2026-000101");
        assertThat(numbers(beyond)).isEmpty();
        assertThat(first.totalItems()).isEqualTo(3);
        assertThat(first.totalPages()).isEqualTo(2);
        assertThat(second.page()).isEqualTo(1);
    }

    @Test
    void wildcardsInACaseNumberAreTakenLiterally() {
        assertThat(search("BV-", null, null, null, null, null, null, 0, 100).totalItems()).isEqualTo(3);
        assertThat(search("%", null, null, null, null, null, null, 0, 100).totalItems()).isZero();
        assertThat(search("BV_", null, null, null, null, null, null, 0, 100).totalItems()).isZero();
        assertThat(search("!", null, null, null, null, null, null, 0, 100).totalItems()).isZero();
        assertThat(numbers(search("bv-2026-000101", null, null, null, null, null, null, 0, 100)))
                .containsExactly("BV-2026-000101");
    }

    private CaseFileSearchResult search(String caseNumber, String neighbourhood, LocalDate from, LocalDate to,
                                        String outcome, List<String> groups, Boolean late, int page, int size) {
        return register.search(new CaseFileSearch(caseNumber, neighbourhood, from, to, outcome, groups, late, page, size));
    }

    private static List<String> numbers(CaseFileSearchResult result) {
        return result.items().stream().map(CaseFileEntry::caseNumber).toList();
    }
}
