package org.callscore.support.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TableNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"cdr", "queue_log", "CDR_2026", "2026cdr", "_x"})
    void aPlainNameIsTaken(String name) {
        assertThat(TableName.of("cdr.table", " " + name + "\t")).isEqualTo(name);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "cdr; DROP TABLE cdr", "asterisk.cdr", "`cdr`", "cdr-2026", "2026", "kö"})
    void anythingElseIsRefusedNamingTheSetting(String name) {
        assertThatThrownBy(() -> TableName.of("cdr.table", name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cdr.table: '" + name + "' is not a table name");
    }

    @Test
    void sixtyFourCharactersAreTheMost() {
        assertThat(TableName.of("queue_log.table", "t".repeat(64))).isEqualTo("t".repeat(64));
        assertThatThrownBy(() -> TableName.of("queue_log.table", "t".repeat(65)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
