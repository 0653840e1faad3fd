package nl.wijkzaken.benchmark;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

import nl.wijkzaken.subsidy.SubsidyRegulations;
import nl.wijkzaken.support.Ceilings;
import nl.wijkzaken.neighbourhood.Neighbourhood;
import nl.wijkzaken.neighbourhood.Neighbourhoods;

/**
 * The municipality the benchmark works in. The production profile creates no demo data, so the benchmark creates
 * what an administrator would: the four neighbourhoods, the groups of role-authorizations.yml (whose grants and
 * Tasklist filters the application applies to these group ids at start-up), one user per role with a password,
 * and a buurtbudget per neighbourhood and year big enough for every grant of the run. Plus the plain baseline
 * process ({@code benchmark/plain-seven-tasks.bpmn}) and the front office's right to start it.
 */
final class Organisation {

    static final String PASSWORD = "Benchmark-wachtwoord-2026";
    static final List<String> NEIGHBOURHOODS = List.of("maarssenbroek", "maarssen-dorp", "breukelen", "loenen");
    static final BigDecimal YEARLY_BUDGET = new BigDecimal("1000000000.00");
    static final String PLAIN_PROCESS = "benchmark-plain";

    /** user id → groups */
    static final Map<String, List<String>> USERS = new LinkedHashMap<>();

    static {
        USERS.put("balie", List.of("balie"));
        for (String n : NEIGHBOURHOODS) {
            USERS.put(wijkmanager(n), List.of("wijkmanager-" + n));
        }
        USERS.put("adv.fysiek", List.of("advies-fysiek"));
        USERS.put("adv.sociaal", List.of("advies-sociaal"));
        USERS.put("adv.veiligheid", List.of("advies-veiligheid"));
        USERS.put("gebiedsmanager", List.of("gebiedsmanager"));
        USERS.put("wethouder", List.of("wethouder"));
        USERS.put("auditor", List.of("auditor"));
    }

    private Organisation() {
    }

    static String wijkmanager(String neighbourhood) {
        return "wm." + neighbourhood;
    }

    static String name(String code) {
        return switch (code) {
            case "maarssenbroek" -> "Maarssenbroek";
            case "maarssen-dorp" -> "Maarssen-Dorp";
            case "breukelen" -> "Breukelen";
            case "loenen" -> "Loenen";
            default -> code;
        };
    }

    static void create(BenchmarkApp app, int firstBudgetYear, int lastBudgetYear) {
        Neighbourhoods neighbourhoods = app.bean(Neighbourhoods.class);
        NEIGHBOURHOODS.forEach(code -> neighbourhoods.register(new Neighbourhood(code, name(code))));

        IdentityService identity = app.bean(IdentityService.class);
        USERS.forEach((userId, groups) -> {
            for (String groupId : groups) {
                if (identity.createGroupQuery().groupId(groupId).count() == 0) {
                    Group group = identity.newGroup(groupId);
                    group.setName(groupId);
                    group.setType("WORKFLOW");
                    identity.saveGroup(group);
                }
            }
            if (identity.createUserQuery().userId(userId).count() == 0) {
                User user = identity.newUser(userId);
                user.setFirstName(userId);
                user.setLastName("Benchmark");
                user.setEmail(userId + "@benchmark.example");
                user.setPassword(PASSWORD);
                identity.saveUser(user);
                groups.forEach(groupId -> identity.createMembership(userId, groupId));
            }
        });

        // Grants need a published ceiling (Awb 4:25-4:27): the regulation of each year and a ceiling act per
        // neighbourhood, which books the ledger.
        SubsidyRegulations regulations = app.bean(SubsidyRegulations.class);
        for (int year = firstBudgetYear; year <= lastBudgetYear; year++) {
            for (String n : NEIGHBOURHOODS) {
                if (regulations.acts(year, n).isEmpty()) {
                    Ceilings.ceiling(regulations, n, year, YEARLY_BUDGET);
                }
            }
        }

        app.bean(RepositoryService.class).createDeployment().name("benchmark baseline")
                .addClasspathResource("benchmark/plain-seven-tasks.bpmn")
                .enableDuplicateFiltering(true)
                .deploy();
        AuthorizationService authorizations = app.bean(AuthorizationService.class);
        Authorization start = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        start.setResource(Resources.PROCESS_DEFINITION);
        start.setResourceId(PLAIN_PROCESS);
        start.setGroupId("balie");
        start.addPermission(Permissions.READ);
        start.addPermission(Permissions.CREATE_INSTANCE);
        authorizations.saveAuthorization(start);
    }
}
