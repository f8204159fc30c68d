package org.callscore.ivr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.callscore.testing.files.HugeFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Includes: one bad file never stops the other files of the folder from loading, nor a file dropped in later. */
class IvrFolderTest {

    private static final String MENU = "agent = support\nmenu.main.prompt = p\nmenu.main.key.1 = queue:sales\n";
    private static final String CALENDAR = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\n"
            + "UID:a\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260105T080000\r\nDTEND:20260105T180000\r\n"
            + "RRULE:FREQ=DAILY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    @TempDir
    Path folder;

    private int tick;

    /** Writes a file with a new modification time, as an editor's save does. */
    private void write(String name, String text) throws Exception {
        Files.writeString(folder.resolve(name), text);
        Files.setLastModifiedTime(folder.resolve(name), FileTime.from(Instant.parse("2026-01-01T00:00:00Z")
                .plusSeconds(++tick)));
    }

    @Test
    void filesAreLoadedReloadedAndABrokenEditKeepsTheLastGoodVersion() throws Exception {
        write("main.ivr", MENU);
        IvrFolder ivr = new IvrFolder(folder, () -> ZoneId.of("Europe/Berlin"));
        ivr.scan();
        assertThat(ivr.names()).containsExactly("main");
        String first = ivr.byName("main").get().version();

        write("main.ivr", MENU + "menu.main.key.2 = queue:support\n");
        ivr.scan();
        assertThat(ivr.byName("main").get().startMenu().keys()).containsKey('2');

        write("main.ivr", MENU + "menu.main.key.3 = menu:nowhere\n");
        ivr.scan();
        assertThat(ivr.byName("main").get().startMenu().keys()).containsKey('2').doesNotContainKey('3');
        assertThat(ivr.problems().get("main.ivr")).startsWith("main.ivr: menu.main.key.3 'menu:nowhere' names no menu");
        assertThat(ivr.byName("main").get().version()).isNotEqualTo(first);

        Files.delete(folder.resolve("main.ivr"));
        ivr.scan();
        assertThat(ivr.names()).isEmpty();
        assertThat(ivr.problems()).isEmpty();
    }

    @Test
    void aChangeOfTheSiteZoneReadsTheMenusAgainInTheNewZone() throws Exception {
        write("main.ivr", MENU + "menu.main.hours = office\nmenu.main.closed = hangup\n");
        write("office.ics", CALENDAR); // open 08:00-18:00 site time, every day
        AtomicReference<ZoneId> site = new AtomicReference<>(ZoneId.of("Europe/Berlin"));
        IvrFolder ivr = new IvrFolder(folder, site::get);
        ivr.scan();
        Instant morning = Instant.parse("2026-03-02T07:30:00Z"); // 08:30 in Berlin, 02:30 in New York
        assertThat(ivr.byName("main").get().startMenu().hours().get().isOpen(morning)).isTrue();

        site.set(ZoneId.of("America/New_York"));
        ivr.scan(); // no file changed

        assertThat(ivr.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(ivr.byName("main").get().startMenu().hours().get().zone()).isEqualTo(site.get());
        assertThat(ivr.byName("main").get().startMenu().hours().get().isOpen(morning)).isFalse();
    }

    @Test
    void menusAreCheckedAgainAgainstTheCalendarsWhenACalendarChanges() throws Exception {
        write("main.ivr", MENU + "menu.main.hours = office\nmenu.main.closed = hangup\n");
        IvrFolder ivr = new IvrFolder(folder, () -> ZoneId.of("Europe/Berlin"));
        ivr.scan();
        assertThat(ivr.names()).isEmpty();
        assertThat(ivr.problems().get("main.ivr")).contains("'office' names no calendar");

        write("office.ics", CALENDAR);
        ivr.scan();
        assertThat(ivr.names()).containsExactly("main");
        assertThat(ivr.calendars()).containsKey("office");
        assertThat(ivr.problems()).isEmpty();

        write("office.ics", "not a calendar");
        ivr.scan();
        assertThat(ivr.problems().get("office.ics")).startsWith("office.ics: (file) is not an iCalendar file");
        assertThat(ivr.calendars()).containsKey("office"); // the last good version
        assertThat(ivr.names()).containsExactly("main");
    }

    @Test
    void theShippedExampleLoadsWithItsCalendars() {
        IvrFolder ivr = new IvrFolder(Path.of("../../feature-repo/distribution/src/main/resources/assembly/etc/callscore/ivr"),
                () -> ZoneId.of("Europe/Berlin"));
        ivr.scan();

        assertThat(ivr.problems()).isEmpty();
        assertThat(ivr.names()).containsExactly("main");
        assertThat(ivr.calendars().keySet()).containsExactlyInAnyOrder("office-hours", "holidays");
        var main = ivr.byName("main").get().startMenu();
        assertThat(main.hours().get().isOpen(Instant.parse("2026-11-24T10:00:00Z"))).isTrue(); // a Tuesday
        assertThat(main.hours().get().isOpen(Instant.parse("2026-12-25T10:00:00Z"))).isFalse(); // Christmas
        assertThat(main.hours().get().isOpen(Instant.parse("2026-11-29T10:00:00Z"))).isFalse(); // a Sunday
        assertThat(main.hours().get().isOpen(Instant.parse("2026-11-28T10:00:00Z"))).isTrue(); // Saturday 11:00
    }

    @Test
    void filesThatCannotBeReadOrParsedAreNamedAndTheOthersLoadAsDoesAFileDroppedInLater() throws Exception {
        HugeFile.at(folder.resolve("a-copied-log.ivr")); // a copied log of gigabytes
        write("b-backwards.ivr", MENU + "menu.main.direct.dial = [9-1]XX\n");
        write("c-garbage.ics", "BEGIN:VCALENDAR\r\n\u0000\u0001garbage");
        Files.createDirectory(folder.resolve("d-folder.ivr"));
        write("main.ivr", MENU);
        write("zz-last.ivr", MENU);
        IvrFolder ivr = new IvrFolder(folder, () -> ZoneId.of("Europe/Berlin"));

        ivr.scan();

        assertThat(ivr.names()).containsExactly("main", "zz-last");
        assertThat(ivr.problems()).containsOnlyKeys("a-copied-log.ivr", "b-backwards.ivr", "c-garbage.ics",
                "d-folder.ivr");
        assertThat(ivr.problems().get("a-copied-log.ivr")).isEqualTo("cannot be read: it is larger than 1024 KiB "
                + "(3221225472 bytes): not a definition file");
        assertThat(ivr.problems().get("b-backwards.ivr")).startsWith("b-backwards.ivr: menu.main.direct.dial");
        assertThat(ivr.problems().get("c-garbage.ics")).startsWith("c-garbage.ics: (file) is not an iCalendar file");
        assertThat(ivr.problems().get("d-folder.ivr")).startsWith("cannot be read: it is not a regular file");

        write("dropped-later.ivr", MENU);
        ivr.scan();
        assertThat(ivr.names()).containsExactly("dropped-later", "main", "zz-last");

        Files.delete(folder.resolve("a-copied-log.ivr"));
        ivr.scan();
        assertThat(ivr.problems()).doesNotContainKey("a-copied-log.ivr");
    }

    @Test
    void aPipeNamedLikeAMenuFileDoesNotBlockTheScan() throws Exception {
        write("main.ivr", MENU);
        // reading a pipe waits for a writer for ever: the scan would never end, and no file be read again
        Process mkfifo = new ProcessBuilder("mkfifo", folder.resolve("a-pipe.ivr").toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        IvrFolder ivr = new IvrFolder(folder, () -> ZoneId.of("Europe/Berlin"));

        ivr.scan();

        assertThat(ivr.names()).containsExactly("main");
        assertThat(ivr.problems().get("a-pipe.ivr")).startsWith("cannot be read: it is not a regular file");
    }
}
