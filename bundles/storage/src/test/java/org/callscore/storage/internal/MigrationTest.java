package org.callscore.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class MigrationTest {

    @Test
    void ordersFilesByVersionNotByName() {
        var migrations = Migration.of(Map.of(
                "V10__later.sql", "SELECT 10;",
                "V2__second.sql", "SELECT 2;",
                "V1__first_one.sql", "SELECT 1;"));

        assertThat(migrations).extracting(Migration::version).containsExactly(1, 2, 10);
        assertThat(migrations.get(0).description()).isEqualTo("first one");
    }

    @Test
    void refusesMisnamedFilesAndRepeatedVersions() {
        assertThatThrownBy(() -> Migration.of(Map.of("create.sql", "")))
                .hasMessageContaining("create.sql").hasMessageContaining("V<version>__<description>.sql");
        assertThatThrownBy(() -> Migration.of(Map.of("V1__a.sql", "", "V01__b.sql", "")))
                .hasMessageContaining("version 1");
    }

    @Test
    void splitsStatementsAtSemicolonsEndingALineAndDropsCommentLines() {
        var migration = new Migration(1, "x", """
                -- a comment; with a semicolon
                CREATE TABLE a (note VARCHAR(10) DEFAULT 'x;y');
                INSERT INTO a VALUES ('1');  \s
                CREATE INDEX a_note
                  ON a (note);""");

        assertThat(migration.statements()).containsExactly(
                "CREATE TABLE a (note VARCHAR(10) DEFAULT 'x;y')",
                "INSERT INTO a VALUES ('1')",
                "CREATE INDEX a_note\n  ON a (note)");
    }

    @Test
    void checksumFollowsContent() {
        assertThat(new Migration(1, "x", "SELECT 1;").checksum())
                .isEqualTo(new Migration(1, "y", "SELECT 1;").checksum())
                .isNotEqualTo(new Migration(1, "x", "SELECT 2;").checksum())
                .hasSize(64);
    }
}
