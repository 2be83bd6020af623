package io.greenribbon.telephony.peer;

import io.greenribbon.telephony.peer.DialplanRunner.Outcome;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * AGI(agi://host[:port]/script,args...): FastAGI as res_agi runs it. The connect gives up after
 * MAX_AGI_CONNECT (2 s); then AGISTATUS is FAILURE, HANGUP after a hang-up, or SUCCESS (transcripts 03, 07).
 */
final class AgiApp {

    static final Duration MAX_AGI_CONNECT = Duration.ofMillis(2000);

    private AgiApp() {
    }

    static Outcome run(DialplanRunner r, PeerChannel a, String data) {
        PbxCore core = r.core;
        List<String> args = Arrays.asList(data.split(",", -1));
        String url = args.get(0).strip();
        if (!url.startsWith("agi://")) {
            throw new IllegalStateException("The peer runs FastAGI (agi://) only, not " + url);
        }
        URI uri = URI.create(url);
        String script = uri.getPath() == null || uri.getPath().isEmpty() ? "" : uri.getPath().substring(1);
        int port = uri.getPort() < 0 ? 4573 : uri.getPort();
        Socket socket = null;
        String failure = null;
        core.lock.unlock();
        try {
            socket = core.agiNetwork.connect(uri.getHost(), port, core.clock.realNanos(MAX_AGI_CONNECT) / 1_000_000L);
        } catch (SocketTimeoutException e) {
            failure = "FastAGI connection to '" + url + "' timed out after MAX_AGI_CONNECT ("
                    + MAX_AGI_CONNECT.toMillis() + ") milliseconds.";
        } catch (IOException e) {
            failure = "Connecting to '" + uri.getHost() + ":" + port + "' failed for url '" + url + "': "
                    + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            core.lock.lock();
        }
        String status;
        if (socket == null) {
            if (failure != null) {
                // res_agi logs both lines for every call while the server cannot be reached (07a, 07d, 10a).
                core.log.warning(a, "res_agi.c", failure);
                core.log.warning(a, "res_agi.c", "Couldn't connect to any host.  FastAGI failed.");
            }
            status = "FAILURE";
        } else {
            FastAgiClient client = new FastAgiClient(core, r, a, socket, url, script, args.subList(1, args.size()));
            a.agi = client;
            try {
                status = client.run();
            } finally {
                a.agi = null;
            }
        }
        core.setVariable(a, "AGISTATUS", status);
        return a.hangupRequested ? Outcome.HANGUP : Outcome.NEXT;
    }
}
