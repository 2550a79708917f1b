package io.portcullis.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IsolationTest {
    static final class AVeryLongTestClassNameThatWouldNotFitIntoTheSixtyFourCharacterLimitOfMySql {
    }

    @Test
    void namesCarryTheRunIdAndTheClassName() {
        assertThat(Isolation.runId()).matches("[0-9a-z]{6}");
        assertThat(Isolation.databaseName(IsolationTest.class)).isEqualTo("t" + Isolation.runId() + "_isolationtest");
        assertThat(Isolation.topicName(IsolationTest.class, "Journal"))
            .isEqualTo("t" + Isolation.runId() + "_isolationtest.journal");
        assertThat(Isolation.indexPrefix(IsolationTest.class)).isEqualTo("t" + Isolation.runId() + "-isolationtest-");
    }

    @Test
    void databaseNamesFitMySqlsLimit() {
        assertThat(Isolation.databaseName(
            AVeryLongTestClassNameThatWouldNotFitIntoTheSixtyFourCharacterLimitOfMySql.class)).hasSizeLessThanOrEqualTo(60);
    }
}
