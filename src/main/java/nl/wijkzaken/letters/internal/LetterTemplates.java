package nl.wijkzaken.letters.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

import nl.wijkzaken.deadline.LegalCalendar;
import nl.wijkzaken.letters.LetterContent;
import nl.wijkzaken.shared.DutchFormat;

/**
 * The letter templates: {@code <kind>.html} and the shared parts in {@code onderdelen.html} (letterhead, address,
 * signature, objection clause), first from {@code wijkzaken.letters.template-directory} when set, else built in
 * ({@code templates/letters/}). Thymeleaf HTML, editable without Java; the values a template gets are listed in
 * templates/letters/README.md.
 */
@Component
@EnableConfigurationProperties(LettersProperties.class)
public class LetterTemplates {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final LettersProperties properties;
    private final LegalCalendar calendar;

    public LetterTemplates(LettersProperties properties, LegalCalendar calendar) {
        this.properties = properties;
        this.calendar = calendar;
        int order = 1;
        String directory = properties.templateDirectory();
        if (directory != null && !directory.isBlank()) {
            Path path = Path.of(directory);
            if (!Files.isDirectory(path)) {
                throw new IllegalStateException("wijkzaken.letters.template-directory " + directory + " is geen map");
            }
            FileTemplateResolver external = new FileTemplateResolver();
            external.setPrefix(path.toAbsolutePath() + "/");
            external.setSuffix(".html");
            external.setTemplateMode(TemplateMode.HTML);
            external.setCharacterEncoding(StandardCharsets.UTF_8.name());
            external.setCheckExistence(true);
            // A municipality edits its templates while the application runs: read them again after a minute.
            external.setCacheTTLMs(60_000L);
            external.setOrder(order++);
            engine.addTemplateResolver(external);
        }
        ClassLoaderTemplateResolver builtIn = new ClassLoaderTemplateResolver();
        builtIn.setPrefix("templates/letters/");
        builtIn.setSuffix(".html");
        builtIn.setTemplateMode(TemplateMode.HTML);
        builtIn.setCharacterEncoding(StandardCharsets.UTF_8.name());
        builtIn.setCheckExistence(true);
        builtIn.setOrder(order);
        engine.addTemplateResolver(builtIn);
    }

    /** The letter as HTML, dated {@code sentOn}: the day it is (or would be, for a draft) sent. */
    public String html(LetterContent letter, LocalDate sentOn) {
        Map<String, Object> values = new HashMap<>();
        values.put("letter", letter);
        values.put("kind", letter.kind());
        values.put("municipality", properties.municipality());
        values.put("objectionAddress", properties.objectionAddress());
        values.put("court", properties.court());
        values.put("courtAddress", properties.courtAddress());
        values.put("letterDate", DutchFormat.date(sentOn));
        values.put("receivedOn", letter.receivedOn() == null ? null : DutchFormat.date(letter.receivedOn()));
        // Awb 6:7/6:8 with the Algemene termijnenwet: six weeks from the day after sending, moved past a weekend or holiday.
        values.put("objectionUntil", DutchFormat.date(calendar.objectionTermEnd(sentOn)));
        LetterContent.Grant grant = letter.grant();
        // Awb 4:23: the regulation's article of the period the application was received in; else the configured text.
        values.put("legalBasis", grant != null && grant.legalBasis() != null && !grant.legalBasis().isBlank()
                ? grant.legalBasis() : properties.legalBasis().get(letter.kind().code()));
        values.put("grant", grant);
        values.put("activityEndDate", grant == null || grant.activityEndDate() == null ? null : DutchFormat.date(grant.activityEndDate()));
        values.put("writtenChangeOn", grant == null || grant.writtenChangeOn() == null ? null : DutchFormat.date(grant.writtenChangeOn()));
        values.put("changedAmount", grant == null || grant.changedAmount() == null ? null : DutchFormat.euro(grant.changedAmount()));
        values.put("amountRequested", letter.amountRequested() == null ? null : DutchFormat.euro(letter.amountRequested()));
        values.put("decidedAmount", letter.decidedAmount() == null ? null : DutchFormat.euro(letter.decidedAmount()));
        values.put("refusedAmount", letter.amountRequested() == null || letter.decidedAmount() == null ? null
                : DutchFormat.euro(letter.amountRequested().subtract(letter.decidedAmount())));
        values.put("advance", letter.advance() == null ? null : DutchFormat.euro(letter.advance()));
        values.put("accountabilityDate", letter.accountabilityDate() == null ? null : DutchFormat.date(letter.accountabilityDate()));
        String obligations = letter.obligations() != null && !letter.obligations().isBlank()
                ? letter.obligations() : properties.obligations();
        values.put("obligations", obligations);
        // One obligation per line, as the decider edited them.
        values.put("obligationLines", obligations == null ? java.util.List.of()
                : obligations.lines().map(String::strip).filter(line -> !line.isEmpty()).toList());
        values.put("plannedOn", letter.answer() == null || letter.answer().plannedOn() == null ? null
                : DutchFormat.date(letter.answer().plannedOn()));
        values.put("allocatedAmount", letter.answer() == null || letter.answer().allocatedAmount() == null ? null
                : DutchFormat.euro(letter.answer().allocatedAmount()));
        values.put("signatoryFunction", letter.signatoryFunction() != null && !letter.signatoryFunction().isBlank()
                ? letter.signatoryFunction() : properties.defaultSignatoryFunction());
        return engine.process(letter.kind().code(), new Context(DutchFormat.LOCALE, values));
    }

    /** The function of the signatory for a deciding group: configured per group or group prefix. */
    public String functionOfGroup(String group) {
        if (group == null) {
            return properties.defaultSignatoryFunction();
        }
        String exact = properties.signatoryFunctions().get(group);
        if (exact != null) {
            return exact;
        }
        return properties.signatoryFunctions().entrySet().stream()
                .filter(entry -> group.startsWith(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(properties.defaultSignatoryFunction());
    }
}
