package nl.wijkzaken.mail.internal;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import nl.wijkzaken.mail.MessageType;

/** Renders the plain-text mail templates in templates/mail/ (Thymeleaf TEXT mode, editable by non-developers). */
@Component
public class MailTemplates {

    private static final String SUBJECT_PREFIX = "Onderwerp:";

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    MailTemplates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    public RenderedMail render(MessageType type, Map<String, String> values) {
        Context context = new Context();
        values.forEach(context::setVariable);
        String text = engine.process(type.template(), context).replace("\r\n", "\n");
        int newline = text.indexOf('\n');
        String firstLine = newline < 0 ? text : text.substring(0, newline);
        if (!firstLine.startsWith(SUBJECT_PREFIX)) {
            throw new IllegalStateException("Mail template " + type.template() + " must start with '" + SUBJECT_PREFIX + "'");
        }
        String body = newline < 0 ? "" : text.substring(newline + 1).strip() + "\n";
        return new RenderedMail(firstLine.substring(SUBJECT_PREFIX.length()).strip(), body);
    }
}
