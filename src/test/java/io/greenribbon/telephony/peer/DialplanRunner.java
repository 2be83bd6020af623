package io.greenribbon.telephony.peer;

import java.util.Map;
import java.util.Optional;

/**
 * Runs a channel through the dialplan, as Asterisk's pbx thread does: each priority in turn (a Newexten,
 * then the application with its data substituted), the {@code h} extension after a hang-up, then the
 * channel's Hangup. One thread per channel; it holds the PBX lock except while an application waits.
 */
final class DialplanRunner {

    /** How an application ended. */
    enum Outcome { NEXT, JUMPED, HANGUP }

    /** A dialplan application. Runs with the PBX lock held. */
    interface App {
        Outcome run(DialplanRunner runner, PeerChannel channel, String data);
    }

    final PbxCore core;
    final PeerChannel channel;
    private final Map<String, App> apps;

    DialplanRunner(PbxCore core, PeerChannel channel) {
        this.core = core;
        this.channel = channel;
        this.apps = Apps.all();
    }

    /**
     * Runs {@code context,s,1} on {@code channel} as a Gosub() to its {@code Return()}, which puts the channel
     * back where it was: a subroutine an application runs on a channel that is not in the dialplan
     * (app_queue's membergosub on the member's leg, ast_app_exec_sub). Lock held.
     */
    static void gosub(PbxCore core, PeerChannel channel, String context) {
        String app = channel.app;
        String appData = channel.appData;
        int depth = channel.gosubStack.size();
        channel.gosubStack.push(new PeerChannel.Frame(channel.context, channel.exten, channel.priority));
        channel.context = context;
        channel.exten = "s";
        channel.priority = 1;
        DialplanRunner runner = new DialplanRunner(core, channel);
        try {
            while (channel.gosubStack.size() > depth && !channel.hangupRequested) {
                Dialplan.Step step = core.config.dialplan().step(channel.context, channel.exten, channel.priority)
                        .orElseThrow(() -> new IllegalStateException("Gosub " + context + " ran off its end"));
                if (runner.execute(step, true) == Outcome.NEXT) {
                    channel.priority++;
                }
            }
        } finally {
            channel.app = app;
            channel.appData = appData;
        }
    }

    static void start(PbxCore core, PeerChannel channel) {
        DialplanRunner runner = new DialplanRunner(core, channel);
        core.startThread(runner::run);
    }

    void run() {
        core.lock.lock();
        try {
            boolean quietStep = false;
            while (core.running) {
                if (channel.hangupRequested) {
                    break;
                }
                Optional<Dialplan.Step> step = core.config.dialplan().step(channel.context, channel.exten, channel.priority);
                if (step.isEmpty()) {
                    break;
                }
                Outcome outcome = execute(step.get(), !quietStep);
                quietStep = false;
                if (outcome == Outcome.HANGUP) {
                    break;
                }
                if (channel.jumpApplied) {
                    channel.jumpApplied = false;
                    quietStep = true;
                } else if (channel.jump != null) {
                    quietStep = asyncGoto();
                } else if (outcome == Outcome.NEXT) {
                    channel.priority++;
                }
            }
            if (!core.running) {
                return;
            }
            if (channel.afterDialBegin != null) {
                Runnable pending = channel.afterDialBegin;
                channel.afterDialBegin = null;
                pending.run();
            }
            if (channel.hangupRequested && !channel.softHangupSent) {
                core.softHangupRequest(channel, 16);
            }
            hangupExtension();
            core.cdr.hangup(channel);
            core.destroy(channel, channel.hangupCause);
            core.cdr.gone(channel);
        } catch (PbxCore.Stopped e) {
            // Asterisk stopped: the channel is gone with it.
        } catch (RuntimeException e) {
            System.err.println("[asterisk-peer] dialplan of " + channel + " failed: " + e);
            e.printStackTrace();
            core.destroy(channel, 0);
        } finally {
            core.lock.unlock();
        }
    }

    /**
     * A Redirect or transfer moved the channel (an async goto): Asterisk reports the new location with the
     * application it was running, and the first priority there runs without a Newexten of its own.
     */
    private boolean asyncGoto() {
        PeerChannel.Jump jump = channel.jump;
        channel.jump = null;
        channel.context = jump.context();
        channel.exten = jump.exten();
        channel.priority = jump.priority();
        core.newexten(channel);
        return true;
    }

    Outcome execute(Dialplan.Step step, boolean announce) {
        channel.app = step.app();
        channel.appData = substitute(step.data());
        if (announce) {
            core.newexten(channel);
        } else {
            core.cdrLocation(channel);
        }
        return runApp(step.app(), channel.appData);
    }

    Outcome runApp(String app, String data) {
        App impl = apps.get(app.toLowerCase());
        if (impl == null) {
            throw new IllegalStateException("The peer does not implement application " + app);
        }
        return impl.run(this, channel, data);
    }

    boolean hasApp(String app) {
        return apps.containsKey(app.toLowerCase());
    }

    private void hangupExtension() {
        if (core.config.dialplan().find(channel.context, "h").filter(e -> e.name().equals("h")).isEmpty()) {
            return;
        }
        channel.exten = "h";
        channel.priority = 1;
        while (core.running) {
            Optional<Dialplan.Step> step = core.config.dialplan().step(channel.context, "h", channel.priority);
            if (step.isEmpty()) {
                return;
            }
            execute(step.get(), true);
            channel.priority++;
        }
    }

    String substitute(String text) {
        return Expr.substitute(text, new ChannelScope(core, channel));
    }

    /** Sets where the dialplan goes next: {@code [[context,]exten,]priority-or-label}. */
    Outcome goTo(String target) {
        String[] parts = target.split(",");
        String context = channel.context;
        String exten = channel.exten;
        String priority;
        if (parts.length == 3) {
            context = parts[0].strip();
            exten = parts[1].strip();
            priority = parts[2].strip();
        } else if (parts.length == 2) {
            exten = parts[0].strip();
            priority = parts[1].strip();
        } else {
            priority = parts[0].strip();
        }
        Optional<Integer> p = core.config.dialplan().priorityOf(context, exten, priority);
        if (p.isEmpty() || core.config.dialplan().step(context, exten, p.get()).isEmpty()) {
            throw new IllegalStateException("Goto to a missing place: " + target + " from " + channel.context);
        }
        channel.context = context;
        channel.exten = exten;
        channel.priority = p.get();
        return Outcome.JUMPED;
    }

    /** Waits in PBX time; false when the channel hung up or was moved meanwhile. */
    boolean pause(long micros) {
        long deadline = core.clock.nowMicros() + micros;
        core.awaitUntil(deadline, () -> channel.hangupRequested || channel.jump != null);
        return !channel.hangupRequested && channel.jump == null;
    }

    Outcome interrupted() {
        return channel.hangupRequested ? Outcome.HANGUP : channel.jump != null ? Outcome.JUMPED : Outcome.NEXT;
    }
}
