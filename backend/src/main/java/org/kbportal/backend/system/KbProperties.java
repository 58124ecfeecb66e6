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
 */
@ConfigurationProperties("kb")
public record KbProperties(
        Path dataDir,
        @DefaultValue Seed seed,
        @DefaultValue Auth auth,
        @DefaultValue Search search,
        @DefaultValue Ingest ingest,
        @DefaultValue Questions questions) {

    /**
     * @param indexData load the shipped knowledge ({@code index-data/}) when it is not there yet
     * @param indexDataDir a directory to load instead of the copy packaged in the jar
     * @param demoAccounts create the three demo accounts (never in prod)
     * @param adminPassword initial admin password (prod: required from the environment)
     */
    public record Seed(
            @DefaultValue("true") boolean indexData,
            Path indexDataDir,
            @DefaultValue("false") boolean demoAccounts,
            String adminPassword) {}

    /** @param tokenTtl how long a login token stays valid */
    public record Auth(@DefaultValue("12h") Duration tokenTtl) {}

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
            @DefaultValue("300ms") Duration drainInterval) {}

    /**
     * @param batchSize lines stored per database transaction during an import
     * @param maxLineBytes longest accepted NDJSON line
     */
    public record Ingest(
            @DefaultValue("500") int batchSize,
            @DefaultValue("4194304") int maxLineBytes) {}

    /**
     * @param zone the zone of shifts, working hours and holidays
     * @param autoCloseDays a RESOLVED question closes itself after this many days
     * @param slaCheckInterval how often the SLA monitor looks for warnings, breaches and closings
     * @param maxBodyChars longest accepted question or message body (after sanitising)
     * @param eventPoll how often an expert's event stream looks for new notifications
     * @param mailFrom sender address of notification e-mails
     * @param mailDrainInterval how often the mail outbox is polled (only with spring.mail.host)
     * @param mailMaxAttempts sending attempts before an e-mail is given up
     */
    public record Questions(
            @DefaultValue("Asia/Shanghai") java.time.ZoneId zone,
            @DefaultValue("7") int autoCloseDays,
            @DefaultValue("30s") Duration slaCheckInterval,
            @DefaultValue("20000") int maxBodyChars,
            @DefaultValue("300ms") Duration eventPoll,
            @DefaultValue("kb-portal@localhost") String mailFrom,
            @DefaultValue("2s") Duration mailDrainInterval,
            @DefaultValue("6") int mailMaxAttempts) {}

    public Path indexDir() {
        return dataDir.resolve("index");
    }
}
