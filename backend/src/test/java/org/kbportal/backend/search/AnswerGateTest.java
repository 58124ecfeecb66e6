package org.kbportal.backend.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kbportal.backend.system.KbProperties;

class AnswerGateTest {

    private static final KbProperties.Search.Answer SETTINGS =
            new KbProperties.Search.Answer(true, 0.75, 0.69, 0.6, 10, 3); // the defaults
    private final AnswerGate gate = new AnswerGate(SETTINGS);

    private static List<Candidates.Scored> neighbour(float cosine) {
        return List.of(new Candidates.Scored("FAQ-1", cosine));
    }

    @Test
    void aQuestionSharingOnlyCharactersWithTheUnitsHasNoAnswer() {
        AnswerGate.Evidence e = gate.judge("今天晚上吃什么好呢", "zh", List.of("上周的晚间备份失败\n今日天窗检查"), neighbour(0.52f));
        assertThat(e.coverage()).isZero();
        assertThat(e.answered()).isFalse();
    }

    @Test
    void aUnitCoveringMostOfTheQueryWordsIsAnAnswer() {
        AnswerGate.Evidence e = gate.judge("数据库备份失败", "zh", List.of("无关内容", "数据库备份任务失败收到告警"), neighbour(0.3f));
        assertThat(e.coverage()).isEqualTo(1.0);
        assertThat(e.answered()).isTrue();
    }

    @Test
    void aCloseNeighbourIsAnAnswerWithoutSharedWords() {
        assertThat(gate.judge("电脑连不上网", "zh", List.of("办公网络不通"), neighbour(0.8f))
                        .answered())
                .isTrue();
        assertThat(gate.judge("电脑连不上网", "zh", List.of("办公网络不通"), neighbour(0.65f))
                        .answered())
                .isFalse();
    }

    @Test
    void eachLanguageModelHasItsOwnSimilarityFloor() {
        assertThat(gate.answers(0, 0.65, "zh", 3)).isFalse();
        assertThat(gate.answers(0, 0.65, "en", 3)).isTrue();
        assertThat(gate.answers(0, Double.NaN, "en", 3)).isFalse();
    }

    @Test
    void withoutAVectorOnlyTheWordsDecide() {
        AnswerGate.Evidence e = gate.judge("reset password", "en", List.of("How to reset a password"), List.of());
        assertThat(e.similarity()).isNaN();
        assertThat(e.answered()).isTrue();
    }

    @Test
    void switchedOffEverySearchIsAnswered() {
        AnswerGate off = new AnswerGate(new KbProperties.Search.Answer(false, 0.5, 0.75, 0.8, 10, 3));
        assertThat(off.judge("今天天气", "zh", List.of("备份"), neighbour(0.1f)).answered())
                .isTrue();
    }

    @Test
    void shouldCountAQueryWordCoveredThroughItsSynonymButStillAskForTheOtherWords() {
        List<String> texts = List.of("数据库备份每天凌晨执行");
        // a term known only through a synonym group (an admin's abbreviation) finds the article
        assertThat(gate.judge("dbbk", List.of("数据库备份"), "zh", texts, neighbour(0.1f))
                        .answered())
                .isTrue();
        // without the synonym the same query has no answer
        assertThat(gate.judge("dbbk", "zh", texts, neighbour(0.1f)).answered()).isFalse();
        // the synonym covers its own word only: the query's other words must still be in the text
        assertThat(gate.judge("打印机 dbbk", List.of("数据库备份"), "zh", texts, neighbour(0.1f))
                        .answered())
                .isFalse();
    }
}
