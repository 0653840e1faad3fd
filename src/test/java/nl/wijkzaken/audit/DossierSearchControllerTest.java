package nl.wijkzaken.audit;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureJdbc;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

import nl.wijkzaken.casefile.CaseFileRegister;
import nl.wijkzaken.casefile.CaseFiles;
import nl.wijkzaken.casefile.Outcome;
import nl.wijkzaken.neighbourhood.Neighbourhood;
import nl.wijkzaken.neighbourhood.Neighbourhoods;
import nl.wijkzaken.security.internal.RolesSlice;
import nl.wijkzaken.support.CaseFileData;

/**
 * {@code GET /api/dossiers} as a slice: the controller with its real search (DossierSearches, the register and the
 * neighbourhoods over an embedded database with the Flyway schema), the one refusal mapping, role lookup and method
 * security as the application has them; no engine. The data are three case files written as the process writes them:
 * one decided in time by the gebiedsmanager (Breukelen), one decided 4 days late by the wijkmanager (Loenen), one
 * running (Maarssenbroek); each test's transaction is rolled back. That real cases reach the register so is checked
 * in the process and casefile tests; who may log in with which role in {@code AuditorReadOnlyTest}.
 */
@WebMvcTest(controllers = DossierSearchController.class, excludeFilters = @ComponentScan.Filter(
        type = FilterType.REGEX, pattern = "nl\\.wijkzaken\\.(security|residents)\\..*Filter"))
@AutoConfigureJdbc
@AutoConfigureTestDatabase
@Import({DossierSearches.class, DecidingRoles.class, CaseFileRegister.class, CaseFiles.class, Neighbourhoods.class,
        RolesSlice.class})
@Transactional
@WithMockUser(username = "auditor", roles = "auditor")
class DossierSearchControllerTest {

    static final LocalDate RECEIVED = LocalDate.of(2026, 3, 2);
    static final String IN_TIME = "BV-2026-000201";
    static final String LATE = "BV-2026-000202";
    static final String RUNNING = "BV-2026-000203";

    @Autowired MockMvc mvc;
    @Autowired CaseFiles caseFiles;
    @Autowired Neighbourhoods neighbourhoods;

    @BeforeEach
    void threeCases() {
        neighbourhoods.register(new Neighbourhood("breukelen", "Breukelen"));
        neighbourhoods.register(new Neighbourhood("loenen", "Loenen"));
        neighbourhoods.register(new Neighbourhood("maarssenbroek", "Maarssenbroek"));
        CaseFileData data = new CaseFileData(caseFiles);
        data.decided(IN_TIME, "breukelen", RECEIVED, Outcome.TOEGEKEND, "gebiedsmanager", "gebiedsmanager", -20);
        data.decided(LATE, "loenen", RECEIVED, Outcome.AFGEWEZEN, "wm.loenen", "wijkmanager-loenen", 4);
        data.open(RUNNING, "maarssenbroek", RECEIVED);
    }

    @Test
    void aCaseNumberFindsItsCaseWithWhoDecidedInWhichRoleAndWhetherInTime() throws Exception {
        search("caseNumber=" + IN_TIME)
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(20))
                .andExpect(jsonPath("$.items[0].caseNumber").value(IN_TIME))
                .andExpect(jsonPath("$.items[0].neighbourhood").value("breukelen"))
                .andExpect(jsonPath("$.items[0].neighbourhoodName").value("Breukelen"))
                .andExpect(jsonPath("$.items[0].outcome").value("toegekend"))
                .andExpect(jsonPath("$.items[0].decidedBy").value("gebiedsmanager"))
                .andExpect(jsonPath("$.items[0].decidingGroup").value("gebiedsmanager"))
                .andExpect(jsonPath("$.items[0].decidingRole").value("gebiedsmanager"))
                .andExpect(jsonPath("$.items[0].decidedAfterDeadline").value(false))
                .andExpect(jsonPath("$.items[0].receivedOn").value(RECEIVED.toString()));
        search("caseNumber=" + IN_TIME.substring(IN_TIME.length() - 6)).andExpect(numbers(IN_TIME));
        search("caseNumber=BV-1999-999999").andExpect(jsonPath("$.totalItems").value(0));
    }

    @Test
    void decidedAfterTheLegalDeadlineFindsTheLateCaseOnly() throws Exception {
        search("decidedAfterDeadline=true")
                .andExpect(numbers(LATE))
                .andExpect(jsonPath("$.items[0].decidedAfterDeadline").value(true))
                .andExpect(jsonPath("$.items[0].daysAfterDeadline").value(4));
        search("decidedAfterDeadline=false").andExpect(numbers(IN_TIME));
    }

    @Test
    void theDecidingRoleIsTheRoleOfTheDecidingGroup() throws Exception {
        search("decidingRole=wijkmanager")
                .andExpect(numbers(LATE))
                .andExpect(jsonPath("$.items[0].decidingRole").value("wijkmanager"))
                .andExpect(jsonPath("$.items[0].decidingGroup").value("wijkmanager-loenen"))
                .andExpect(jsonPath("$.items[0].decidedBy").value("wm.loenen"));
        search("decidingRole=gebiedsmanager").andExpect(numbers(IN_TIME));
        search("decidingRole=wethouder").andExpect(jsonPath("$.items", empty()));
    }

    @Test
    void neighbourhoodOutcomeAndPeriodCombine() throws Exception {
        search("neighbourhood=loenen&outcome=afgewezen").andExpect(numbers(LATE));
        search("neighbourhood=maarssenbroek")
                .andExpect(numbers(RUNNING))
                .andExpect(jsonPath("$.items[0].outcome").doesNotExist());
        search("from=" + RECEIVED + "&to=" + RECEIVED).andExpect(jsonPath("$.totalItems").value(3));
        search("from=" + RECEIVED.plusDays(1)).andExpect(jsonPath("$.items", empty()));
        search("to=" + RECEIVED.minusDays(1)).andExpect(jsonPath("$.items", empty()));
    }

    @Test
    void resultsArePaged() throws Exception {
        search("from=" + RECEIVED + "&size=1")
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.totalItems").value(3))
                .andExpect(jsonPath("$.totalPages").value(3))
                .andExpect(numbers(RUNNING));
        search("from=" + RECEIVED + "&size=1&page=1").andExpect(numbers(LATE));
        search("from=" + RECEIVED + "&size=1&page=2").andExpect(numbers(IN_TIME));
    }

    @Test
    void invalidParametersAreAProblemWithAMessagePerFieldAndNothingIsSearched() throws Exception {
        mvc.perform(get("/api/dossiers?caseNumber=BV%25'--&neighbourhood=atlantis&from=2026-13-01&to=gisteren"
                        + "&outcome=misschien&decidingRole=burgemeester&decidedAfterDeadline=soms&page=-1&size=1000"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.items").doesNotExist())
                .andExpect(jsonPath("$.errors", aMapWithSize(9)))
                .andExpect(jsonPath("$.errors.caseNumber").exists())
                .andExpect(jsonPath("$.errors.neighbourhood", allOf(containsString("Onbekende wijk"), containsString("breukelen"))))
                .andExpect(jsonPath("$.errors.from", containsString("jjjj-mm-dd")))
                .andExpect(jsonPath("$.errors.to").exists())
                .andExpect(jsonPath("$.errors.outcome", allOf(containsString("toegekend"), containsString("buiten-behandeling"))))
                .andExpect(jsonPath("$.errors.decidingRole",
                        allOf(containsString("wijkmanager"), containsString("gebiedsmanager"), containsString("wethouder"))))
                .andExpect(jsonPath("$.errors.decidedAfterDeadline").exists())
                .andExpect(jsonPath("$.errors.page").exists())
                .andExpect(jsonPath("$.errors.size").exists());

        mvc.perform(get("/api/dossiers?from=2026-02-01&to=2026-01-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", aMapWithSize(1)))
                .andExpect(jsonPath("$.errors.to").value("De einddatum ligt vóór de begindatum."));
    }

    @Test
    @WithMockUser(username = "demo", roles = "administrator")
    void administratorsMaySearch() throws Exception {
        mvc.perform(get("/api/dossiers")).andExpect(status().isOk()).andExpect(jsonPath("$.totalItems").value(3));
    }

    @Test
    @WithMockUser(username = "wm.breukelen", roles = {"wijkmanager", "gebiedsmanager", "wethouder", "process-owner",
            "front-office", "domain-specialist"})
    void everyOtherRoleIsRefused() throws Exception {
        mvc.perform(get("/api/dossiers"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.items").doesNotExist());
    }

    private ResultActions search(String query) throws Exception {
        return mvc.perform(get("/api/dossiers?" + query)).andExpect(status().isOk());
    }

    private static org.springframework.test.web.servlet.ResultMatcher numbers(String... caseNumbers) {
        return jsonPath("$.items[*].caseNumber", contains(caseNumbers));
    }
}
