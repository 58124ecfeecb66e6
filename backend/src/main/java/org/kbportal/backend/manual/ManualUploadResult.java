package org.kbportal.backend.manual;

/**
 * What an upload made: the manual's id, its status and version, how many sections (retrievable
 * units) it has, and the pages of a PDF.
 */
public record ManualUploadResult(String id, String status, int sections, int version, Integer pages, String jobId) {}
