package org.callscore.reports.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

class JsonTest {

    private static String json(Json.Body body) {
        return new String(Json.of(body), StandardCharsets.UTF_8);
    }

    @Test
    void writesNestedObjectsAndArraysWithCommasInTheRightPlaces() {
        String json = json(out -> {
            out.writeStartObject();
            out.writeNumberField("a", 1);
            out.writeArrayFieldStart("b");
            out.writeString("x");
            out.writeBoolean(true);
            out.writeNull();
            out.writeStartObject();
            out.writeEndObject();
            out.writeEndArray();
            out.writeObjectFieldStart("c");
            out.writeFieldName("d");
            Json.cell(out, 0.25);
            out.writeEndObject();
            out.writeEndObject();
        });

        assertThat(json).isEqualTo("{\"a\":1,\"b\":[\"x\",true,null,{}],\"c\":{\"d\":0.25}}");
    }

    @Test
    void escapesQuotesBackslashesControlCharactersAndHtmlSignificantCharacters() {
        String json = json(out -> out.writeString("a\"b\\c\nd\re\tf\u0001g</script>&\u2028\u2029\u007f é"));

        assertThat(json).isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u003c/script\\u003e\\u0026\\u2028\\u2029"
                + "\\u007f é\"");
    }

    @Test
    void writesNumbersPlainlyAndNonFiniteOnesAsNull() {
        String json = json(out -> {
            out.writeStartArray();
            for (Object cell : new Object[] {12.0, 1e-7, 2.5e20, -0.125, Double.NaN, Double.POSITIVE_INFINITY,
                    Long.MIN_VALUE}) {
                Json.cell(out, cell);
            }
            out.writeEndArray();
        });

        assertThat(json).isEqualTo("[12,0.0000001,250000000000000000000,-0.125,null,null,-9223372036854775808]");
    }

    @Test
    void writesTableCellsByTheirType() {
        String json = json(out -> {
            out.writeStartArray();
            for (Object cell : new Object[] {null, 3L, 3, 0.5, false, "q",
                    OffsetDateTime.parse("2026-12-01T19:40:33+01:00")}) {
                Json.cell(out, cell);
            }
            out.writeEndArray();
        });

        assertThat(json).isEqualTo("[null,3,3,0.5,false,\"q\",\"2026-12-01T19:40:33+01:00\"]");
    }
}
