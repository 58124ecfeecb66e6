package org.kbportal.backend.system;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Typed settings under {@code kb.*}; every one can be overridden from the environment
 * ({@code KB_DATA_DIR}, {@code KB_SEED_DEMO_ACCOUNTS}, ...).
 *
 * @param dataDir the one directory for the H2 database, the Lucene index and uploads
 * @param seed what to load on first start
 * @param auth token login settings
 * @param search search limits
 * @param ingest import limits
 * @param questions online questions: clocks, monitor and notifications
 * @param manuals manuals made from uploaded documents
 * @param attachments files attached to articles
 * @param reports the service report: PDF font and the monthly e-mail
 * @param audit the audit log
 * @param backup backups of the whole installation
 * @param login password logins: throttling, locks, concurrent checks
 */
@ConfigurationProperties("kb")
public record KbProperties(
        Path dataDir,
        @DefaultValue Seed seed,
        @DefaultValue Auth auth,
        @DefaultValue Search search,
        @DefaultValue Ingest ingest,
        @DefaultValue Questions questions,
        @DefaultValue Manuals manuals,
        @DefaultValue Attachments attachments,
        @DefaultValue Reports reports,
        @DefaultValue Audit audit,
        @DefaultValue Backup backup,
        @DefaultValue Login login) {

    /**
     * @param indexData load the shipped knowledge ({@code index-data/}) when it is not there yet
     * @param indexDataDir a directory to load instead of the copy packaged in the jar
     * @param demoAccounts create the three demo accounts (never in prod)
     * @param adminPassword initial admin password (prod: required from the environment)
     * @param secadminPassword initial password of {@code secadmin}, created when no account is SECURITY_ADMIN
     *     (prod: required from the environment)
     * @param auditorPassword initial password of {@code auditor}, created when no account is AUDITOR (prod:
     *     required from the environment)
     */
    public record Seed(
            @DefaultValue("true") boolean indexData,
            Path indexDataDir,
            @DefaultValue("false") boolean demoAccounts,
            String adminPassword,
            String secadminPassword,
            String auditorPassword) {}

    /** @param tokenTtl how long a login token stays valid */
    public record Auth(@DefaultValue("12h") Duration tokenTtl) {}

    /**
     * @param maxFailures failed logins of one account (user name) in a window before it is locked
     * @param backoffAfter failures of an account after which each further attempt must wait
     * @param backoffBase the first wait; it doubles with each further failure (at most the lock duration)
     * @param lockDuration how long a locked account or address stays locked (admins can unlock accounts)
     * @param failureWindow failures older than this (without a lock) are forgotten
     * @param addressMaxFailures failed logins from one client address in a window before it is locked
     * @param maxConcurrentChecks password checks (bcrypt) running at once in this instance
     * @param checkWait how long a login waits for a free check before it is answered 503
     */
    public record Login(
            @DefaultValue("10") int maxFailures,
            @DefaultValue("3") int backoffAfter,
            @DefaultValue("1s") Duration backoffBase,
            @DefaultValue("15m") Duration lockDuration,
            @DefaultValue("15m") Duration failureWindow,
            @DefaultValue("50") int addressMaxFailures,
            @DefaultValue("4") int maxConcurrentChecks,
            @DefaultValue("2s") Duration checkWait) {}

    /**
     * @param engine lucene (embedded) or elasticsearch
     * @param esUris Elasticsearch node URIs, comma-separated
     * @param esIndex the alias the Elasticsearch engine searches
     * @param embeddings compute embeddings for hybrid ranking
     * @param embedMaxChars characters of a unit's title and text that its vector stands for
     * @param maxQueryLength longest accepted query in characters
     * @param maxPageSize largest page size
     * @param maxResultWindow deepest reachable hit (page * size)
     * @param fusionWindow lexical and dense candidates fetched for fusion
     * @param denseWeightZh fusion weight of the dense score for Chinese queries (dev-tuned)
     * @param denseWeightEn fusion weight of the dense score for English queries (dev-tuned)
     * @param denseMinSimilarity cosine a dense neighbour needs to count when it shares no word
     * @param drainInterval how often the outbox is polled
     * @param compactAfter units indexed through the outbox after which the index is merged into one
     *     segment once the outbox is empty (0: never)
     * @param answer when a search has an answer at all (the no-answer gate)
     */
    public record Search(
            @DefaultValue("lucene") String engine,
            @DefaultValue("http://localhost:9200") String esUris,
            @DefaultValue("kb-units") String esIndex,
            @DefaultValue("true") boolean embeddings,
            @DefaultValue("600") int embedMaxChars,
            @DefaultValue("500") int maxQueryLength,
            @DefaultValue("100") int maxPageSize,
            @DefaultValue("1000") int maxResultWindow,
            @DefaultValue("100") int fusionWindow,
            @DefaultValue("0.55") double denseWeightZh,
            @DefaultValue("0.85") double denseWeightEn,
            @DefaultValue("0.6") double denseMinSimilarity,
            @DefaultValue("300ms") Duration drainInterval,
            @DefaultValue("10000") int compactAfter,
            @DefaultValue Answer answer) {

        /**
         * When a search has an answer at all (search/AnswerGate, docs/RELEVANCE.md): one of the best
         * {@code checkTop} units covers at least {@code minCoverage} of the query's words (Latin words, Han
         * bigrams), or a neighbour's cosine similarity reaches the floor of the query's language model.
         * Otherwise the search answers {@code total: 0} and lists up to {@code related} weak neighbours apart.
         *
         * @param enabled false: every search with candidates is answered (the behaviour before the gate)
         * @param minCoverage share of the query's words a unit must contain, in [0, 1]
         * @param minSimilarityZh cosine floor for Chinese queries (bge-small-zh)
         * @param minSimilarityEn cosine floor for English queries (bge-small-en)
         * @param checkTop how many of the best-ranked units are checked for coverage
         * @param related how many weak neighbours a search without answer lists under {@code related}
         */
        public record Answer(
                @DefaultValue("true") boolean enabled,
                @DefaultValue("0.75") double minCoverage,
                @DefaultValue("0.69") double minSimilarityZh,
                @DefaultValue("0.6") double minSimilarityEn,
                @DefaultValue("10") int checkTop,
                @DefaultValue("3") int related) {}
    }

    /**
     * @param batchSize lines stored per database transaction during an import
     * @param maxLineBytes longest accepted NDJSON line
     * @param maxBytes largest NDJSON import ({@code KB_NDJSON_MAX_BYTES}); a larger one is refused with nothing
     *     stored
     */
    public record Ingest(
            @DefaultValue("500") int batchSize,
            @DefaultValue("4194304") int maxLineBytes,
            @DefaultValue("1GB") org.springframework.util.unit.DataSize maxBytes) {}

    /**
     * @param zone the zone of shifts, working hours and holidays
     * @param autoCloseDays a RESOLVED question closes itself after this many days
     * @param slaCheckInterval how often the SLA monitor looks for warnings, breaches and closings
     * @param maxBodyChars longest accepted question or message body (after sanitising)
     * @param eventPoll how often an expert's event stream looks for new notifications
     * @param eventHeartbeat how often an idle event stream sends a comment, so proxies keep it open
     * @param mailFrom sender address of notification e-mails
     * @param mailDrainInterval how often the mail outbox is polled (only with spring.mail.host)
     * @param mailMaxAttempts sending attempts before an e-mail is given up
     * @param attachmentMaxSize largest accepted question attachment
     * @param attachmentMaxCount most attachments one question may have
     * @param eventRecheck how often an open event stream checks that its token is still valid (it
     *     ends when the token is revoked or expired, or the account lost its role or was disabled)
     */
    public record Questions(
            @DefaultValue("Asia/Shanghai") java.time.ZoneId zone,
            @DefaultValue("7") int autoCloseDays,
            @DefaultValue("30s") Duration slaCheckInterval,
            @DefaultValue("20000") int maxBodyChars,
            @DefaultValue("300ms") Duration eventPoll,
            @DefaultValue("15s") Duration eventHeartbeat,
            @DefaultValue("kb-portal@localhost") String mailFrom,
            @DefaultValue("2s") Duration mailDrainInterval,
            @DefaultValue("6") int mailMaxAttempts,
            @DefaultValue("10MB") org.springframework.util.unit.DataSize attachmentMaxSize,
            @DefaultValue("20") int attachmentMaxCount,
            @DefaultValue("5s") Duration eventRecheck) {}

    /**
     * @param maxUpload largest accepted document (also the WebFlux multipart limit per part)
     * @param answerWithin how long an upload waits for its extraction before answering 202 with a job
     * @param maxChars longest extracted text (the database keeps up to 1,000,000 characters a body)
     * @param jobTtl how long a finished extraction job can still be looked up
     */
    public record Manuals(
            @DefaultValue("50MB") org.springframework.util.unit.DataSize maxUpload,
            @DefaultValue("5s") Duration answerWithin,
            @DefaultValue("1000000") int maxChars,
            @DefaultValue("1h") Duration jobTtl) {}

    /** @param maxUpload largest accepted attachment (at most the multipart limit, kb.manuals.max-upload) */
    public record Attachments(@DefaultValue("50MB") org.springframework.util.unit.DataSize maxUpload) {}

    /**
     * @param font a TrueType font (.ttf, or .ttc collection) with Chinese glyphs for PDFs and charts;
     *     empty: the first of the usual Debian CJK fonts found (fonts-wqy-microhei, fonts-noto-cjk)
     * @param maxDays longest report period in days
     * @param monthlyMail the previous month's PDF e-mailed on the first of each month
     */
    public record Reports(
            @DefaultValue("") String font,
            @DefaultValue("400") int maxDays,
            @DefaultValue MonthlyMail monthlyMail) {}

    /**
     * @param enabled send it (off in the demo profile)
     * @param recipients addresses; empty: every enabled admin with an e-mail address
     * @param checkInterval how often an instance looks whether this month's run is still to do
     */
    public record MonthlyMail(
            @DefaultValue("false") boolean enabled,
            @DefaultValue java.util.List<String> recipients,
            @DefaultValue("15m") Duration checkInterval) {}

    /**
     * @param retentionDays audit events older than this are purged (daily); at least {@value #MIN_RETENTION_DAYS}
     *     (等保 2.0 requires six months of logs), a smaller value refuses to start
     * @param trustedProxies addresses whose {@code X-Forwarded-For} is believed (the UI server)
     * @param refusalWindow refusals (403, hidden 404, invalid tokens) of one kind from one user or address are
     *     recorded once per window, with the number of further ones at its end
     */
    public record Audit(
            @DefaultValue("365") int retentionDays,
            @DefaultValue({"127.0.0.1", "0:0:0:0:0:0:0:1"}) java.util.List<String> trustedProxies,
            @DefaultValue("10m") Duration refusalWindow) {

        public static final int MIN_RETENTION_DAYS = 180;

        public Audit {
            if (retentionDays < MIN_RETENTION_DAYS) {
                throw new IllegalArgumentException("KB_AUDIT_RETENTION_DAYS (kb.audit.retention-days) is "
                        + retentionDays + "; audit events must be kept at least " + MIN_RETENTION_DAYS
                        + " days (等保 2.0: six months of logs)");
            }
            if (refusalWindow == null || refusalWindow.isNegative() || refusalWindow.isZero()) {
                throw new IllegalArgumentException("kb.audit.refusal-window must be positive");
            }
        }
    }

    /**
     * @param schedule cron expression of scheduled backups (six fields, in {@code questions.zone}); empty:
     *     none
     * @param retention scheduled backups kept (older scheduled archives are deleted)
     * @param maxImportBytes largest knowledge-base archive accepted by the import
     * @param encryptionKey base64 of 32 bytes: archives are encrypted (AES-256-GCM, or SM4-GCM with {@code
     *     kb.crypto.suite=SM}); empty: not encrypted
     * @param signingKey base64 of 32–64 bytes signing every archive's manifest; empty: derived from the
     *     encryption key, else a secret of the installation (which a restore elsewhere does not know)
     * @param acceptUnsigned whether restores and imports accept archives without a signature (written
     *     before signing existed)
     */
    public record Backup(
            @DefaultValue("") String schedule,
            @DefaultValue("7") int retention,
            @DefaultValue("524288000") long maxImportBytes,
            @DefaultValue("") String encryptionKey,
            @DefaultValue("") String signingKey,
            @DefaultValue("false") boolean acceptUnsigned) {

        /** Keys never reach a log through this. */
        @Override
        public String toString() {
            return "Backup[schedule=" + schedule + ", retention=" + retention + ", maxImportBytes=" + maxImportBytes
                    + ", encryptionKey=" + (encryptionKey.isBlank() ? "" : "***") + ", signingKey="
                    + (signingKey.isBlank() ? "" : "***") + ", acceptUnsigned=" + acceptUnsigned + "]";
        }
    }

    /** Left by a restore: the next start rebuilds the search index from the restored database. */
    public Path reindexMarker() {
        return dataDir.resolve("REINDEX");
    }

    public Path backupDir() {
        return dataDir.resolve("backups");
    }

    public Path filesDir() {
        return dataDir.resolve("files");
    }

    public Path indexDir() {
        return dataDir.resolve("index");
    }
}
