package io.greenribbon.risk;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for the hotline module's side of the risk port ({@link HotlineContacts}) until the hotline
 * branch is merged: tests register contacts (caller key, sealed number) and put counsellors on calls. A
 * default bean: the hotline's real implementation replaces it as soon as it exists.
 */
@Singleton
@DefaultBean
public class HotlineStandIn implements HotlineContacts {

    private final Map<String, LiveCall> calls = new ConcurrentHashMap<>();
    private final Map<Long, String> callerKeys = new ConcurrentHashMap<>();
    private final Map<Long, String> numbers = new ConcurrentHashMap<>();

    public void contact(long contactId, String callerKey, String number) {
        callerKeys.put(contactId, callerKey);
        if (number != null) {
            numbers.put(contactId, number);
        }
    }

    public void onCall(String username, long contactId) {
        calls.put(username, new LiveCall(contactId, callerKeys.get(contactId)));
    }

    public void hangUp(String username) {
        calls.remove(username);
    }

    @Override
    public Uni<Optional<LiveCall>> currentCall(String username) {
        return Uni.createFrom().item(Optional.ofNullable(calls.get(username)));
    }

    @Override
    public Uni<Optional<String>> callerKey(long contactId) {
        return Uni.createFrom().item(Optional.ofNullable(callerKeys.get(contactId)));
    }

    @Override
    public Uni<String> openCallerNumber(long contactId) {
        String number = numbers.get(contactId);
        return number == null ? Uni.createFrom().failure(new IllegalStateException("no number for contact " + contactId))
                : Uni.createFrom().item(number);
    }
}
