package org.callscore.reports.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.callscore.support.web.HtmlText;
import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesMarkupAndDropsCharactersXmlCannotCarryButKeepsOthers() {
        assertThat(HtmlText.escape("a<b>&\"c'\u0000\u0008\uFFFE\t\n\uD83D\uDE00")).isEqualTo("a&lt;b&gt;&amp;&quot;c&#39;\t\n\uD83D\uDE00");
        assertThat(HtmlText.escape("lone \uD800 surrogate")).isEqualTo("lone  surrogate");
    }

    @Test
    void fillsTemplatesWithEscapedValues() {
        assertThat(Html.fill("<p title=\"{{user}}\">{{user}} {{csrf}}</p>", Map.of("user", "\"><script>", "csrf", "t")))
                .isEqualTo("<p title=\"&quot;&gt;&lt;script&gt;\">&quot;&gt;&lt;script&gt; t</p>");
    }

    @Test
    void readsTheBundlesWebFiles() {
        assertThat(Html.text("login.html")).contains("name=\"csrf\" value=\"{{csrf}}\"");
        assertThat(Html.resource("no-such-file")).isNull();
    }
}
