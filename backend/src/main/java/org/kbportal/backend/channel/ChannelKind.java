package org.kbportal.backend.channel;

/** Where a channel delivers: a group robot, an SMS gateway or an integrator's webhook. */
public enum ChannelKind {
    WECOM,
    DINGTALK,
    FEISHU,
    SMS,
    WEBHOOK
}
