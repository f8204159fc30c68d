package org.callscore.notify.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.callscore.notify.cfg}: how this node's dialler places notification calls; see docs/notifications.md. */
@ObjectClassDefinition(name = "CallScore notifications",
        description = "How notification campaigns are dialled through AMI")
@interface NotifyConfig {

    String PID = "org.callscore.notify";

    @AttributeDefinition(name = "Node", description = "This CallScore node's name in claims; empty: the host name")
    String node() default "";

    @AttributeDefinition(name = "Dialler", description = "Whether this node places notification calls")
    boolean dial_enabled() default true;

    @AttributeDefinition(name = "Dialler interval (ms)", description = "How often the dialler claims and starts calls")
    int dial_interval_millis() default 200;

    @AttributeDefinition(name = "Asterisk server", description = "The AMI connection (NAME of "
            + "etc/org.callscore.ami-NAME.cfg) calls go through; empty: the only one")
    String server() default "";

    @AttributeDefinition(name = "Dial string", description = "The customer's channel; ${NUMBER} is the number")
    String dial() default "PJSIP/${NUMBER}@trunk";

    @AttributeDefinition(name = "Context", description = "Where an answered call goes (the shipped [callscore-notify])")
    String context() default "callscore-notify";

    @AttributeDefinition(name = "Ring time (s)", description = "How long a number rings before NO_ANSWER")
    int ring_seconds() default 30;

    @AttributeDefinition(name = "Caller id", description = "What the customer sees, e.g. \"Water board\" <0123456789>; "
            + "empty: the trunk's")
    String caller_id() default "";

    @AttributeDefinition(name = "Answering-machine detection", description = "Whether the shipped context runs "
            + "AMD() on answered calls (the campaign says what to do with a machine)")
    boolean amd() default true;

    @AttributeDefinition(name = "Lease (s)", description = "How long a claim holds unless this node renews it")
    int lease_seconds() default 30;

    @AttributeDefinition(name = "Longest call (min)", description = "A lapsed attempt with no CDR row is checked "
            + "again this long after its dial, when even the longest call has ended")
    int call_max_minutes() default 15;

    @AttributeDefinition(name = "CDR table", description = "Asterisk's CDR table in the CallScore database")
    String cdr_table() default "cdr";
}
