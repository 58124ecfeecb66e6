package org.kbportal.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.upload.UploadI18N;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class UploadTextsTest {

    private final KbI18NProvider provider = new KbI18NProvider();

    private UploadI18N texts(Locale locale) {
        return UploadTexts.of(key -> provider.getTranslation(key, locale));
    }

    @Test
    void shouldGiveTheWidgetChineseWordsForEveryTextItShows() {
        UploadI18N zh = texts(KbI18NProvider.CHINESE);

        List<String> all = List.of(
                zh.getAddFiles().getOne(),
                zh.getAddFiles().getMany(),
                zh.getDropFiles().getOne(),
                zh.getDropFiles().getMany(),
                zh.getError().getTooManyFiles(),
                zh.getError().getFileIsTooBig(),
                zh.getError().getIncorrectFileType(),
                zh.getFile().getRetry(),
                zh.getFile().getStart(),
                zh.getFile().getRemove(),
                zh.getUploading().getStatus().getConnecting(),
                zh.getUploading().getStatus().getStalled(),
                zh.getUploading().getStatus().getProcessing(),
                zh.getUploading().getStatus().getHeld(),
                zh.getUploading().getRemainingTime().getPrefix(),
                zh.getUploading().getRemainingTime().getUnknown(),
                zh.getUploading().getError().getServerUnavailable(),
                zh.getUploading().getError().getUnexpectedServerError(),
                zh.getUploading().getError().getForbidden(),
                zh.getUploading().getError().getFileTooLarge());
        assertThat(all)
                .allSatisfy(text -> assertThat(text)
                        .isNotBlank()
                        .doesNotStartWith("!")
                        .matches(".*\\p{IsHan}.*")
                        .doesNotContainPattern("[A-Za-z]{2,}"));
        assertThat(zh.getAddFiles().getOne()).isEqualTo("选择文件…");
        assertThat(zh.getDropFiles().getOne()).isEqualTo("将文件拖放到此处");
        assertThat(zh.getUnits().getSize()).startsWith("B", "kB", "MB");
    }

    @Test
    void shouldKeepEnglishForEnglishUsers() {
        UploadI18N en = texts(KbI18NProvider.ENGLISH);

        assertThat(en.getAddFiles().getOne()).isEqualTo("Upload file…");
        assertThat(en.getDropFiles().getMany()).isEqualTo("Drop files here");
    }
}
