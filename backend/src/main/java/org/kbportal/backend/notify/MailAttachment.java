package org.kbportal.backend.notify;

/** A file carried by an outbox e-mail (stored with it, sent as a part of a multipart message). */
public record MailAttachment(String filename, String contentType, byte[] data) {}
