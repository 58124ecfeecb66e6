package org.kbportal.backend.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuntimeReportTest {

    @Test
    void testJvmsRunWithTheVectorApiModuleAsTheProductDoes() {
        // Surefire and Failsafe pass --add-modules jdk.incubator.vector (pom.xml, kb.jvm.vector)
        assertThat(RuntimeReport.vectorApiEnabled()).isTrue();
        assertThat(Runtime.version().feature()).isGreaterThanOrEqualTo(25);
    }
}
