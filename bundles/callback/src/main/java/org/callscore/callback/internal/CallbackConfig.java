package org.callscore.callback.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code etc/org.callscore.callback.cfg}. Per queue, besides these: {@code hours.QUEUE} and {@code holidays.QUEUE}
 * (calendar names of the IVR's {@code etc/callscore/ivr/NAME.ics}, separated by spaces; {@code hours} and
 * {@code holidays} for every queue not named) and {@code server.QUEUE} (the Asterisk server, {@code server} for the
 * rest); see docs/callbacks.md.
 */
@ObjectClassDefinition(name = "CallScore callbacks",
        description = "Callback requests, their scheduling and retry rules, and how they are placed through AMI")
@interface CallbackConfig {

    String PID = "org.callscore.callback";

    @AttributeDefinition(name = "Node", description = "This CallScore node's name in claims and history; empty: the host name")
    String node() default "";

    @AttributeDefinition(name = "Spool folder", description = "Where requests wait while MariaDB is down; relative "
            + "paths are taken from Karaf's data folder")
    String spool_folder() default "callscore/callback-requests";

    @AttributeDefinition(name = "Replay interval (s)")
    int replay_interval_seconds() default 2;

    @AttributeDefinition(name = "Write time-out (ms)", description = "The longest a request waits for MariaDB; a "
            + "later one goes to the spool")
    int write_timeout_millis() default 500;

    @AttributeDefinition(name = "Writer threads")
    int writer_threads() default 2;

    @AttributeDefinition(name = "Dialler interval (s)", description = "How often due callbacks are looked for")
    int dial_interval_seconds() default 2;

    @AttributeDefinition(name = "Dialling", description = "false: callbacks are recorded and reminded, never dialled by this node")
    boolean dial_enabled() default true;

    @AttributeDefinition(name = "Lease (s)", description = "How long a claim holds unless its node renews it; a "
            + "claim that ran out is checked against the CDR, never dialled again blindly")
    int lease_seconds() default 120;

    @AttributeDefinition(name = "Longest call (min)", description = "After this an answered attempt with no outcome "
            + "event is checked against the CDR")
    int call_max_minutes() default 60;

    @AttributeDefinition(name = "Agent ring time (s)")
    int agent_ring_seconds() default 30;

    @AttributeDefinition(name = "Customer ring time (s)")
    int customer_ring_seconds() default 40;

    @AttributeDefinition(name = "Dial string", description = "How the customer is dialled; ${NUMBER} is the number")
    String dial() default "PJSIP/${NUMBER}@trunk";

    @AttributeDefinition(name = "Agent context", description = "The dialplan context the agent's answered phone goes to")
    String agent_context() default "callscore-callback-agent";

    @AttributeDefinition(name = "Agent prompts", description = "Sounds the agent hears before the number, '&' between")
    String agent_prompts() default "to-call-this-number";

    @AttributeDefinition(name = "Caller ID name", description = "Shown on the agent's phone, with the customer's number")
    String caller_id_name() default "Callback";

    @AttributeDefinition(name = "Reminder (min)", description = "How long before the due time the reminder is recorded")
    int reminder_minutes() default 10;

    @AttributeDefinition(name = "CDR table", description = "Asterisk's CDR table in the CallScore database")
    String cdr_table() default "cdr";

    @AttributeDefinition(name = "Expiry (h)", description = "How long after its first due time a callback is attempted")
    int expiry_hours() default 72;

    int retry_busy_delay_minutes() default 10;

    int retry_busy_attempts() default 5;

    int retry_no_answer_delay_minutes() default 30;

    int retry_no_answer_attempts() default 4;

    int retry_agent_no_answer_delay_minutes() default 2;

    int retry_agent_no_answer_attempts() default 10;

    int retry_failed_delay_minutes() default 15;

    int retry_failed_attempts() default 3;

    int retry_lost_delay_minutes() default 5;

    int retry_lost_attempts() default 5;
}
