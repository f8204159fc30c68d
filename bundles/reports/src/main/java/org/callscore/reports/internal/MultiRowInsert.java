package org.callscore.reports.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Iterator;

/**
 * Writes many rows with few statements: {@code INSERT ... VALUES (?, ...), (?, ...), ... [ON DUPLICATE KEY ...]},
 * up to {@link #ROWS} rows a statement, every value bound. MariaDB executes one such statement much faster than the
 * same rows one statement each (a JDBC batch), whatever the connection's options.
 */
final class MultiRowInsert<T> {

    /** rows a statement: well below the 65,535 placeholders a statement may have */
    static final int ROWS = 1000;

    /** Binds one row's values from {@code index} on (1-based). */
    interface Binder<T> {
        void bind(PreparedStatement statement, int index, T row) throws SQLException;
    }

    private final String head;
    private final String values;
    private final int columns;
    private final String tail;
    private final Binder<T> binder;

    /**
     * @param head    {@code INSERT INTO table (columns) VALUES}
     * @param columns how many values a row binds
     * @param tail    what follows the rows ({@code ON DUPLICATE KEY UPDATE ...}), or ""
     */
    MultiRowInsert(String head, int columns, String tail, Binder<T> binder) {
        this.head = head;
        this.columns = columns;
        this.tail = tail;
        this.binder = binder;
        this.values = "(" + "?, ".repeat(columns - 1) + "?)";
    }

    /** Writes the rows on the connection (in its transaction). */
    void execute(Connection connection, Collection<T> rows) throws SQLException {
        Iterator<T> next = rows.iterator();
        int left = rows.size();
        PreparedStatement full = null;
        try {
            while (left > 0) {
                int count = Math.min(ROWS, left);
                PreparedStatement statement;
                if (count == ROWS) {
                    if (full == null) {
                        full = connection.prepareStatement(sql(ROWS));
                    }
                    statement = full;
                } else {
                    statement = connection.prepareStatement(sql(count));
                }
                try {
                    for (int row = 0; row < count; row++) {
                        binder.bind(statement, row * columns + 1, next.next());
                    }
                    statement.executeUpdate();
                } finally {
                    if (statement != full) {
                        statement.close();
                    }
                }
                left -= count;
            }
        } finally {
            if (full != null) {
                full.close();
            }
        }
    }

    private String sql(int rows) {
        StringBuilder sql = new StringBuilder(head.length() + rows * (values.length() + 2) + tail.length() + 2);
        sql.append(head).append(' ');
        for (int row = 0; row < rows; row++) {
            sql.append(row == 0 ? "" : ", ").append(values);
        }
        return sql.append(' ').append(tail).toString();
    }
}
