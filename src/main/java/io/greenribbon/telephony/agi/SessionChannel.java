package io.greenribbon.telephony.agi;

import org.asteriskjava.fastagi.AgiChannelFactory;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiReader;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiWriter;
import org.asteriskjava.fastagi.internal.AgiChannelImpl;

/**
 * The FastAGI channel of one session, which can end the session with a status of the service's choosing.
 *
 * <p>Asterisk-Java ends every session by setting AJ_AGISTATUS: SUCCESS when the script returned, FAILED when
 * it threw an AgiException, NOT_FOUND when no script matched; and it logs the last two at ERROR (with the
 * exception), in {@code org.asteriskjava.fastagi.internal.FastAgiConnectionHandler}. A refused call (an
 * unknown line) is routine and a failed route is one error, both already logged once by the service at the
 * level they deserve; so the service's scripts do not throw: they {@link #endAs end the session as} FAILED
 * or NOT_FOUND and return, and this channel sets that status where Asterisk-Java would set SUCCESS. The
 * dialplan reads the same AJ_AGISTATUS as before and falls back.
 */
final class SessionChannel extends AgiChannelImpl {

    static final String STATUS_VARIABLE = "AJ_AGISTATUS";
    static final String FAILED = "FAILED";
    static final String NOT_FOUND = "NOT_FOUND";

    /** Makes every session's channel a {@link SessionChannel}. */
    static final AgiChannelFactory FACTORY = SessionChannel::new;

    private volatile String endStatus;

    private SessionChannel(AgiRequest request, AgiWriter writer, AgiReader reader) {
        super(request, writer, reader);
    }

    /** The session ends with this AJ_AGISTATUS instead of SUCCESS. */
    void endAs(String status) {
        this.endStatus = status;
    }

    @Override
    public void setVariable(String name, String value) throws AgiException {
        String status = endStatus;
        super.setVariable(name, status != null && STATUS_VARIABLE.equals(name) ? status : value);
    }
}
