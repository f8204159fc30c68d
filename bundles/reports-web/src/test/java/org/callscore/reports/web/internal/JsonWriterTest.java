package org.callscore.reports.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void writesNestedObjectsAndArraysWithCommasInTheRightPlaces() {
        String json = new JsonWriter().beginObject()
                .name("a").value(1)
                .name("b").beginArray().value("x").value(true).nullValue().beginObject().endObject().endArray()
                .name("c").beginObject().name("d").value(0.25).endObject()
                .endObject().toString();

        assertThat(json).isEqualTo("{\"a\":1,\"b\":[\"x\",true,null,{}],\"c\":{\"d\":0.25}}");
    }

    @Test
    void escapesQuotesBackslashesControlCharactersAndHtmlSignificantCharacters() {
        String json = new JsonWriter().value("a\"b\\c\nd\re\tf\u0001g</script>&\u2028\u2029\u007f é").toString();

        assertThat(json).isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u003c/script\\u003e\\u0026\\u2028\\u2029"
                + "\\u007f é\"");
    }

    @Test
    void writesNumbersPlainlyAndNonFiniteOnesAsNull() {
        String json = new JsonWriter().beginArray().value(12.0).value(1e-7).value(2.5e20).value(-0.125)
                .value(Double.NaN).value(Double.POSITIVE_INFINITY).value(Long.MIN_VALUE).endArray().toString();

        assertThat(json).isEqualTo("[12,0.0000001,250000000000000000000,-0.125,null,null,-9223372036854775808]");
    }

    @Test
    void writesTableCellsByTheirType() {
        String json = new JsonWriter().beginArray().cell(null).cell(3L).cell(3).cell(0.5).cell(false).cell("q")
                .endArray().toString();

        assertThat(json).isEqualTo("[null,3,3,0.5,false,\"q\"]");
    }

    @Test
    void refusesMisuse() {
        assertThatThrownBy(() -> new JsonWriter().beginObject().toString()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginArray().name("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().value(1).value(2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginObject().name("x").endObject())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginObject().value(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonWriter().beginArray().endObject()).isInstanceOf(IllegalStateException.class);
    }
}
