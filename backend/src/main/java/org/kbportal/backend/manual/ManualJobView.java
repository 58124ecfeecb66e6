package org.kbportal.backend.manual;

import java.util.Map;

/**
 * An extraction job as the API shows it.
 *
 * @param jobId the job
 * @param state RUNNING, DONE or FAILED
 * @param fileName the uploaded file
 * @param done pages (PDF) or elements (Word) extracted so far
 * @param total pages or elements in all, 0 while unknown
 * @param progress done / total, 1 when DONE
 * @param result the manual, when DONE
 * @param problem the RFC 9457 problem, when FAILED
 */
public record ManualJobView(
        String jobId,
        String state,
        String fileName,
        int done,
        int total,
        double progress,
        ManualUploadResult result,
        Map<String, Object> problem) {}
