package org.callscore.reports.web.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import org.callscore.support.export.Table;

/**
 * The JSON answers of the API, written with Jackson's streaming generator. Strings also escape {@code <},
 * {@code >}, {@code &}, DEL, U+2028 and U+2029, so the text stays inert inside HTML; numbers are written without
 * exponent (0.0000001), and one that is not finite as {@code null}.
 */
final class Json {

    /** What writes one JSON document. */
    interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private static final JsonFactory FACTORY = new JsonFactoryBuilder().characterEscapes(new HtmlSafe()).build();

    private Json() {
    }

    /** @return the document {@code body} writes, as UTF-8 */
    static byte[] of(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
            body.write(json);
        } catch (IOException e) { // into memory: only a misuse of the generator
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** {"query": {...}, "columns": [{"key", "header"}], "rows": [{key: cell}]} */
    static byte[] of(ReportTables.Result result) {
        return of(json -> {
            json.writeStartObject();
            json.writeObjectFieldStart("query");
            for (var entry : result.query().entrySet()) {
                json.writeFieldName(entry.getKey());
                cell(json, entry.getValue());
            }
            json.writeEndObject();
            List<Table.Column> columns = result.table().columns();
            json.writeArrayFieldStart("columns");
            for (Table.Column column : columns) {
                json.writeStartObject();
                json.writeStringField("key", column.key());
                json.writeStringField("header", column.header());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("rows");
            for (List<Object> row : result.table().rows()) {
                json.writeStartObject();
                for (int i = 0; i < columns.size(); i++) {
                    json.writeFieldName(columns.get(i).key());
                    cell(json, row.get(i));
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** A table cell (see {@link Table}); a time as ISO-8601 with its offset. */
    static void cell(JsonGenerator json, Object cell) throws IOException {
        if (cell == null) {
            json.writeNull();
        } else if (cell instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (cell instanceof Double || cell instanceof Float) {
            double number = ((Number) cell).doubleValue();
            if (Double.isFinite(number)) {
                json.writeNumber(Table.plain(number));
            } else {
                json.writeNull();
            }
        } else if (cell instanceof Number number) {
            json.writeNumber(number.longValue());
        } else if (cell instanceof OffsetDateTime time) {
            json.writeString(time.toString());
        } else {
            json.writeString(cell.toString());
        }
    }

    /** Jackson's escapes, plus the characters that mean something in HTML or end a line in JavaScript. */
    private static final class HtmlSafe extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        HtmlSafe() {
            for (char c : new char[] {'<', '>', '&', 0x7f}) {
                ascii[c] = ESCAPE_CUSTOM;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            return c == '<' || c == '>' || c == '&' || c == 0x7f || c == 0x2028 || c == 0x2029
                    ? new SerializedString(String.format("\\u%04x", c)) : null;
        }
    }
}
