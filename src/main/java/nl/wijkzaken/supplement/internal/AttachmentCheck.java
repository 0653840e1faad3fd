package nl.wijkzaken.supplement.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.wijkzaken.refusal.Refusal;
import nl.wijkzaken.supplement.Attachment;

/**
 * What a supplement may carry: PDF, JPEG or PNG, recognised by the file's first bytes (its "magic number"), not by
 * its name or the type the sender claims, and the claimed type (when given) must agree; at most
 * {@value #MAX_FILES} files of at most 10 MB each and 20 MB together. Anything else is refused with a Dutch message
 * per file before anything is stored.
 */
public final class AttachmentCheck {

    public static final int MAX_FILES = 5;
    public static final int MAX_FILE_BYTES = 10 * 1024 * 1024;
    public static final int MAX_TOTAL_BYTES = 20 * 1024 * 1024;
    public static final int MAX_NAME_LENGTH = 200;

    /** The types accepted, with the bytes a file of that type starts with. */
    public enum FileType {
        PDF("application/pdf", "PDF", new byte[] {'%', 'P', 'D', 'F', '-'}),
        JPEG("image/jpeg", "JPEG", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
        PNG("image/png", "PNG", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

        private final String contentType;
        private final String label;
        private final byte[] magic;

        FileType(String contentType, String label, byte[] magic) {
            this.contentType = contentType;
            this.label = label;
            this.magic = magic;
        }

        public String contentType() {
            return contentType;
        }

        public String label() {
            return label;
        }

        static Optional<FileType> of(byte[] content) {
            return Arrays.stream(values())
                    .filter(type -> content.length >= type.magic.length
                            && Arrays.equals(Arrays.copyOf(content, type.magic.length), type.magic))
                    .findFirst();
        }
    }

    /** A checked file: its cleaned name and the type its content has. */
    public record Checked(String fileName, FileType type, byte[] content) {
    }

    private AttachmentCheck() {
    }

    /** The checked files in order, or a 400/413 {@link Refusal} with a Dutch message per file under {@code errors}. */
    public static List<Checked> check(List<Attachment> attachments) {
        if (attachments.size() > MAX_FILES) {
            throw Refusal.invalid("U kunt hoogstens " + MAX_FILES + " bijlagen meesturen (nu " + attachments.size() + ").");
        }
        long total = attachments.stream().mapToLong(a -> a.content() == null ? 0 : a.content().length).sum();
        if (total > MAX_TOTAL_BYTES) {
            throw Refusal.tooLarge("De bijlagen zijn samen groter dan 20 MB.");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        List<Checked> checked = new java.util.ArrayList<>();
        for (int i = 0; i < attachments.size(); i++) {
            Attachment attachment = attachments.get(i);
            String name = cleanName(attachment.fileName());
            String field = "bijlage " + (i + 1) + " (" + name + ")";
            byte[] content = attachment.content() == null ? new byte[0] : attachment.content();
            if (content.length == 0) {
                errors.put(field, "Het bestand is leeg.");
                continue;
            }
            if (content.length > MAX_FILE_BYTES) {
                errors.put(field, "Het bestand is groter dan 10 MB.");
                continue;
            }
            Optional<FileType> type = FileType.of(content);
            if (type.isEmpty()) {
                errors.put(field, "Alleen PDF-, JPEG- en PNG-bestanden zijn toegestaan; dit bestand is geen van drieën.");
                continue;
            }
            String declared = attachment.declaredContentType();
            if (declared != null && !declared.isBlank() && !declared.equalsIgnoreCase("application/octet-stream")
                    && !declared.toLowerCase(java.util.Locale.ROOT).startsWith(type.get().contentType())) {
                errors.put(field, "Het bestand is een " + type.get().label() + "-bestand, maar werd verstuurd als " + declared + ".");
                continue;
            }
            checked.add(new Checked(name, type.get(), content));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid("Niet alle bijlagen kunnen worden aangenomen: " + String.join("; ", errors.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).toList())).with("errors", errors);
        }
        return checked;
    }

    /** The name without a path and without control characters, at most {@value #MAX_NAME_LENGTH} characters. */
    static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\x00-\\x1F\\x7F\"]", "").strip();
        if (name.isEmpty()) {
            name = "bijlage";
        }
        return name.length() > MAX_NAME_LENGTH ? name.substring(name.length() - MAX_NAME_LENGTH) : name;
    }
}
