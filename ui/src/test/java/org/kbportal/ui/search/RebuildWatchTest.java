package org.kbportal.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.kbportal.ui.client.RebuildProgress;
import org.kbportal.ui.search.RebuildWatch.Phase;

class RebuildWatchTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final RebuildProgress IDLE = new RebuildProgress("IDLE", 0, 0, null, null, null);
    private static final RebuildProgress LAST_DONE =
            new RebuildProgress("DONE", 223, 223, T0.minusSeconds(3600), T0.minusSeconds(3590), null);

    private final RebuildWatch watch = new RebuildWatch();

    @Test
    void shouldShowTheBackendStateWhenNothingWasRequested() {
        assertThat(watch.phase(IDLE, T0)).isEqualTo(Phase.IDLE);
        assertThat(watch.phase(LAST_DONE, T0)).isEqualTo(Phase.DONE);
        assertThat(watch.phase(running(10), T0)).isEqualTo(Phase.RUNNING);
        assertThat(watch.phase(new RebuildProgress("FAILED", 5, 2, T0, T0, "boom"), T0))
                .isEqualTo(Phase.FAILED);
        assertThat(watch.phase(new RebuildProgress("PAUSED", 0, 0, null, null, null), T0))
                .isEqualTo(Phase.IDLE);
    }

    @Test
    void shouldBeStartingWhileTheBackendStillReportsThePreviousRebuild() {
        watch.requested(LAST_DONE, T0);

        assertThat(watch.phase(LAST_DONE, T0)).isEqualTo(Phase.STARTING);
        assertThat(watch.phase(LAST_DONE, T0.plusSeconds(1))).isEqualTo(Phase.STARTING);
        assertThat(watch.phase(running(0), T0.plusSeconds(2))).isEqualTo(Phase.RUNNING);
        assertThat(watch.phase(running(100), T0.plusSeconds(3))).isEqualTo(Phase.RUNNING);
        RebuildProgress done = new RebuildProgress("DONE", 223, 223, T0.plusSeconds(1), T0.plusSeconds(4), null);
        assertThat(watch.phase(done, T0.plusSeconds(4))).isEqualTo(Phase.DONE);
    }

    @Test
    void shouldNoticeARebuildThatStartedAndFinishedBetweenTwoPolls() {
        watch.requested(LAST_DONE, T0);
        RebuildProgress quick = new RebuildProgress("DONE", 8, 8, T0, T0.plusMillis(300), null);

        assertThat(watch.phase(quick, T0.plusSeconds(1))).isEqualTo(Phase.DONE);
    }

    @Test
    void shouldNoticeARebuildThatFailedBeforeItCountedAnything() {
        watch.requested(IDLE, T0);
        RebuildProgress failed = new RebuildProgress("FAILED", 0, 0, null, T0.plusMillis(50), "db down");

        assertThat(watch.phase(IDLE, T0)).isEqualTo(Phase.STARTING);
        assertThat(watch.phase(failed, T0.plusSeconds(1))).isEqualTo(Phase.FAILED);
    }

    @Test
    void shouldGiveUpWaitingForARebuildThatNeverShowsUp() {
        watch.requested(IDLE, T0);

        assertThat(watch.phase(IDLE, T0.plus(RebuildWatch.START_TIMEOUT).minusMillis(1)))
                .isEqualTo(Phase.STARTING);
        assertThat(watch.phase(IDLE, T0.plus(RebuildWatch.START_TIMEOUT))).isEqualTo(Phase.IDLE);
        assertThat(watch.phase(IDLE, T0.plus(RebuildWatch.START_TIMEOUT).plusSeconds(1)))
                .isEqualTo(Phase.IDLE);
    }

    @Test
    void shouldFollowARebuildSomeoneElseAlreadyRuns() {
        watch.requested(running(10), T0);

        assertThat(watch.phase(running(10), T0)).isEqualTo(Phase.RUNNING);
    }

    @Test
    void shouldKeepPollingOnlyWhileStartingOrRunning() {
        assertThat(Phase.STARTING.busy()).isTrue();
        assertThat(Phase.RUNNING.busy()).isTrue();
        assertThat(Phase.DONE.busy()).isFalse();
        assertThat(Phase.FAILED.busy()).isFalse();
        assertThat(Phase.IDLE.busy()).isFalse();
    }

    private static RebuildProgress running(long done) {
        return new RebuildProgress("RUNNING", 223, done, T0.plusSeconds(1), null, null);
    }
}
