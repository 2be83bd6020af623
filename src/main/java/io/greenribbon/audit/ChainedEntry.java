package io.greenribbon.audit;

/** An audit entry with its place in the chain: sequence number, key id, the previous hash and its own. */
public record ChainedEntry(long seq, AuditEntry entry, String keyId, String prevHash, String hash) {
}
