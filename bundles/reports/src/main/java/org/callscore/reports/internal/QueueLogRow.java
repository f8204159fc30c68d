package org.callscore.reports.internal;

import java.time.Instant;

/**
 * One queue_log line: Asterisk's realtime table row or a line of the queue_log file. Null text is read as "".
 *
 * @param id   the table's id (ingestion order); for file lines the id of the copy in reports_file_log
 * @param time when Asterisk wrote it
 */
record QueueLogRow(long id, Instant time, String callid, String queue, String agent, String event, String data1,
        String data2, String data3, String data4, String data5) {

    QueueLogRow {
        callid = nonNull(callid);
        queue = nonNull(queue);
        agent = nonNull(agent);
        event = nonNull(event);
        data1 = nonNull(data1);
        data2 = nonNull(data2);
        data3 = nonNull(data3);
        data4 = nonNull(data4);
        data5 = nonNull(data5);
    }

    /** @return data field 1 to 5 */
    String data(int field) {
        return switch (field) {
            case 1 -> data1;
            case 2 -> data2;
            case 3 -> data3;
            case 4 -> data4;
            case 5 -> data5;
            default -> throw new IllegalArgumentException("data" + field);
        };
    }

    /** @return data field 1 to 5 as whole seconds (or a count); 0 when empty or not a number */
    int number(int field) {
        String text = data(field).trim();
        try {
            return text.isEmpty() ? 0 : Math.max(0, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
