package io.greenribbon.telephony.peer;

import io.greenribbon.telephony.peer.DialplanRunner.Outcome;

import java.util.List;

/**
 * Gosub(), Return() and LOCAL(), as app_stack runs them: Gosub pushes a frame whose return address is the
 * priority after it, sets ARG1..ARGn and ARGC as variables local to the frame, and jumps; LOCAL(name) sets a
 * variable that shadows the caller's until Return(); Return pops the frame, exposes the shadowed variables
 * again, sets GOSUB_RETVAL and goes back.
 */
final class GosubApps {

    private GosubApps() {
    }

    /** Gosub([[context,]exten,]priority[(arg1[,...])]). */
    static Outcome gosub(DialplanRunner r, PeerChannel c, String data) {
        String target = data.strip();
        List<String> args = List.of();
        int open = target.indexOf('(');
        if (open >= 0) {
            if (!target.endsWith(")")) {
                throw new IllegalStateException("Gosub() with unbalanced arguments: " + data);
            }
            args = List.of(target.substring(open + 1, target.length() - 1).split(",", -1));
            target = target.substring(0, open);
        }
        c.gosubStack.push(new PeerChannel.Frame(c.context, c.exten, c.priority + 1));
        for (int i = 0; i < args.size(); i++) {
            setLocal(r.core, c, "ARG" + (i + 1), args.get(i));
        }
        setLocal(r.core, c, "ARGC", String.valueOf(args.size()));
        return r.goTo(target);
    }

    /** Return([value]). */
    static Outcome gosubReturn(DialplanRunner r, PeerChannel c, String data) {
        PeerChannel.Frame frame = c.gosubStack.poll();
        if (frame == null) {
            throw new IllegalStateException("Return() without a Gosub() on " + c);
        }
        frame.shadowed().forEach((name, before) -> {
            if (before == null) {
                c.vars.remove(PeerChannel.strip(name));
            } else {
                c.vars.put(PeerChannel.strip(name), before);
            }
        });
        c.context = frame.context();
        c.exten = frame.exten();
        c.priority = frame.priority();
        r.core.setVariable(c, "GOSUB_RETVAL", data);
        return Outcome.JUMPED;
    }

    /** LOCAL(name)=value: a variable of the innermost Gosub() frame. */
    static void setLocal(PbxCore core, PeerChannel c, String name, String value) {
        PeerChannel.Frame frame = c.gosubStack.peek();
        if (frame == null) {
            throw new IllegalStateException("LOCAL(" + name + ") set outside a Gosub() on " + c);
        }
        if (!frame.shadowed().containsKey(name)) {
            frame.shadowed().put(name, c.vars.get(PeerChannel.strip(name)));
        }
        core.setVariable(c, name, value);
    }
}
