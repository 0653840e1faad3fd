package nl.wijkzaken.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;


/**
 * Case numbers over their counter table (V10, V11) as a slice: an embedded database with the Flyway schema, no
 * engine. Without the slice's test transaction, so each number is taken in a transaction of its own as the
 * application does; years in which no other test numbers cases.
 */
@JdbcTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import(CaseNumbers.class)
class CaseNumbersTest {

    @Autowired CaseNumbers caseNumbers;
    @Autowired TransactionTemplate transactions;

    @Test
    void numbersAreSequentialPerYearAndUniqueUnderConcurrentStarts() throws Exception {
        String first = transactions.execute(status -> caseNumbers.next(2081));
        assertThat(first).isEqualTo("BV-2081-000001");
        assertThat((String) transactions.execute(status -> caseNumbers.next(2082))).isEqualTo("BV-2082-000001");

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> numbers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Callable<String> take = () -> transactions.execute(status -> caseNumbers.next(2081));
                numbers.add(pool.submit(take));
            }
            List<String> taken = new ArrayList<>();
            for (Future<String> number : numbers) {
                taken.add(number.get());
            }
            assertThat(taken).doesNotHaveDuplicates().hasSize(20).allMatch(n -> n.matches("BV-2081-0000(0[2-9]|1\\d|2[01])"));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aRolledBackStartGivesItsNumberBack() {
        String before = transactions.execute(status -> caseNumbers.next(2083));
        transactions.executeWithoutResult(status -> {
            caseNumbers.next(2083);
            status.setRollbackOnly();
        });
        String after = transactions.execute(status -> caseNumbers.next(2083));
        assertThat(before).isEqualTo("BV-2083-000001");
        assertThat(after).isEqualTo("BV-2083-000002");
    }
}
