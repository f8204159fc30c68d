package org.callscore.recording.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    private static final long SIZE = 1000;

    private static ByteRange part(String header) {
        ByteRange.Answer answer = ByteRange.of(header, SIZE);
        assertThat(answer).as(header).isInstanceOf(ByteRange.Part.class);
        return ((ByteRange.Part) answer).range();
    }

    @Test
    void noHeaderIsTheWholeFile() {
        assertThat(ByteRange.of(null, SIZE)).isInstanceOf(ByteRange.Whole.class);
    }

    @Test
    void safarisFirstTwoBytes() {
        ByteRange range = part("bytes=0-1");
        assertThat(range.length()).isEqualTo(2);
        assertThat(range.contentRange(SIZE)).isEqualTo("bytes 0-1/1000");
    }

    @Test
    void anOpenEndedRangeRunsToTheEnd() {
        assertThat(part("bytes=500-").contentRange(SIZE)).isEqualTo("bytes 500-999/1000");
        assertThat(part("bytes=0-").length()).isEqualTo(SIZE);
    }

    @Test
    void aRangePastTheEndIsCutAtTheEnd() {
        assertThat(part("bytes=900-5000").contentRange(SIZE)).isEqualTo("bytes 900-999/1000");
    }

    @Test
    void aSuffixIsTheLastBytes() {
        assertThat(part("bytes=-100").contentRange(SIZE)).isEqualTo("bytes 900-999/1000");
        assertThat(part("bytes=-5000").contentRange(SIZE)).isEqualTo("bytes 0-999/1000");
    }

    @Test
    void aStartAtOrPastTheEndCannotBeServed() {
        assertThat(ByteRange.of("bytes=1000-", SIZE)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.of("bytes=-0", SIZE)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.of("bytes=99999999999999999999-", SIZE)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }

    @Test
    void severalRangesAreRefused() {
        assertThat(ByteRange.of("bytes=0-1,5-9", SIZE)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.of("bytes=0-1, -5", SIZE)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }

    @Test
    void whatIsNotAByteRangeIsIgnored() {
        assertThat(ByteRange.of("items=0-1", SIZE)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.of("bytes=5-1", SIZE)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.of("bytes=-", SIZE)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.of("bytes=a-b", SIZE)).isInstanceOf(ByteRange.Whole.class);
    }
}
