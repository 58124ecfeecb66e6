package org.kbportal.backend.manual;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.kbportal.backend.system.KbException;
import org.kbportal.backend.system.KbProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Extraction jobs of this backend instance, kept in memory for {@code kb.manuals.job-ttl} after they
 * end: the upload answers 202 with a job when extraction takes longer than {@code kb.manuals.answer-within},
 * and the client polls the job.
 */
@Component
class ManualJobs {

    enum State {
        RUNNING,
        DONE,
        FAILED
    }

    /** One upload being extracted and stored. */
    static final class Job {
        private final String id;
        private final String fileName;
        private final Sinks.One<ManualUploadResult> outcome = Sinks.one();
        private volatile State state = State.RUNNING;
        private volatile int done;
        private volatile int total;
        private volatile ManualUploadResult result;
        private volatile KbException error;
        private volatile Instant endedAt;

        Job(String id, String fileName) {
            this.id = id;
            this.fileName = fileName;
        }

        String id() {
            return id;
        }

        void progress(int done, int total) {
            this.done = done;
            this.total = total;
        }

        void succeed(ManualUploadResult r, Instant at) {
            result = r;
            endedAt = at;
            state = State.DONE;
            outcome.tryEmitValue(r);
        }

        void fail(KbException e, Instant at) {
            error = e;
            endedAt = at;
            state = State.FAILED;
            outcome.tryEmitError(e);
        }

        /** Completes with the result or fails with the problem when the job ends. */
        Mono<ManualUploadResult> outcome() {
            return outcome.asMono();
        }

        ManualJobView view() {
            Map<String, Object> problem = null;
            KbException e = error;
            if (e != null) {
                problem = Map.of(
                        "type", e.type().toString(),
                        "title", e.title(),
                        "status", e.status().value(),
                        "detail", e.getMessage() == null ? "" : e.getMessage());
            }
            int t = total;
            double fraction = state == State.DONE ? 1.0 : t == 0 ? 0.0 : Math.min(1.0, (double) done / t);
            return new ManualJobView(id, state.name(), fileName, done, t, fraction, result, problem);
        }
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Clock clock;
    private final KbProperties props;

    ManualJobs(Clock clock, KbProperties props) {
        this.clock = clock;
        this.props = props;
    }

    Job start(String fileName) {
        purge();
        Job job = new Job(UUID.randomUUID().toString(), fileName);
        jobs.put(job.id(), job);
        return job;
    }

    Optional<Job> find(String id) {
        purge();
        return Optional.ofNullable(jobs.get(id));
    }

    static KbException notFound(String id) {
        return new KbException(
                HttpStatus.NOT_FOUND,
                "manual-job-not-found",
                "Not found",
                "No extraction job '" + id + "' (finished jobs are kept for a while only).");
    }

    private void purge() {
        Instant cutoff = clock.instant().minus(props.manuals().jobTtl());
        jobs.values().removeIf(j -> j.endedAt != null && j.endedAt.isBefore(cutoff));
    }
}
