package io.greenribbon.telephony.peer;

/** The BlindTransfer event (transcript 08b), built while both parties are still in the bridge. */
final class Transfers {

    private Transfers() {
    }

    static AmiMessage blindTransferEvent(PeerChannel transferee, PeerChannel transferer, Bridge bridge) {
        AmiMessage m = AmiMessage.event("BlindTransfer").add("Result", "Success");
        transferer.block(m, "Transferer");
        transferee.block(m, "Transferee");
        if (bridge != null) {
            bridge.block(m);
        }
        PeerChannel.Jump target = transferee.jump;
        return m.add("IsExternal", "Yes")
                .add("Context", target == null ? "" : target.context())
                .add("Extension", target == null ? "" : target.exten());
    }
}
