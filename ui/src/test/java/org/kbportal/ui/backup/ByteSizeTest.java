package org.kbportal.ui.backup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteSizeTest {

    @Test
    void shouldShowSizesInTheLargestWholeUnit() {
        assertThat(ByteSize.format(null)).isEqualTo("–");
        assertThat(ByteSize.format(0L)).isEqualTo("0 B");
        assertThat(ByteSize.format(1023L)).isEqualTo("1023 B");
        assertThat(ByteSize.format(1536L)).isEqualTo("1.5 KB");
        assertThat(ByteSize.format(24_536_678L)).isEqualTo("23.4 MB");
        assertThat(ByteSize.format(1_288_490_189L)).isEqualTo("1.2 GB");
    }
}
