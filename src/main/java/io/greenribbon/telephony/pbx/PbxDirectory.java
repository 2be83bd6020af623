package io.greenribbon.telephony.pbx;

import io.agroal.api.AgroalDataSource;
import io.greenribbon.telephony.TelephonyConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The PBXs on this database and the queues each one holds (as its event leader last saw them in
 * QueueStatus), so that work for a queue or a phone goes to the PBX that has it. A queue no PBX reported
 * counts as this deployment's own (a single PBX, or before the first report). Refreshed on every renewal
 * of the claim ({@link PbxClaim}).
 */
@ApplicationScoped
public class PbxDirectory {

    /** One PBX as table {@code telephony_pbx} has it. */
    public record Entry(String pbxId, String deploymentId, Instant renewedAt, Set<String> queues) {
        public Entry {
            queues = Set.copyOf(queues);
        }
    }

    private final AgroalDataSource dataSource;
    private final TelephonyConfig config;
    private volatile Map<String, Entry> entries = Map.of();

    public PbxDirectory(AgroalDataSource dataSource, TelephonyConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** This deployment's PBX. */
    public String mine() {
        return config.pbxId();
    }

    /** The PBX holding {@code queue}: this one when it holds it too, or when no PBX reported it. */
    public String holderOf(String queue) {
        Map<String, Entry> snapshot = entries;
        Entry own = snapshot.get(mine());
        if (queue == null || own != null && own.queues().contains(queue)) {
            return mine();
        }
        return snapshot.values().stream().filter(e -> e.queues().contains(queue)).map(Entry::pbxId).sorted()
                .findFirst().orElse(mine());
    }

    /** Whether {@code queue} is this deployment's PBX's (or no PBX reported it). */
    public boolean isMine(String queue) {
        return holderOf(queue).equals(mine());
    }

    /** Every PBX the database knows, by id. */
    public Map<String, Entry> entries() {
        return entries;
    }

    void refresh(Map<String, Entry> loaded) {
        entries = Map.copyOf(loaded);
    }

    /**
     * Records the hotline queues this PBX holds now (its event leader, after a QueueStatus), for the other
     * deployments. Blocks: call it from a thread that may.
     */
    public void report(Collection<String> queues) {
        Set<String> sorted = new TreeSet<>(queues);
        Entry own = entries.get(mine());
        if (own != null && own.queues().equals(sorted)) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     UPDATE telephony_pbx SET queues = ?, queues_at = now()
                     WHERE pbx_id = ? AND deployment_id = ?""")) {
            ps.setArray(1, c.createArrayOf("text", sorted.toArray()));
            ps.setString(2, mine());
            ps.setString(3, config.deploymentId());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the queues of PBX " + mine() + ": " + e.getMessage(), e);
        }
        Map<String, Entry> updated = new java.util.HashMap<>(entries);
        updated.put(mine(), new Entry(mine(), config.deploymentId(),
                own == null ? Instant.now() : own.renewedAt(), sorted));
        entries = Map.copyOf(updated);
    }

    /** The queues of {@code queues} that another PBX holds, by PBX. */
    public Map<String, List<String>> elsewhere(Collection<String> queues) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        for (String queue : queues) {
            String holder = holderOf(queue);
            if (!holder.equals(mine())) {
                out.computeIfAbsent(holder, k -> new java.util.ArrayList<>()).add(queue);
            }
        }
        return out;
    }

    /** The PBX of a queue, when another PBX than this one holds it. */
    public Optional<String> otherHolderOf(String queue) {
        String holder = holderOf(queue);
        return holder.equals(mine()) ? Optional.empty() : Optional.of(holder);
    }
}
