package nl.wijkzaken;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries: each module uses only what its package-info declares and only the other modules'
 * published API (not their {@code internal} packages); the diagrams are generated and the README shows them.
 */
class ModularityTests {

    /** Importing the classes takes a while; one analysis serves all tests. */
    static final ApplicationModules MODULES = ApplicationModules.of(WijkzakenApplication.class);

    static final String README_START = "<!-- modules: generated from ApplicationModules, checked by ModularityTests -->";

    @Test
    void modulesUseOnlyTheirDeclaredDependenciesAndPublishedApis() {
        MODULES.verify();
    }

    @Test
    void theModuleDiagramsAreWrittenIntoTarget() {
        new Documenter(MODULES).writeDocumentation();

        assertThat(Path.of("target/spring-modulith-docs/components.puml")).isNotEmptyFile();
        assertThat(Path.of("target/spring-modulith-docs/module-audit.puml")).isNotEmptyFile();
    }

    @Test
    void theReadmeShowsTheModulesAsTheCodeHasThem() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int marker = readme.indexOf(README_START);
        assertThat(marker).as("README section with the module diagram (marker %s)", README_START).isNotNegative();
        int start = readme.indexOf("```mermaid\n", marker) + "```mermaid\n".length();
        String shown = readme.substring(start, readme.indexOf("```", start));

        assertThat(shown).as("the README's module diagram; replace it with the expected text").isEqualTo(mermaid(MODULES));
    }

    /** Used by most modules; arrows to them would only hide the structure (the README says so). */
    static final java.util.Set<String> USED_BY_MOST = java.util.Set.of("shared", "refusal");

    /** Top-down: a module above the modules it uses, so the module nobody uses (audit) is on top. */
    static String mermaid(ApplicationModules modules) {
        StringBuilder graph = new StringBuilder("graph TD\n");
        modules.stream().sorted(Comparator.comparing(ModularityTests::name)).forEach(module -> {
            var uses = module.getDirectDependencies(modules).uniqueModules().map(ModularityTests::name)
                    .filter(used -> !USED_BY_MOST.contains(used)).distinct().sorted().toList();
            if (uses.isEmpty()) {
                graph.append("    ").append(name(module)).append('\n');
            }
            uses.forEach(used -> graph.append("    ").append(name(module)).append(" --> ").append(used).append('\n'));
        });
        return graph.toString();
    }

    private static String name(ApplicationModule module) {
        return module.getIdentifier().toString();
    }
}
