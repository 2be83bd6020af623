package io.greenribbon.risk;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for the hotline module's side of the risk ports (live calls, sealed caller numbers) until the
 * hotline branch is merged: tests put a counsellor on a call with a caller. A default bean: the hotline's
 * real implementation replaces it as soon as it exists.
 */
@Singleton
@DefaultBean
public class HotlineStandIn implements LiveCallDirectory, CallerNumbers {

    private final Map<String, LiveCall> calls = new ConcurrentHashMap<>();
    private final Map<Long, String> numbers = new ConcurrentHashMap<>();

    public void onCall(String username, long contactId, String callerKey, String number) {
        calls.put(username, new LiveCall(contactId, callerKey));
        numbers.put(contactId, number);
    }

    public void hangUp(String username) {
        calls.remove(username);
    }

    @Override
    public Uni<Optional<LiveCall>> currentCall(String username) {
        return Uni.createFrom().item(Optional.ofNullable(calls.get(username)));
    }

    @Override
    public Uni<String> open(long contactId) {
        String number = numbers.get(contactId);
        return number == null ? Uni.createFrom().failure(new IllegalStateException("no number for contact " + contactId))
                : Uni.createFrom().item(number);
    }
}
