package org.callscore.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.IntStream;

import org.callscore.testing.database.UnitDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against the real MariaDB named by callscore.test.db.url (callscore_unit): rows beyond one statement's thousand
 * are split over full statements and a shorter last one, each row's values bound to its own placeholders, and an
 * upsert of rows already there changes them instead of adding rows.
 */
class MultiRowInsertTest {

    private static final MultiRowInsert<Integer> SQUARES = new MultiRowInsert<>(
            "INSERT INTO reports_test_square (n, square, label) VALUES", 3,
            "ON DUPLICATE KEY UPDATE square = VALUES(square), label = VALUES(label)", (s, i, n) -> {
                s.setInt(i, n);
                s.setLong(i + 1, (long) n * n);
                s.setString(i + 2, "n" + n);
            });

    private final Jdbi jdbi = UnitDatabase.jdbi();

    @BeforeEach
    void table() {
        jdbi.useHandle(h -> {
            h.execute("DROP TABLE IF EXISTS reports_test_square");
            h.execute("CREATE TABLE reports_test_square (n INT PRIMARY KEY, square BIGINT NOT NULL, label "
                    + "VARCHAR(16) NOT NULL)");
        });
    }

    @Test
    void rowsOverSeveralStatementsAreEachWrittenWithTheirOwnValues() throws SQLException {
        List<Integer> rows = IntStream.range(0, 2 * MultiRowInsert.ROWS + 17).boxed().toList();
        jdbi.useTransaction(h -> SQUARES.execute(h.getConnection(), rows));
        // the last 1,017 again, and 3 new: changed in place, 3 added
        List<Integer> again = IntStream.range(MultiRowInsert.ROWS, 2 * MultiRowInsert.ROWS + 20).boxed().toList();
        jdbi.useTransaction(h -> SQUARES.execute(h.getConnection(), again));

        long squares = IntStream.range(0, 2 * MultiRowInsert.ROWS + 20).mapToLong(n -> (long) n * n).sum();
        List<Long> table = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*), SUM(square), SUM(label = "
                + "CONCAT('n', n)), MAX(n) FROM reports_test_square").map((rs, ctx) -> List.of(rs.getLong(1),
                        rs.getLong(2), rs.getLong(3), rs.getLong(4))).one());
        assertThat(table).as("rows, sum of squares, labels as bound, highest n").containsExactly(2L * MultiRowInsert.ROWS + 20, squares, 2L * MultiRowInsert.ROWS + 20,
                        2L * MultiRowInsert.ROWS + 19);
    }
}
