package org.kbportal.backend.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kbportal.contract.report.ServiceReport;

class QueryClustersTest {

    @Test
    void shouldNormaliseWidthCasePunctuationAndFillers() {
        assertThat(QueryClusters.normalise("ＶＰＮ　连接失败怎么办？")).isEqualTo("vpn 连接失败");
        assertThat(QueryClusters.key("VPN 连接失败")).isEqualTo(QueryClusters.key("vpn连接失败"));
        assertThat(QueryClusters.normalise("How to repair an Outlook PST?")).isEqualTo("repair outlook pst");
    }

    @Test
    void shouldAnalyseChineseAsBigramsAndLatinAsWords() {
        assertThat(QueryClusters.terms("打印机 卡纸 hp")).containsExactlyInAnyOrder("打印", "印机", "卡纸", "hp");
        assertThat(QueryClusters.terms("网")).containsExactly("网");
    }

    @Test
    void shouldGroupNearDuplicatesAndKeepDifferentNeedsApart() {
        List<ServiceReport.QueryCluster> c = QueryClusters.cluster(
                List.of(
                        new QueryClusters.Searched("打印机卡纸怎么办", 2),
                        new QueryClusters.Searched("打印机 卡纸", 1),
                        new QueryClusters.Searched("打印机老是卡纸", 1),
                        new QueryClusters.Searched("打印机驱动安装", 1),
                        new QueryClusters.Searched("outlook pst repair", 2),
                        new QueryClusters.Searched("outlok pst repair", 1)),
                10);
        assertThat(c)
                .containsExactly(
                        new ServiceReport.QueryCluster("打印机卡纸怎么办", 4, List.of("打印机卡纸怎么办", "打印机 卡纸", "打印机老是卡纸")),
                        new ServiceReport.QueryCluster(
                                "outlook pst repair", 3, List.of("outlook pst repair", "outlok pst repair")),
                        new ServiceReport.QueryCluster("打印机驱动安装", 1, List.of("打印机驱动安装")));
    }

    @Test
    void shouldMeasureEditsRelativeToLength() {
        assertThat(QueryClusters.editRatio("outlook", "outlok")).isEqualTo(1 / 7.0);
        assertThat(QueryClusters.editRatio("abc", "xyz")).isEqualTo(1.0);
    }
}
