package nl.wijkzaken.letters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import nl.wijkzaken.deadline.LegalCalendar;
import nl.wijkzaken.letters.internal.LetterTemplates;
import nl.wijkzaken.letters.internal.LettersProperties;

/** TEST ONLY: the letters as the application configures them (application.yml), without Spring or a database. */
public final class LetterFixtures {

    private LetterFixtures() {
    }

    /** {@code wijkzaken.letters} of src/main/resources/application.yml, with the given template directory (or none). */
    public static LettersProperties properties(String templateDirectory) {
        try {
            List<PropertySource<?>> loaded = new YamlPropertySourceLoader().load("application.yml",
                    new ClassPathResource("application.yml"));
            MutablePropertySources sources = new MutablePropertySources();
            loaded.forEach(sources::addLast);
            LettersProperties bound = new Binder(ConfigurationPropertySources.from(sources),
                    new PropertySourcesPlaceholdersResolver(sources))
                    .bind("wijkzaken.letters", LettersProperties.class).get();
            return new LettersProperties(templateDirectory, bound.municipality(), bound.objectionAddress(), bound.court(),
                    bound.courtAddress(), bound.legalBasis(), bound.obligations(), bound.signatoryFunctions(),
                    bound.defaultSignatoryFunction());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LetterTemplates templates(String templateDirectory) {
        return new LetterTemplates(properties(templateDirectory), LegalCalendar.ofLaw());
    }

    public static PdfTemplates pdf() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return new PdfTemplates(engine);
    }

    /** Letters that render (no database: {@link Letters#render} only, unless a JdbcClient is given). */
    public static Letters letters(org.springframework.jdbc.core.simple.JdbcClient jdbc, String templateDirectory) {
        return new Letters(jdbc, templates(templateDirectory), pdf(), new ObjectMapper().findAndRegisterModules());
    }

    /** A letter of this kind about a playground in Breukelen, as the process would prepare it. */
    public static LetterContent content(LetterKind kind) {
        boolean grant = kind == LetterKind.TOEKENNING || kind == LetterKind.GEDEELTELIJKE_TOEKENNING;
        BigDecimal decided = switch (kind) {
            case TOEKENNING -> new BigDecimal("1500.00");
            case GEDEELTELIJKE_TOEKENNING -> new BigDecimal("1000.00");
            default -> null;
        };
        return new LetterContent("BV-2026-000042", kind, "Fatima de Vries", "Buurtgroep Zuid",
                List.of("Straatweg 1", "3621 AB Breukelen"), "fatima@example.org", "Speeltoestel in het Kerkpark",
                LocalDate.of(2026, 3, 2), new BigDecimal("1500.00"), decided,
                "Het speeltoestel past binnen het speelruimtebeleid; de vakafdeling adviseerde positief.",
                grant ? "Plaatsen van een speeltoestel in het Kerkpark" : null, null,
                grant ? "Het toestel voldoet aan het Warenwetbesluit attractie- en speeltoestellen." : null,
                grant ? new BigDecimal("500.00") : null, grant ? LocalDate.of(2027, 3, 1) : null,
                "Bram Breukels", "Wijkmanager", "Mandaatbesluit wijkzaken 2026 (kenmerk Z/26/001, 13 januari 2026)",
                kind == LetterKind.DOORZENDING ? "het college van gedeputeerde staten van Utrecht" : null,
                "Team wijk Breukelen");
    }
}
