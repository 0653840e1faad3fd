package nl.wijkzaken.supplement;

import java.util.Arrays;
import java.util.Optional;

/** How a supplement reached the municipality (LEGAL.md section 4: post, desk, electronically). */
public enum Channel {
    POST("post", "per post"),
    DESK("balie", "aan de balie"),
    EMAIL("e-mail", "per e-mail"),
    /** The resident's status page: the date of receipt is the moment the server received it. */
    STATUS_PAGE("statuspagina", "via de statuspagina");

    private final String code;
    private final String words;

    Channel(String code, String words) {
        this.code = code;
        this.words = words;
    }

    public String code() {
        return code;
    }

    /** Dutch, as in "Aanvulling ontvangen per post". */
    public String words() {
        return words;
    }

    public static Optional<Channel> ofCode(String code) {
        return Arrays.stream(values()).filter(channel -> channel.code.equals(code)).findFirst();
    }
}
