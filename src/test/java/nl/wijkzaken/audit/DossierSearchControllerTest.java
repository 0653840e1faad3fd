package nl.wijkzaken.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import nl.wijkzaken.intake.Category;
import nl.wijkzaken.intake.Urgency;
import nl.wijkzaken.support.ApplicationTest;
import nl.wijkzaken.support.CaseDriver;

/**
 * The auditors' search over real cases: one decided in time by the gebiedsmanager (Breukelen), one decided
 * 4 days late by the wijkmanager (Loenen), one still running (Maarssenbroek). Other test classes may have left
 * cases in the same database, so each filter is checked on these three and on every hit it returns.
 */
@ApplicationTest
class DossierSearchControllerTest {

    private static String inTime;
    private static String late;
    private static String running;
    private static LocalDate receivedOn;

    @Autowired TestRestTemplate http;
    @Autowired ApplicationContext context;

    @BeforeEach
    void threeCases() {
        if (inTime != null) {
            return;
        }
        try {
            CaseDriver first = new CaseDriver(context);
            first.submit("breukelen", Category.GROEN_EN_OPENBARE_RUIMTE, "5000", Urgency.NORMAAL);
            receivedOn = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
            first.complete("CheckCompleteness", "wm.breukelen", Map.of("completeness", "compleet", "completenessMotivation", "Compleet."));
            first.advise("advies-fysiek", "adv.fysiek", "positief");
            first.complete("Decide", "gebiedsmanager", Map.of("outcome", "toegekend", "decisionMotivation", "Goed plan."));
            first.runMessages();
            inTime = first.caseNumber();
            CaseDriver.resetClock();

            CaseDriver second = new CaseDriver(context);
            second.submit("loenen", Category.SOCIAAL_EN_ONTMOETING, "2000", Urgency.NORMAAL);
            second.complete("CheckCompleteness", "wm.loenen", Map.of("completeness", "compleet", "completenessMotivation", "Compleet."));
            second.advise("advies-sociaal", "adv.sociaal", "positief");
            second.tick(Duration.ofDays(60));
            second.complete("Decide", "wm.loenen", Map.of("outcome", "afgewezen", "decisionMotivation", "Geen budget meer."));
            second.runMessages();
            late = second.caseNumber();
            CaseDriver.resetClock();

            CaseDriver third = new CaseDriver(context);
            third.submit("maarssenbroek", Category.OVERIG, "3000", Urgency.NORMAAL);
            running = third.caseNumber();
        } finally {
            CaseDriver.resetClock();
        }
    }

    @Test
    void aCaseNumberFindsItsCaseWithWhoDecidedInWhichRoleAndWhetherInTime() {
        Map<String, Object> page = search("caseNumber=" + inTime);

        assertThat(page).containsEntry("totalItems", 1).containsEntry("page", 0).containsEntry("size", 20);
        assertThat(items(page)).singleElement().satisfies(hit -> assertThat(hit)
                .containsEntry("caseNumber", inTime)
                .containsEntry("neighbourhood", "breukelen")
                .containsEntry("neighbourhoodName", "Breukelen")
                .containsEntry("outcome", "toegekend")
                .containsEntry("decidedBy", "gebiedsmanager")
                .containsEntry("decidingGroup", "gebiedsmanager")
                .containsEntry("decidingRole", "gebiedsmanager")
                .containsEntry("decidedAfterDeadline", false)
                .containsEntry("receivedOn", receivedOn.toString()));
        assertThat(caseNumbers(search("caseNumber=" + inTime.substring(inTime.length() - 6)))).contains(inTime);
        assertThat(search("caseNumber=BV-1999-999999")).containsEntry("totalItems", 0);
    }

    @Test
    void decidedAfterTheLegalDeadlineFindsTheLateCaseOnly() {
        Map<String, Object> latePage = search("decidedAfterDeadline=true&size=100");
        Map<String, Object> inTimePage = search("decidedAfterDeadline=false&size=100");

        assertThat(caseNumbers(latePage)).contains(late).doesNotContain(inTime, running);
        assertThat(items(latePage)).allSatisfy(hit -> {
            assertThat(hit).containsEntry("decidedAfterDeadline", true);
            assertThat((Integer) hit.get("daysAfterDeadline")).isPositive();
        });
        assertThat(items(latePage)).filteredOn(hit -> late.equals(hit.get("caseNumber"))).singleElement()
                .satisfies(hit -> assertThat(hit).containsEntry("daysAfterDeadline", 4));
        assertThat(caseNumbers(inTimePage)).contains(inTime).doesNotContain(late, running);
    }

    @Test
    void theDecidingRoleIsTheRoleOfTheDecidingGroup() {
        Map<String, Object> wijkmanager = search("decidingRole=wijkmanager&size=100");
        Map<String, Object> gebiedsmanager = search("decidingRole=gebiedsmanager&size=100");

        assertThat(caseNumbers(wijkmanager)).contains(late).doesNotContain(inTime, running);
        assertThat(items(wijkmanager)).allSatisfy(hit -> assertThat(hit).containsEntry("decidingRole", "wijkmanager"));
        assertThat(items(wijkmanager)).filteredOn(hit -> late.equals(hit.get("caseNumber"))).singleElement()
                .satisfies(hit -> assertThat(hit).containsEntry("decidingGroup", "wijkmanager-loenen")
                        .containsEntry("decidedBy", "wm.loenen"));
        assertThat(caseNumbers(gebiedsmanager)).contains(inTime).doesNotContain(late, running);
    }

    @Test
    void neighbourhoodOutcomeAndPeriodCombine() {
        assertThat(caseNumbers(search("neighbourhood=loenen&outcome=afgewezen&size=100")))
                .contains(late).doesNotContain(inTime, running);
        assertThat(items(search("neighbourhood=maarssenbroek&size=100")))
                .allSatisfy(hit -> assertThat(hit).containsEntry("neighbourhood", "maarssenbroek"))
                .anySatisfy(hit -> assertThat(hit).containsEntry("caseNumber", running).doesNotContainKey("outcome"));
        assertThat(caseNumbers(search("from=" + receivedOn + "&to=" + receivedOn + "&size=100")))
                .contains(inTime, late, running);
        assertThat(caseNumbers(search("from=" + receivedOn.plusDays(1) + "&size=100")))
                .doesNotContain(inTime, late, running);
        assertThat(caseNumbers(search("to=" + receivedOn.minusDays(1) + "&size=100")))
                .doesNotContain(inTime, late, running);
    }

    @Test
    void resultsArePaged() {
        Map<String, Object> first = search("from=" + receivedOn + "&size=1");
        Map<String, Object> second = search("from=" + receivedOn + "&size=1&page=1");

        assertThat(items(first)).hasSize(1);
        assertThat(items(second)).hasSize(1);
        assertThat(caseNumbers(first)).doesNotContainAnyElementsOf(caseNumbers(second));
        assertThat((Integer) first.get("totalItems")).isGreaterThanOrEqualTo(3);
        assertThat(first.get("totalPages")).isEqualTo(first.get("totalItems"));
    }

    @Test
    void theSearchPageLinksToTheNextAndPreviousPageOfTheSameSearch() {
        String query = "from=" + receivedOn + "&neighbourhood=&size=1";
        String first = http.withBasicAuth("auditor", "demo").getForObject("/audit?" + query, String.class);
        String second = http.withBasicAuth("auditor", "demo").getForObject("/audit?" + query + "&page=1", String.class);

        String filters = "/audit?from=" + receivedOn + "&amp;neighbourhood=&amp;size=1&amp;page=";
        assertThat(first).contains("href=\"" + filters + "1\" rel=\"next\"").doesNotContain("rel=\"prev\"");
        assertThat(second).contains("href=\"" + filters + "0\" rel=\"prev\"", "href=\"" + filters + "2\" rel=\"next\"");
    }

    @Test
    void invalidParametersAreAProblemWithAMessagePerField() {
        ResponseEntity<Map> response = http.withBasicAuth("auditor", "demo").getForEntity("/api/dossiers"
                + "?caseNumber=BV%25'--&neighbourhood=atlantis&from=2026-13-01&to=gisteren&outcome=misschien"
                + "&decidingRole=burgemeester&decidedAfterDeadline=soms&page=-1&size=1000", Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
        Map<String, String> errors = (Map<String, String>) response.getBody().get("errors");
        assertThat(errors).containsOnlyKeys("caseNumber", "neighbourhood", "from", "to", "outcome", "decidingRole",
                "decidedAfterDeadline", "page", "size");
        assertThat(errors.get("neighbourhood")).contains("Onbekende wijk", "breukelen");
        assertThat(errors.get("from")).contains("jjjj-mm-dd");
        assertThat(errors.get("outcome")).contains("toegekend", "buiten-behandeling");
        assertThat(errors.get("decidingRole")).contains("wijkmanager", "gebiedsmanager", "wethouder");

        ResponseEntity<Map> reversed = http.withBasicAuth("auditor", "demo")
                .getForEntity("/api/dossiers?from=2026-02-01&to=2026-01-01", Map.class);
        assertThat(reversed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, String>) reversed.getBody().get("errors"))
                .containsOnlyKeys("to").containsValue("De einddatum ligt vóór de begindatum.");
    }

    @Test
    void onlyAuditorsAndAdministratorsMaySearch() {
        assertThat(http.withBasicAuth("demo", "demo").getForEntity("/api/dossiers", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        for (String user : List.of("wm.breukelen", "gebiedsmanager", "wethouder", "procesbeheerder", "balie")) {
            assertThat(http.withBasicAuth(user, "demo").getForEntity("/api/dossiers", String.class).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(http.getForEntity("/api/dossiers", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private Map<String, Object> search(String query) {
        ResponseEntity<Map> response = http.withBasicAuth("auditor", "demo").getForEntity("/api/dossiers?" + query, Map.class);
        assertThat(response.getStatusCode()).as(query + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private static List<Object> caseNumbers(Map<String, Object> page) {
        return items(page).stream().map(hit -> hit.get("caseNumber")).toList();
    }
}
