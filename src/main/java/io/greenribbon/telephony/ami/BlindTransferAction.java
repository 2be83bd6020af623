package io.greenribbon.telephony.ami;

import org.asteriskjava.manager.action.AbstractManagerAction;

/** AMI BlindTransfer (Asterisk 12+): transfers the party bridged with {@code channel} to context,exten. */
public class BlindTransferAction extends AbstractManagerAction {

    private static final long serialVersionUID = 1L;

    private String channel;
    private String context;
    private String exten;

    public BlindTransferAction(String channel, String context, String exten) {
        this.channel = channel;
        this.context = context;
        this.exten = exten;
    }

    @Override
    public String getAction() {
        return "BlindTransfer";
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getContext() {
        return context;
    }

    public void setContext(String context) {
        this.context = context;
    }

    public String getExten() {
        return exten;
    }

    public void setExten(String exten) {
        this.exten = exten;
    }
}
