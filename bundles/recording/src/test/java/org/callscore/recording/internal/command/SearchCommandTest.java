package org.callscore.recording.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.impl.action.command.DefaultActionPreparator;
import org.junit.jupiter.api.Test;

/** {@code recording:search}'s options as Karaf's own parser reads a console line into them. */
class SearchCommandTest {

    private static SearchCommand parsed(String... line) throws Exception {
        SearchCommand command = new SearchCommand();
        assertThat(new DefaultActionPreparator().prepare(command, null, List.<Object>of(line))).isTrue();
        return command;
    }

    @Test
    void complaintTakesTrueOrFalse() throws Exception {
        assertThat(parsed("--complaint", "false").query().complaint()).contains(false);
        assertThat(parsed("--complaint", "true", "--queue", "sales").query().complaint()).contains(true);
        assertThat(parsed("--complaint", "no").query().complaint()).contains(false);
        assertThat(parsed("--queue", "sales").query().complaint()).isEqualTo(Optional.empty());
    }

    @Test
    void aComplaintThatIsNeitherIsRefusedByName() throws Exception {
        SearchCommand command = parsed("--complaint", "sometimes");
        assertThatThrownBy(command::query).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--complaint sometimes: expected true or false");
    }
}
