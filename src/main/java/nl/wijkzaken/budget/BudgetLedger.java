package nl.wijkzaken.budget;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import nl.wijkzaken.neighbourhood.Neighbourhood;
import nl.wijkzaken.neighbourhood.Neighbourhoods;
import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.shared.DutchFormat;
import nl.wijkzaken.shared.EngineClock;

/**
 * The buurtbudget ledger: a yearly budget per neighbourhood and an append-only list of movements.
 * <p>
 * Every method joins the caller's Spring-managed transaction (the one the Camunda engine runs its
 * commands in), so a reservation made in an engine step commits or rolls back with that step. Every write
 * first locks the budget row ({@code SELECT ... FOR UPDATE}) and only then computes the remainder, so
 * concurrent reservations against one budget are serialised and the remainder never goes below zero.
 * <p>
 * Bean name {@code budgetLedger}, for expressions such as {@code ${budgetLedger.remaining(neighbourhood, year)}}.
 * Amounts of reservations and releases may be any {@link Number} (BigDecimal, Long, Double from a form).
 */
@Service("budgetLedger")
@Transactional(propagation = Propagation.REQUIRED)
public class BudgetLedger {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2999;

    private final JdbcClient jdbc;
    private final Neighbourhoods neighbourhoods;

    BudgetLedger(JdbcClient jdbc, Neighbourhoods neighbourhoods) {
        this.jdbc = jdbc;
        this.neighbourhoods = neighbourhoods;
    }

    /** The money still available; zero when no budget was set for that neighbourhood and year. */
    public BigDecimal remaining(String neighbourhood, int year) {
        return sum(neighbourhood, year, null);
    }

    /**
     * The remaining budget as Dutch readers write it ("€ 12.345,00"), for a process variable that a form
     * shows: the engine stores no BigDecimal variables, a String is safe.
     */
    public String remainingText(String neighbourhood, int year) {
        return DutchFormat.euro(remaining(neighbourhood, year));
    }

    /** Whether a budget was set for that neighbourhood and year. */
    public boolean hasBudget(String neighbourhood, int year) {
        return budgetExists(neighbourhood, year);
    }

    public Optional<BudgetOverview> overview(String neighbourhood, int year) {
        Optional<Neighbourhood> found = neighbourhoods.find(neighbourhood);
        if (found.isEmpty() || !budgetExists(neighbourhood, year)) {
            return Optional.empty();
        }
        BigDecimal budget = sum(neighbourhood, year, List.of(MovementType.BUDGET_SET, MovementType.BUDGET_CHANGE));
        BigDecimal remaining = sum(neighbourhood, year, null);
        List<BudgetOverview.Grant> grants = jdbc.sql("""
                        SELECT case_number, -SUM(amount) AS amount FROM budget_movement
                        WHERE neighbourhood = ? AND budget_year = ? AND case_number IS NOT NULL
                          AND movement_type <> 'INTERNAL_ALLOCATION'
                        GROUP BY case_number ORDER BY MIN(id)""")
                .params(neighbourhood, year)
                .query((rs, i) -> new BudgetOverview.Grant(rs.getString("case_number"), Amounts.scaled(rs.getBigDecimal("amount"))))
                .list();
        List<BudgetMovement> movements = jdbc.sql("""
                        SELECT id, movement_type, case_number, amount, actor, occurred_at, reason FROM budget_movement
                        WHERE neighbourhood = ? AND budget_year = ? ORDER BY id""")
                .params(neighbourhood, year)
                .query((rs, i) -> new BudgetMovement(rs.getLong("id"), MovementType.valueOf(rs.getString("movement_type")),
                        rs.getString("case_number"), Amounts.scaled(rs.getBigDecimal("amount")), rs.getString("actor"),
                        rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("reason")))
                .list();
        return Optional.of(new BudgetOverview(neighbourhood, found.get().name(), year, budget,
                budget.subtract(remaining), remaining, grants, movements));
    }

    /** Sets the first budget of a neighbourhood for a year; a second one for the same year is refused. */
    public void setBudget(String neighbourhood, int year, BigDecimal amount, String actor, String reason) {
        Booking booking = requireBooking(neighbourhood, year, amount, false, actor, reason);
        Neighbourhood known = booking.neighbourhood();
        BigDecimal value = booking.amount();
        if (budgetExists(neighbourhood, year)) {
            throw alreadySet(known, year);
        }
        try {
            jdbc.sql("INSERT INTO neighbourhood_budget (neighbourhood, budget_year, created_by, created_at) VALUES (?, ?, ?, ?)")
                    .params(neighbourhood, year, actor, now())
                    .update();
        } catch (DuplicateKeyException raced) {
            throw alreadySet(known, year);
        }
        book(neighbourhood, year, null, MovementType.BUDGET_SET, value, actor, reason);
    }

    /**
     * Sets the budget of a neighbourhood and year to a new total, booked as a BUDGET_CHANGE of the difference.
     * The new total may not be below what is already reserved. The same total again books nothing.
     */
    public void changeBudget(String neighbourhood, int year, BigDecimal newAmount, String actor, String reason) {
        Booking booking = requireBooking(neighbourhood, year, newAmount, false, actor, reason);
        Neighbourhood known = booking.neighbourhood();
        BigDecimal value = booking.amount();
        if (!lock(neighbourhood, year)) {
            throw noBudget(known, year);
        }
        BigDecimal budget = sum(neighbourhood, year, List.of(MovementType.BUDGET_SET, MovementType.BUDGET_CHANGE));
        BigDecimal reserved = budget.subtract(sum(neighbourhood, year, null));
        if (value.compareTo(reserved) < 0) {
            throw BudgetRefusals.rule("amount", "Het budget kan niet lager worden dan wat al is gereserveerd ("
                    + DutchFormat.euro(reserved) + ")");
        }
        BigDecimal delta = value.subtract(budget);
        if (delta.signum() != 0) {
            book(neighbourhood, year, null, MovementType.BUDGET_CHANGE, delta, actor, reason);
        }
    }

    /**
     * Reserves a grant for a case. Never takes the remaining budget below zero: the budget row is locked
     * first, so concurrent reservations wait for each other and each sees the remainder the previous left.
     *
     * @return the remaining budget after the reservation
     * @throws Refusal ({@link BudgetRefusals#insufficient}) when the remainder does not cover the amount (or no
     *         budget is set); nothing is booked
     */
    public BigDecimal reserve(String caseNumber, String neighbourhood, int year, Number amount, String actor,
                              String reason) {
        requireText("caseNumber", caseNumber, 64, "Het zaaknummer ontbreekt");
        Booking booking = requireBooking(neighbourhood, year, decimal(amount), true, actor, reason);
        Neighbourhood known = booking.neighbourhood();
        BigDecimal value = booking.amount();
        if (!lock(neighbourhood, year)) {
            throw BudgetRefusals.insufficient(neighbourhood, known.name(), year, Amounts.scaled(BigDecimal.ZERO), value, false);
        }
        BigDecimal remaining = sum(neighbourhood, year, null);
        if (remaining.compareTo(value) < 0) {
            throw BudgetRefusals.insufficient(neighbourhood, known.name(), year, remaining, value, true);
        }
        book(neighbourhood, year, caseNumber, MovementType.RESERVATION, value.negate(), actor, reason);
        return remaining.subtract(value);
    }

    /**
     * Books an internal allocation for a case of route verzoek: the municipality pays work it does itself from the
     * neighbourhood's budget (LEGAL.md 1; not a grant to the resident, so no reservation that a decision could
     * release). Under the budget row lock like {@link #reserve}: never below zero remaining.
     *
     * @return the remaining budget after the allocation
     * @throws Refusal in Dutch when the remainder does not cover the amount, or no budget was set; nothing is booked
     */
    public BigDecimal allocateInternally(String caseNumber, String neighbourhood, int year, Number amount, String actor,
                                         String reason) {
        requireText("caseNumber", caseNumber, 64, "Het zaaknummer ontbreekt");
        Booking booking = requireBooking(neighbourhood, year, decimal(amount), true, actor, reason);
        Neighbourhood known = booking.neighbourhood();
        BigDecimal value = booking.amount();
        if (!lock(neighbourhood, year)) {
            throw BudgetRefusals.rule("year", "Voor " + known.name() + " is in " + year
                    + " geen buurtbudget vastgesteld; het werk kan daar niet uit worden betaald");
        }
        BigDecimal remaining = sum(neighbourhood, year, null);
        if (remaining.compareTo(value) < 0) {
            throw Refusal.conflict("Onvoldoende buurtbudget voor de interne toewijzing: resterend "
                            + DutchFormat.euro(remaining) + " van " + known.name() + " in " + year + ", nodig "
                            + DutchFormat.euro(value) + ". Verlaag het bedrag of betaal het werk uit een andere begroting.")
                    .titled("Onvoldoende buurtbudget")
                    .with("remaining", remaining)
                    .with("requested", value)
                    .with("neighbourhood", neighbourhood)
                    .with("year", year);
        }
        book(neighbourhood, year, caseNumber, MovementType.INTERNAL_ALLOCATION, value.negate(), actor, reason);
        return remaining.subtract(value);
    }

    /**
     * Reserves a grant whose room the caller already checked against the subsidy ceiling, under the lock of
     * {@link #lockBudget}: the allocation in order of complete receipt (Awb 4:25 lid 2, 4:26) is the guard, not this
     * ledger's remainder. An application received before a ceiling was lowered is allocated under the ceiling as it
     * was (4:27 lid 2), so this reservation may take the remainder of the lowered budget below zero.
     *
     * @return the remaining budget after the reservation (negative only in that 4:27 lid 2 case)
     */
    public BigDecimal reserveAllocated(String caseNumber, String neighbourhood, int year, Number amount, String actor,
                                       String reason) {
        requireText("caseNumber", caseNumber, 64, "Het zaaknummer ontbreekt");
        Booking booking = requireBooking(neighbourhood, year, decimal(amount), true, actor, reason);
        if (!lock(neighbourhood, year)) {
            throw noBudget(booking.neighbourhood(), year);
        }
        book(neighbourhood, year, caseNumber, MovementType.RESERVATION, booking.amount().negate(), actor, reason);
        return sum(neighbourhood, year, null);
    }

    /**
     * Locks the budget row of this neighbourhood and year for the rest of the caller's transaction, the lock every
     * reservation takes; the subsidy allocation takes it before it reads or writes its claims. False when no budget
     * (no ceiling) was set.
     */
    public boolean lockBudget(String neighbourhood, int year) {
        return lock(neighbourhood, year);
    }

    /** What is reserved (granted) in this neighbourhood and year: reservations minus releases of all cases. */
    public BigDecimal reserved(String neighbourhood, int year) {
        return Amounts.scaled(jdbc.sql("""
                        SELECT COALESCE(-SUM(amount), 0) FROM budget_movement
                        WHERE neighbourhood = ? AND budget_year = ? AND case_number IS NOT NULL""")
                .params(neighbourhood, year)
                .query(BigDecimal.class).single());
    }

    /** What one case has reserved in this neighbourhood and year. */
    public BigDecimal reservedForCase(String caseNumber, String neighbourhood, int year) {
        return reservedIn(neighbourhood, year, caseNumber);
    }

    /** Every movement booked for a case, oldest first. */
    public List<BudgetMovement> movementsOfCase(String caseNumber) {
        return jdbc.sql("""
                        SELECT id, movement_type, case_number, amount, actor, occurred_at, reason FROM budget_movement
                        WHERE case_number = ? ORDER BY id""")
                .param(caseNumber)
                .query((rs, i) -> new BudgetMovement(rs.getLong("id"), MovementType.valueOf(rs.getString("movement_type")),
                        rs.getString("case_number"), rs.getBigDecimal("amount"), rs.getString("actor"),
                        rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("reason")))
                .list();
    }

    /**
     * What is still reserved for a case: its reservations minus its releases and corrections, over all budgets. An
     * internal allocation (route verzoek) is no reservation: it is not counted here and never released.
     */
    public BigDecimal reservedForCase(String caseNumber) {
        BigDecimal reserved = jdbc.sql("""
                        SELECT COALESCE(-SUM(amount), 0) FROM budget_movement
                        WHERE case_number = ? AND movement_type <> 'INTERNAL_ALLOCATION'""")
                .param(caseNumber)
                .query(BigDecimal.class).single();
        return Amounts.scaled(reserved);
    }

    /**
     * Gives everything still reserved for a case back, one RELEASE movement per budget it was reserved from,
     * e.g. when a decision is withdrawn before it takes effect. Nothing reserved: nothing booked.
     *
     * @return the amount released (zero when nothing was reserved)
     */
    public BigDecimal releaseAll(String caseNumber, String actor, String reason) {
        requireText("caseNumber", caseNumber, 64, "Het zaaknummer ontbreekt");
        requireText("actor", actor, 255, "Wie de boeking doet ontbreekt");
        requireText("reason", reason, 1000, "Geef een reden op");
        record Budget(String neighbourhood, int year) {
        }
        List<Budget> budgets = jdbc.sql("""
                        SELECT DISTINCT neighbourhood, budget_year FROM budget_movement
                        WHERE case_number = ? ORDER BY neighbourhood, budget_year""")
                .param(caseNumber)
                .query((rs, i) -> new Budget(rs.getString("neighbourhood"), rs.getInt("budget_year")))
                .list();
        BigDecimal released = Amounts.scaled(BigDecimal.ZERO);
        for (Budget budget : budgets) {
            lock(budget.neighbourhood(), budget.year());
            BigDecimal reserved = reservedIn(budget.neighbourhood(), budget.year(), caseNumber);
            if (reserved.signum() > 0) {
                book(budget.neighbourhood(), budget.year(), caseNumber, MovementType.RELEASE, reserved, actor, reason);
                released = released.add(reserved);
            }
        }
        return released;
    }

    /**
     * Gives (part of) what a case reserved from this neighbourhood's budget of that year back, never more than
     * the case still has reserved there.
     *
     * @return the remaining budget after the release
     */
    public BigDecimal release(String neighbourhood, int year, String caseNumber, Number amount, String actor, String reason) {
        requireText("caseNumber", caseNumber, 64, "Het zaaknummer ontbreekt");
        Booking booking = requireBooking(neighbourhood, year, decimal(amount), true, actor, reason);
        Neighbourhood known = booking.neighbourhood();
        BigDecimal value = booking.amount();
        if (!lock(neighbourhood, year)) {
            throw noBudget(known, year);
        }
        BigDecimal reserved = reservedIn(neighbourhood, year, caseNumber);
        if (reserved.signum() <= 0) {
            throw BudgetRefusals.rule("caseNumber", "Voor zaak " + caseNumber + " is in het buurtbudget van "
                    + known.name() + " " + year + " niets gereserveerd");
        }
        if (value.compareTo(reserved) > 0) {
            throw BudgetRefusals.rule("amount", "Voor zaak " + caseNumber + " is nog " + DutchFormat.euro(reserved)
                    + " gereserveerd; meer kan niet worden vrijgegeven");
        }
        book(neighbourhood, year, caseNumber, MovementType.RELEASE, value, actor, reason);
        return sum(neighbourhood, year, null);
    }

    private BigDecimal reservedIn(String neighbourhood, int year, String caseNumber) {
        return Amounts.scaled(jdbc.sql("""
                        SELECT COALESCE(-SUM(amount), 0) FROM budget_movement
                        WHERE neighbourhood = ? AND budget_year = ? AND case_number = ?
                          AND movement_type <> 'INTERNAL_ALLOCATION'""")
                .params(neighbourhood, year, caseNumber)
                .query(BigDecimal.class).single());
    }

    /** Locks the budget row for the rest of the transaction; false when there is no such budget. */
    private boolean lock(String neighbourhood, int year) {
        return !jdbc.sql("SELECT id FROM neighbourhood_budget WHERE neighbourhood = ? AND budget_year = ? FOR UPDATE")
                .params(neighbourhood, year)
                .query(Long.class).list().isEmpty();
    }

    private boolean budgetExists(String neighbourhood, int year) {
        return jdbc.sql("SELECT COUNT(*) FROM neighbourhood_budget WHERE neighbourhood = ? AND budget_year = ?")
                .params(neighbourhood, year)
                .query(Long.class).single() > 0;
    }

    private BigDecimal sum(String neighbourhood, int year, List<MovementType> types) {
        String typeFilter = types == null ? "" : " AND movement_type IN ("
                + String.join(", ", types.stream().map(t -> "'" + t.name() + "'").toList()) + ")";
        BigDecimal sum = jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM budget_movement WHERE neighbourhood = ? AND budget_year = ?"
                        + typeFilter)
                .params(neighbourhood, year)
                .query(BigDecimal.class).single();
        return Amounts.scaled(sum);
    }

    private void book(String neighbourhood, int year, String caseNumber, MovementType type, BigDecimal amount,
                      String actor, String reason) {
        jdbc.sql("""
                        INSERT INTO budget_movement
                            (neighbourhood, budget_year, case_number, movement_type, amount, actor, occurred_at, reason)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(neighbourhood, year, caseNumber, type.name(), amount, actor, now(), reason.strip())
                .update();
    }

    /** What every booking needs, checked in the order the form shows the fields. */
    private record Booking(Neighbourhood neighbourhood, BigDecimal amount) {
    }

    private Booking requireBooking(String neighbourhood, int year, BigDecimal amount, boolean positive, String actor,
                                   String reason) {
        Neighbourhood known = requireNeighbourhood(neighbourhood);
        requireYear(year);
        BigDecimal value = requireAmount(amount, positive);
        requireText("actor", actor, 255, "Wie de boeking doet ontbreekt");
        requireText("reason", reason, 1000, "Geef een reden op");
        return new Booking(known, value);
    }

    private Neighbourhood requireNeighbourhood(String code) {
        if (code == null || code.isBlank()) {
            throw BudgetRefusals.rule("neighbourhood", "Kies een wijk");
        }
        return neighbourhoods.find(code)
                .orElseThrow(() -> BudgetRefusals.rule("neighbourhood", "Onbekende wijk: " + code));
    }

    /**
     * Process variables carry amounts as Long or Double (the engine stores no BigDecimal without Java
     * serialization); a double is taken as written (0.1 stays 0.1), not as its binary expansion.
     */
    private static BigDecimal decimal(Number amount) {
        if (amount == null || amount instanceof BigDecimal) {
            return (BigDecimal) amount;
        }
        if (amount instanceof Double || amount instanceof Float) {
            if (!Double.isFinite(amount.doubleValue())) {
                throw BudgetRefusals.rule("amount", "Het bedrag is geen getal");
            }
            return BigDecimal.valueOf(amount.doubleValue());
        }
        return new BigDecimal(amount.toString());
    }

    private static void requireYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw BudgetRefusals.rule("year", "Het jaar moet tussen " + FIRST_YEAR + " en " + LAST_YEAR + " liggen");
        }
    }

    private static BigDecimal requireAmount(BigDecimal amount, boolean positive) {
        if (amount == null) {
            throw BudgetRefusals.rule("amount", "Het bedrag ontbreekt");
        }
        if (amount.signum() < 0 || (positive && amount.signum() == 0)) {
            throw BudgetRefusals.rule("amount", positive ? "Het bedrag moet groter zijn dan € 0,00"
                                                             : "Het bedrag mag niet negatief zijn");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw BudgetRefusals.rule("amount", "Het bedrag mag hoogstens twee cijfers achter de komma hebben");
        }
        if (amount.compareTo(Amounts.MAXIMUM) > 0) {
            throw BudgetRefusals.rule("amount", "Het bedrag mag hoogstens " + DutchFormat.euro(Amounts.MAXIMUM) + " zijn");
        }
        return Amounts.scaled(amount);
    }

    private static void requireText(String field, String value, int maxLength, String message) {
        if (value == null || value.isBlank()) {
            throw BudgetRefusals.rule(field, message);
        }
        if (value.length() > maxLength) {
            throw BudgetRefusals.rule(field, "Hoogstens " + maxLength + " tekens");
        }
    }

    private static Refusal noBudget(Neighbourhood neighbourhood, int year) {
        return BudgetRefusals.rule("year", "Voor " + neighbourhood.name() + " is in " + year + " geen buurtbudget vastgesteld");
    }

    private static Refusal alreadySet(Neighbourhood neighbourhood, int year) {
        return BudgetRefusals.alreadySet("Voor " + neighbourhood.name() + " is voor " + year
                + " al een buurtbudget vastgesteld; wijzig dat budget in plaats van een tweede vast te stellen");
    }

    /** The engine's clock, so movements line up with case events and mails in the dossier. */
    private static OffsetDateTime now() {
        return EngineClock.now().atOffset(ZoneOffset.UTC);
    }
}
