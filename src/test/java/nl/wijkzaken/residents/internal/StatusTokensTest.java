package nl.wijkzaken.residents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class StatusTokensTest {

    @Test
    void tokensAre32RandomBytesInBase64UrlAndNeverRepeat() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = StatusTokens.newToken();
            assertThat(StatusTokens.wellFormed(token)).isTrue();
            tokens.add(token);
        }
        assertThat(tokens).hasSize(1000);
    }

    @Test
    void onlyTheHashIsStoredAndHashesCompareExactly() {
        String token = StatusTokens.newToken();
        String hash = StatusTokens.hash(token);

        assertThat(hash).hasSize(64).doesNotContain(token);
        assertThat(StatusTokens.sameHash(hash, StatusTokens.hash(token))).isTrue();
        assertThat(StatusTokens.sameHash(hash, StatusTokens.hash(StatusTokens.newToken()))).isFalse();
    }

    @Test
    void maskingTwiceWithTheSamePadGivesTheTokenBack() {
        String token = StatusTokens.newToken();
        byte[] pad = StatusTokens.sha256("pad".getBytes());

        String masked = StatusTokens.mask(token, pad);

        assertThat(masked).isNotEqualTo(token);
        assertThat(StatusTokens.mask(masked, pad)).isEqualTo(token);
    }

    @Test
    void anythingButA43CharacterBase64UrlStringIsNoToken() {
        assertThat(StatusTokens.wellFormed(null)).isFalse();
        assertThat(StatusTokens.wellFormed("BV-2026-000001")).isFalse();
        assertThat(StatusTokens.wellFormed("A".repeat(42) + "=")).isFalse();
        assertThat(StatusTokens.wellFormed("A".repeat(43))).isTrue();
    }
}
