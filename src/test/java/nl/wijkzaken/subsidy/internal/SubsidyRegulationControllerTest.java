package nl.wijkzaken.subsidy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
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

/** The regulation and ceiling API over real HTTP, as the demo users. Each test owns its period (2060-2069). */
@ApplicationTest
class SubsidyRegulationControllerTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    BudgetLedger ledger;
    @Autowired
    IdentityService identityService;

    @Test
    void theGebiedsmanagerEstablishesARegulationAndASecondForThePeriodIsAConflict() {
        ResponseEntity<Map> created = send("gebiedsmanager", "/api/subsidy-regulations", regulation(2060));
        ResponseEntity<Map> again = send("demo", "/api/subsidy-regulations", regulation(2060));
        ResponseEntity<List> list = http.withBasicAuth("auditor", "demo").getForEntity("/api/subsidy-regulations", List.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasPath("/api/subsidy-regulations/2060/ceilings");
        assertThat(created.getBody()).containsEntry("name", "Subsidieregeling buurtbudget Stichtse Vecht 2060")
                .containsEntry("recordedBy", "gebiedsmanager").containsEntry("publishedOn", "2059-11-15");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(again.getBody()).containsEntry("detail", "Voor 2060 is al een subsidieregeling vastgelegd");
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list.getBody()).anySatisfy(r -> assertThat((Map<String, Object>) r).containsEntry("periodYear", 2060));
    }

    @Test
    void aCeilingActIsRecordedAsTheAuthenticatedUserAndBooksTheLedger() {
        send("gebiedsmanager", "/api/subsidy-regulations", regulation(2061));

        ResponseEntity<Map> first = send("gebiedsmanager", "/api/subsidy-regulations/2061/ceilings/breukelen",
                act(10000, "Gemeenteblad 2060, 200001", "2060-12-15", "Begroting 2061", "recordedBy", "iemand-anders"));
        ResponseEntity<Map> lowered = send("demo", "/api/subsidy-regulations/2061/ceilings/breukelen",
                act(6000, "Gemeenteblad 2061, 200002", "2061-03-10", "Bezuiniging voorjaarsnota"));
        ResponseEntity<Map> overview = http.withBasicAuth("wm.loenen", "demo")
                .getForEntity("/api/subsidy-regulations/2061/ceilings", Map.class);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat((Map<String, Object>) first.getBody().get("current")).containsEntry("recordedBy", "gebiedsmanager");
        assertThat(lowered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(((Number) lowered.getBody().get("ceiling")).doubleValue()).isEqualTo(6000.0);
        assertThat(ledger.overview("breukelen", 2061).orElseThrow().budget()).isEqualByComparingTo("6000");
        assertThat(overview.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Map<String, Object>) overview.getBody().get("regulation"))
                .containsEntry("legalBasis", "artikel 4 van de Subsidieregeling buurtbudget Stichtse Vecht 2061");
        Map<String, Object> breukelen = ((List<Map<String, Object>>) overview.getBody().get("ceilings")).stream()
                .filter(c -> "breukelen".equals(c.get("neighbourhood"))).findFirst().orElseThrow();
        assertThat(breukelen).containsEntry("neighbourhoodName", "Breukelen").doesNotContainKey("whyNoCeiling");
        assertThat((List<Map<String, Object>>) breukelen.get("acts"))
                .extracting(a -> a.get("recordedBy"), a -> a.get("publicationReference"), a -> a.get("publishedOn"), a -> a.get("reason"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("gebiedsmanager", "Gemeenteblad 2060, 200001", "2060-12-15", "Begroting 2061"),
                        org.assertj.core.groups.Tuple.tuple("demo", "Gemeenteblad 2061, 200002", "2061-03-10", "Bezuiniging voorjaarsnota"));
        Map<String, Object> loenen = ((List<Map<String, Object>>) overview.getBody().get("ceilings")).stream()
                .filter(c -> "loenen".equals(c.get("neighbourhood"))).findFirst().orElseThrow();
        assertThat((String) loenen.get("whyNoCeiling")).contains("geen subsidieplafond voor 2061 vastgesteld");
    }

    @Test
    void invalidInputGetsADutchMessagePerField() {
        send("gebiedsmanager", "/api/subsidy-regulations", regulation(2062));

        ResponseEntity<Map> response = send("gebiedsmanager", "/api/subsidy-regulations/2062/ceilings/breukelen",
                Map.of("amount", -5, "publicationReference", " ", "reason", ""));
        ResponseEntity<Map> noRegulation = send("gebiedsmanager", "/api/subsidy-regulations/2063/ceilings/breukelen",
                act(1000, "Gemeenteblad 2062, 1", "2062-11-15", "Begroting"));
        ResponseEntity<Map> unknownNeighbourhood = send("gebiedsmanager", "/api/subsidy-regulations/2062/ceilings/atlantis",
                act(1000, "Gemeenteblad 2061, 1", "2061-11-15", "Begroting"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((Map<String, String>) response.getBody().get("errors"))
                .containsEntry("amount", "Het plafond mag niet negatief zijn")
                .containsEntry("publicationReference", "Geef de vindplaats van de bekendmaking, bijvoorbeeld Gemeenteblad 2025, 123456")
                .containsEntry("publishedOn", "Geef de datum van bekendmaking")
                .containsEntry("reason", "Geef een reden op");
        assertThat(noRegulation.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, String>) noRegulation.getBody().get("errors"))
                .containsEntry("year", "Voor 2063 is geen subsidieregeling vastgelegd; leg eerst de regeling vast");
        assertThat((Map<String, String>) unknownNeighbourhood.getBody().get("errors"))
                .containsEntry("neighbourhood", "Onbekende wijk: atlantis");
        assertThat(ledger.hasBudget("breukelen", 2062)).isFalse();
    }

    @Test
    void aPeriodWithoutRegulationIsNotFound() {
        ResponseEntity<Map> response = http.withBasicAuth("auditor", "demo")
                .getForEntity("/api/subsidy-regulations/2069/ceilings", Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody()).containsEntry("detail", "Voor 2069 is geen subsidieregeling vastgelegd");
    }

    @Test
    void onlyGebiedsmanagerAndAdministratorRecordOtherStaffReadAndOthersNothing() {
        send("gebiedsmanager", "/api/subsidy-regulations", regulation(2064));

        ResponseEntity<Map> byWijkmanager = send("wm.loenen", "/api/subsidy-regulations/2064/ceilings/loenen",
                act(999999, "Gemeenteblad 2063, 1", "2063-11-15", "Zelf regelen"));
        ResponseEntity<Map> byAuditor = send("auditor", "/api/subsidy-regulations", regulation(2065));
        ResponseEntity<Map> anonymousWrite = http.exchange("/api/subsidy-regulations/2064/ceilings/loenen", HttpMethod.POST,
                new HttpEntity<>(act(1, "Gemeenteblad 2063, 1", "2063-11-15", "Anoniem")), Map.class);

        assertThat(byWijkmanager.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(byWijkmanager.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(byAuditor.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(anonymousWrite.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(ledger.hasBudget("loenen", 2064)).isFalse();
        for (String reader : new String[] {"auditor", "balie", "wethouder", "adv.fysiek", "wm.loenen"}) {
            assertThat(http.withBasicAuth(reader, "demo").getForEntity("/api/subsidy-regulations/2064/ceilings", Map.class)
                    .getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
        }
        assertThat(http.getForEntity("/api/subsidy-regulations", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth(withoutRole(), "demo").getForEntity("/api/subsidy-regulations", Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** A login without any staff role, e.g. a directory account no group of role-authorizations.yml lists. */
    private String withoutRole() {
        String id = "zonder-rol";
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName("Zonder");
            user.setLastName("Rol");
            user.setPassword("demo");
            identityService.saveUser(user);
        }
        return id;
    }

    private static Map<String, Object> regulation(int year) {
        return Map.of("name", "Subsidieregeling buurtbudget Stichtse Vecht " + year,
                "legalBasis", "artikel 4 van de Subsidieregeling buurtbudget Stichtse Vecht " + year,
                "year", year, "allocationRule", "volgorde-van-volledige-ontvangst",
                "publicationReference", "Gemeenteblad " + (year - 1) + ", 200000",
                "publishedOn", (year - 1) + "-11-15");
    }

    private static Map<String, Object> act(Object amount, String reference, String publishedOn, String reason,
                                           Object... extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("amount", amount, "publicationReference", reference,
                "publishedOn", publishedOn, "reason", reason));
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return body;
    }

    private ResponseEntity<Map> send(String user, String path, Map<String, Object> body) {
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body), Map.class);
    }
}
