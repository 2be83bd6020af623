package io.greenribbon.telephony.peer;

/**
 * An async goto (Redirect, blind transfer): the channel moves to its jump target. Asterisk announces the
 * new location with the application that was running (transcript 08a), and the target priority then runs
 * without a Newexten of its own.
 */
final class Jumps {

    private Jumps() {
    }

    static void apply(PbxCore core, PeerChannel c) {
        PeerChannel.Jump jump = c.jump;
        if (jump == null) {
            return;
        }
        c.jump = null;
        c.context = jump.context();
        c.exten = jump.exten();
        c.priority = jump.priority();
        core.newexten(c);
        c.jumpApplied = true;
    }
}
