package org.kbportal.backend.search;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Index I/O as a {@link Mono}: on {@code boundedElastic}, never interrupted (see {@link #call}). */
final class IndexIo {

    private IndexIo() {}

    interface IoAction {
        void run() throws Exception;
    }

    interface IoCall<T> {
        T call() throws Exception;
    }

    static Mono<Boolean> run(IoAction action) {
        return call(() -> {
            action.run();
            return true;
        });
    }

    /**
     * Runs index I/O on {@code boundedElastic} without ever interrupting it. {@code subscribeOn} would
     * interrupt the thread when the subscriber cancels (a client hanging up during a publish), and an
     * interrupt inside a Lucene write closes the file channel and with it the IndexWriter ("tragic
     * event"): no further write until a restart. A cancelled caller now stops waiting; the write finishes.
     */
    static <T> Mono<T> call(IoCall<T> call) {
        return Mono.fromFuture(
                () -> {
                    java.util.concurrent.CompletableFuture<T> result = new java.util.concurrent.CompletableFuture<>();
                    Schedulers.boundedElastic().schedule(() -> {
                        try {
                            result.complete(call.call());
                        } catch (Throwable e) {
                            result.completeExceptionally(e);
                        }
                    });
                    return result;
                },
                true);
    }
}
