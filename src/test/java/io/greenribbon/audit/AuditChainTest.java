package io.greenribbon.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditChainTest {

    private static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String K2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    private final AuditChain chain = new AuditChain("k1", AuditChain.parseKeys("k1:" + K1 + ",k2:" + K2));

    private static AuditEntry entry(String detail) {
        return new AuditEntry(Instant.parse("2026-11-26T08:00:00.123456789Z"), "supervisor1", "risk-supervisor",
                "130104", "risk.case.read", "risk_case", "17", "130104", "SUPERVISION", AuditEntry.Outcome.ALLOWED, detail);
    }

    @Test
    void hashesAreStableAndDependOnEveryFieldThePredecessorAndTheKey() {
        ChainedEntry a = chain.link(1, entry(null), AuditChain.GENESIS);
        assertThat(a.hash()).hasSize(64).isEqualTo(chain.hash(1, entry(null), "k1", AuditChain.GENESIS));
        assertThat(chain.hash(1, entry(""), "k1", AuditChain.GENESIS)).isNotEqualTo(a.hash());
        assertThat(chain.hash(2, entry(null), "k1", AuditChain.GENESIS)).isNotEqualTo(a.hash());
        assertThat(chain.hash(1, entry(null), "k1", "1".repeat(64))).isNotEqualTo(a.hash());
        assertThat(chain.hash(1, entry(null), "k2", AuditChain.GENESIS)).isNotEqualTo(a.hash());
        assertThat(chain.hash(1, entry(null), "k9", AuditChain.GENESIS)).isNull();
        assertThat(entry(null).at()).isEqualTo(Instant.parse("2026-11-26T08:00:00.123456Z"));
    }

    @Test
    void theEncodingCannotBeShiftedBetweenFields() {
        AuditEntry x = new AuditEntry(Instant.EPOCH, "ab", "", null, "c", "t", null, null, "p", AuditEntry.Outcome.DENIED, null);
        AuditEntry y = new AuditEntry(Instant.EPOCH, "a", "b", null, "c", "t", null, null, "p", AuditEntry.Outcome.DENIED, null);
        assertThat(AuditChain.canonical(1, x, "k1", "0")).isNotEqualTo(AuditChain.canonical(1, y, "k1", "0"));
        assertThat(chain.hash(1, x, "k1", "0")).isNotEqualTo(chain.hash(1, y, "k1", "0"));
    }

    @Test
    void refusesShortKeysAndAnActiveKeyThatIsNotListed() {
        assertThatThrownBy(() -> AuditChain.parseKeys("k:" + Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new AuditChain("k3", Map.of())).isInstanceOf(IllegalStateException.class);
    }
}
