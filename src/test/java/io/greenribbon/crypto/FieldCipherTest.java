package io.greenribbon.crypto;

import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldCipherTest {

    private static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String K2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    private final Map<String, SecretKey> keyring = FieldCipher.parseKeyring("k1:" + K1 + ", k2:" + K2);

    @Test
    void sealsAndOpensWithTheActiveKey() {
        FieldCipher cipher = new FieldCipher("k2", keyring);
        String sealed = cipher.seal("+8631166668888", "contact.caller_number");
        assertThat(sealed).startsWith("k2:").doesNotContain("66668888");
        assertThat(cipher.open(sealed, "contact.caller_number")).isEqualTo("+8631166668888");
        assertThat(cipher.seal("same", "x")).isNotEqualTo(cipher.seal("same", "x"));
    }

    @Test
    void opensValuesSealedUnderAnOlderKeyAndFlagsThemForResealing() {
        String old = new FieldCipher("k1", keyring).seal("安全计划", "plan");
        FieldCipher rotated = new FieldCipher("k2", keyring);
        assertThat(rotated.open(old, "plan")).isEqualTo("安全计划");
        assertThat(rotated.needsResealing(old)).isTrue();
        assertThat(rotated.needsResealing(rotated.seal("x", "plan"))).isFalse();
    }

    @Test
    void refusesTamperedMisplacedAndUnknownKeyValues() {
        FieldCipher cipher = new FieldCipher("k1", keyring);
        String sealed = cipher.seal("note", "risk_case.note");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "k1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> cipher.open(tampered, "risk_case.note")).isInstanceOf(SealedValueException.class);
        assertThatThrownBy(() -> cipher.open(sealed, "booking.client_contact")).isInstanceOf(SealedValueException.class);
        assertThatThrownBy(() -> cipher.open("k9" + sealed.substring(2), "risk_case.note"))
                .isInstanceOf(SealedValueException.class);
    }

    @Test
    void refusesAKeyringWithoutTheActiveKeyOrWithShortKeys() {
        assertThatThrownBy(() -> new FieldCipher("k3", keyring)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> FieldCipher.parseKeyring("k1:" + Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keyedHashIsStableAndDependsOnTheKey() {
        KeyedHash a = new KeyedHash(new byte[32]);
        KeyedHash b = new KeyedHash("0123456789abcdef0123456789abcdef".getBytes());
        assertThat(a.of("+8631166668888")).isEqualTo(a.of("+8631166668888")).hasSize(64);
        assertThat(a.of("+8631166668888")).isNotEqualTo(b.of("+8631166668888"));
    }
}
