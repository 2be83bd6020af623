package io.greenribbon.risk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenribbon.crypto.FieldCipher;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Seals risk text at rest. The associated data binds each value to its column and row
 * ({@code risk_case.note_sealed#17}), so a sealed note moved to another case no longer opens.
 */
@ApplicationScoped
public class RiskSeal {

    private final FieldCipher cipher;
    private final ObjectMapper json;

    public RiskSeal(FieldCipher cipher, ObjectMapper json) {
        this.cipher = cipher;
        this.json = json;
    }

    public String seal(String text, String column, long id) {
        return text == null || text.isBlank() ? null : cipher.seal(text, column + "#" + id);
    }

    public String open(String sealed, String column, long id) {
        return sealed == null ? null : cipher.open(sealed, column + "#" + id);
    }

    public String sealJson(Object value, String column, long id) {
        try {
            return value == null ? null : cipher.seal(json.writeValueAsString(value), column + "#" + id);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public <T> T openJson(String sealed, Class<T> type, String column, long id) {
        try {
            return sealed == null ? null : json.readValue(cipher.open(sealed, column + "#" + id), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Sealed " + column + " of " + id + " is not readable JSON", e);
        }
    }
}
