package org.callscore.ami;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard: a service of this type receives the AMI events of every connected Asterisk server, or only the
 * events named in its {@value #EVENTS} property. Called on the connection's event thread: return quickly, and
 * remember that AMI drops events when its queue is full (whatever must be exact is checked against the CDR).
 * An exception thrown here is logged and does not stop the events.
 */
@ConsumerType
public interface AmiEventListener {

    /** Service property (String or String[]): the event names wanted, e.g. {@code Hangup}; absent: all. */
    String EVENTS = "callscore.ami.events";

    void onEvent(AmiEvent event);
}
