package nl.wijkzaken.letters;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.Map;
import java.util.logging.Level;

import com.openhtmltopdf.extend.FSTextBreaker;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;

import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import nl.wijkzaken.shared.DutchFormat;

/**
 * HTML template to PDF: a Thymeleaf template (under templates/, like any page) rendered with the given variables and
 * laid out by openhtmltopdf as PDF/A-2u, the archival PDF, with the DejaVu Sans font embedded (family
 * {@code "DejaVu Sans"}, normal and bold). Not tied to a web request, so process steps can use it too (the decision
 * letters); a template for it uses no context-relative links ({@code @{/...}}) and sets its own print CSS.
 */
@Component
public class PdfTemplates {

    private static final String FONT_FAMILY = "DejaVu Sans";

    private final ITemplateEngine templates;
    private final byte[] regular;
    private final byte[] bold;
    /** PDF/A demands an output intent; Java's own sRGB profile is the usual one. */
    private final byte[] sRgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    static {
        // openhtmltopdf prints to stderr by default; this puts its messages in the application's log.
        XRLog.setLoggerImpl(new ApplicationLog());
    }

    PdfTemplates(ITemplateEngine templates) {
        this.templates = templates;
        this.regular = font("fonts/DejaVuSans.ttf");
        this.bold = font("fonts/DejaVuSans-Bold.ttf");
    }

    /** The PDF of {@code template} (e.g. "audit/dossier-pdf") with these variables. */
    public byte[] render(String template, Map<String, ?> variables) {
        return fromHtml(templates.process(template, new Context(DutchFormat.LOCALE, Map.copyOf(variables))), template);
    }

    /** The PDF of HTML already rendered (e.g. by the letters' own template engine); {@code what} names it in errors. */
    public byte[] fromHtml(String html, String what) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useUnicodeLineBreaker(new SpaceBreaker());
            builder.usePdfAConformance(PdfAConformance.PDFA_2_U);
            builder.useColorProfile(sRgb);
            builder.useFont(() -> new ByteArrayInputStream(regular), FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(bold), FONT_FAMILY, 700, FontStyle.NORMAL, true);
            // Thymeleaf writes HTML5; openhtmltopdf reads a DOM, which jsoup builds from HTML as a browser would.
            builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF van " + what + " kon niet worden gemaakt", e);
        }
    }

    /**
     * Lines break at white space only, as a typist would: openhtmltopdf's default also breaks after '.', '@', '-'
     * and '/', which splits case numbers, user ids and e-mail addresses over two lines (unsearchable in the PDF).
     */
    private static final class SpaceBreaker implements FSTextBreaker {
        private String text = "";
        private int position;

        @Override
        public void setText(String text) {
            this.text = text;
            this.position = 0;
        }

        @Override
        public int next() {
            if (position >= text.length()) {
                return BreakIterator.DONE;
            }
            while (position < text.length() && !Character.isWhitespace(text.charAt(position))) {
                position++;
            }
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
            return position;
        }
    }

    /** openhtmltopdf's messages under their own logger names (com.openhtmltopdf.*), so logging.level applies. */
    private static final class ApplicationLog implements XRLogger {

        @Override
        public void log(String where, Level level, String message) {
            log(where, level, message, null);
        }

        @Override
        public void log(String where, Level level, String message, Throwable error) {
            Logger logger = LoggerFactory.getLogger(where);
            if (level.intValue() >= Level.SEVERE.intValue()) {
                logger.error(message, error);
            } else if (level.intValue() >= Level.WARNING.intValue()) {
                logger.warn(message, error);
            } else if (level.intValue() >= Level.INFO.intValue()) {
                logger.info(message, error);
            } else {
                logger.debug(message, error);
            }
        }

        @Override
        public void setLevel(String logger, Level level) {
            // Levels are the application's (logging.level.com.openhtmltopdf).
        }

        @Override
        public boolean isLogLevelEnabled(Diagnostic diagnostic) {
            return diagnostic.getLevel().intValue() >= Level.WARNING.intValue()
                    || LoggerFactory.getLogger("com.openhtmltopdf").isInfoEnabled();
        }
    }

    private static byte[] font(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Lettertype " + path + " ontbreekt", e);
        }
    }
}
