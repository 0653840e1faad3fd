package nl.wijkzaken.budget.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import nl.wijkzaken.budget.BudgetLedger;

import nl.wijkzaken.support.ApplicationTest;

/** The budget API over real HTTP, as the demo users. */
@ApplicationTest
class BudgetControllerTest {

    static final int THIS_YEAR = Year.now(ZoneId.of("Europe/Amsterdam")).getValue();

    @Autowired
    TestRestTemplate http;

    @Autowired
    BudgetLedger ledger;

    @Test
    void anAuditorReadsEveryNeighbourhoodsOverview() {
        ledger.reserve("BV-API-000001", "loenen", THIS_YEAR, 1500L, "wm.loenen", "Toekenning bankjes");

        ResponseEntity<Map> response = get("auditor", "loenen", THIS_YEAR);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("neighbourhoodName", "Loenen").containsEntry("year", THIS_YEAR);
        // The demo ceiling of Loenen; tests that grant in this shared context may have raised it (support.Ceilings).
        assertThat(((Number) response.getBody().get("budget")).doubleValue())
                .isEqualTo(ledger.overview("loenen", THIS_YEAR).orElseThrow().budget().doubleValue());
        assertThat(((Number) response.getBody().get("reserved")).doubleValue()).isGreaterThanOrEqualTo(1500.0);
        assertThat((List<Map<String, Object>>) response.getBody().get("grants"))
                .anySatisfy(grant -> assertThat(grant).containsEntry("caseNumber", "BV-API-000001"));
        assertThat(get("gebiedsmanager", "maarssenbroek", THIS_YEAR).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aWijkmanagerReadsHisOwnNeighbourhoodOnly() {
        ResponseEntity<Map> own = get("wm.breukelen", "breukelen", THIS_YEAR);
        ResponseEntity<Map> other = get("wm.breukelen", "maarssenbroek", THIS_YEAR);

        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(((Number) own.getBody().get("remaining")).doubleValue()).isPositive();
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(other.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(other.getBody()).containsEntry("detail", "U mag het buurtbudget van Maarssenbroek niet inzien");
    }

    @Test
    void otherStaffAndAnonymousCallersReadNothing() {
        assertThat(get("balie", "breukelen", THIS_YEAR).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("adv.fysiek", "breukelen", THIS_YEAR).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/budgets/breukelen/" + THIS_YEAR, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theYearOverviewListsOnlyWhatTheCallerMayRead() {
        ResponseEntity<List> auditor = http.withBasicAuth("auditor", "demo")
                .getForEntity("/api/budgets?year=" + THIS_YEAR, List.class);
        ResponseEntity<List> wijkmanager = http.withBasicAuth("wm.maarssen-dorp", "demo")
                .getForEntity("/api/budgets?year=" + THIS_YEAR, List.class);

        assertThat(auditor.getBody()).extracting(b -> ((Map<?, ?>) b).get("neighbourhood"))
                .containsExactly("breukelen", "loenen", "maarssen-dorp", "maarssenbroek");
        assertThat(wijkmanager.getBody()).extracting(b -> ((Map<?, ?>) b).get("neighbourhood"))
                .containsExactly("maarssen-dorp");
    }

    @Test
    void theStaffPageAsksForALogin() {
        assertThat(http.getForEntity("/staff/buurtbudget.html", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("auditor", "demo").getForEntity("/staff/buurtbudget.html", String.class).getBody())
                .contains("<h1>Buurtbudget</h1>");
    }

    @Test
    void aYearWithoutBudgetIsNotFound() {
        ResponseEntity<Map> response = get("auditor", "breukelen", 2099);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody()).containsEntry("detail", "Voor Breukelen is in 2099 geen buurtbudget vastgesteld");
    }

    /** The budget is the ledger of the subsidy ceiling: it changes only by a ceiling act (Awb 4:25). */
    @Test
    void theBudgetIsNotSetOrChangedHereButPointsToTheCeiling() {
        java.math.BigDecimal loenenBefore = ledger.overview("loenen", THIS_YEAR).orElseThrow().budget();
        ResponseEntity<Map> set = send("gebiedsmanager", HttpMethod.POST, "/api/budgets",
                Map.of("neighbourhood", "maarssen-dorp", "year", 2040, "amount", 12500.50, "reason", "Begroting 2040"));
        ResponseEntity<Map> changed = send("demo", HttpMethod.PUT, "/api/budgets/loenen/" + THIS_YEAR,
                Map.of("amount", 15000, "reason", "Extra middelen"));

        assertThat(set.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(set.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(set.getBody()).containsEntry("title", "Het budget volgt het subsidieplafond")
                .containsEntry("ceiling", "/api/subsidy-regulations/2040/ceilings/maarssen-dorp");
        assertThat((String) set.getBody().get("detail")).isEqualTo("Het buurtbudget wordt niet los vastgesteld of "
                + "gewijzigd: het volgt het subsidieplafond. Leg een nieuw plafondbesluit voor Maarssen-Dorp in 2040 vast "
                + "op de pagina Subsidieregeling en plafonds (/staff/subsidieregeling).");
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(ledger.overview("maarssen-dorp", 2040)).isEmpty();
        assertThat(ledger.overview("loenen", THIS_YEAR).orElseThrow().budget()).isEqualByComparingTo(loenenBefore);
    }

    @Test
    void invalidInputGetsAMessagePerFieldBeforeTheRefusal() {
        ResponseEntity<Map> response = send("gebiedsmanager", HttpMethod.POST, "/api/budgets",
                Map.of("neighbourhood", "breukelen", "year", 1999, "amount", -5, "reason", ""));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((Map<String, String>) response.getBody().get("errors"))
                .containsEntry("amount", "Het bedrag mag niet negatief zijn")
                .containsEntry("year", "Het jaar moet tussen 2000 en 2999 liggen")
                .containsEntry("reason", "Geef een reden op");
        assertThat(ledger.overview("breukelen", 1999)).isEmpty();
    }

    @Test
    void otherStaffAreRefusedBeforeAnything() {
        java.math.BigDecimal loenenBefore = ledger.overview("loenen", THIS_YEAR).orElseThrow().budget();
        ResponseEntity<Map> byWijkmanager = send("wm.loenen", HttpMethod.POST, "/api/budgets",
                Map.of("neighbourhood", "loenen", "year", 2042, "amount", 100, "reason", "Zelf regelen"));
        ResponseEntity<Map> byAuditor = send("auditor", HttpMethod.PUT, "/api/budgets/loenen/" + THIS_YEAR,
                Map.of("amount", 999999, "reason", "Zelf regelen"));

        assertThat(byWijkmanager.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byWijkmanager.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(byAuditor.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ledger.overview("loenen", 2042)).isEmpty();
        assertThat(ledger.overview("loenen", THIS_YEAR).orElseThrow().budget()).isEqualByComparingTo(loenenBefore);
    }

    @Test
    void theGebiedsmanagerReleasesPartOfAGrantLaterAsANewMovementButNeverMoreThanIsReserved() {
        ledger.setBudget("maarssenbroek", 2043, java.math.BigDecimal.valueOf(5000), "gebiedsmanager", "Begroting");
        ledger.reserve("BV-API-000003", "maarssenbroek", 2043, 3000L, "wethouder", "Besluit op BV-API-000003: toegekend");

        ResponseEntity<Map> released = send("gebiedsmanager", HttpMethod.POST, "/api/budgets/maarssenbroek/2043/releases",
                Map.of("caseNumber", "BV-API-000003", "amount", 1250.50, "reason", "Minder uitgegeven dan toegekend"));
        ResponseEntity<Map> tooMuch = send("demo", HttpMethod.POST, "/api/budgets/maarssenbroek/2043/releases",
                Map.of("caseNumber", "BV-API-000003", "amount", 1749.51, "reason", "Te veel"));
        ResponseEntity<Map> otherCase = send("demo", HttpMethod.POST, "/api/budgets/maarssenbroek/2043/releases",
                Map.of("caseNumber", "BV-API-999999", "amount", 1, "reason", "Bestaat niet"));
        ResponseEntity<Map> byWijkmanager = send("wm.maarssenbroek", HttpMethod.POST, "/api/budgets/maarssenbroek/2043/releases",
                Map.of("caseNumber", "BV-API-000003", "amount", 1, "reason", "Zelf regelen"));
        ResponseEntity<Map> invalid = send("gebiedsmanager", HttpMethod.POST, "/api/budgets/maarssenbroek/2043/releases",
                Map.of("caseNumber", "", "amount", 0, "reason", " "));

        assertThat(released.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(((Number) released.getBody().get("remaining")).doubleValue()).isEqualTo(3250.50);
        assertThat((List<Map<String, Object>>) released.getBody().get("movements")).last()
                .satisfies(m -> assertThat(m).containsEntry("type", "RELEASE").containsEntry("actor", "gebiedsmanager")
                        .containsEntry("caseNumber", "BV-API-000003").containsEntry("reason", "Minder uitgegeven dan toegekend"));
        assertThat(tooMuch.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, String>) tooMuch.getBody().get("errors"))
                .containsEntry("amount", "Voor zaak BV-API-000003 is nog € 1.749,50 gereserveerd; meer kan niet worden vrijgegeven");
        assertThat((Map<String, String>) otherCase.getBody().get("errors")).containsKey("caseNumber");
        assertThat(byWijkmanager.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, String>) invalid.getBody().get("errors"))
                .containsEntry("caseNumber", "Het zaaknummer ontbreekt")
                .containsEntry("amount", "Het bedrag moet groter zijn dan € 0,00")
                .containsEntry("reason", "Geef een reden op");
        assertThat(ledger.reservedForCase("BV-API-000003")).isEqualByComparingTo("1749.50");
    }

    private ResponseEntity<Map> get(String user, String neighbourhood, int year) {
        return http.withBasicAuth(user, "demo").getForEntity("/api/budgets/" + neighbourhood + "/" + year, Map.class);
    }

    private ResponseEntity<Map> send(String user, HttpMethod method, String path, Map<String, Object> body) {
        return http.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body), Map.class);
    }
}
