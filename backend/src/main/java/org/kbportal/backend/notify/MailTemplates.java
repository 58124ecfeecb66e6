package org.kbportal.backend.notify;

import java.util.Map;

/**
 * The e-mail texts in Chinese and English. Placeholders {@code {id}}, {@code {title}}, {@code
 * {status}}, {@code {detail}} are filled from the variables; unknown languages get Chinese.
 */
final class MailTemplates {

    record Text(String subject, String body) {}

    private static final String FOOTER_ZH = "\n\n——\n运维知识库与在线专家帮助平台（请勿直接回复本邮件）";
    private static final String FOOTER_EN =
            "\n\n--\nIT operations knowledge base & expert help (do not reply to this e-mail)";

    private static final Map<String, Text> ZH = Map.of(
            "ASSIGNED", new Text("[知识库] 新问题 #{id} 已分派给您：{title}", "问题 #{id}「{title}」已分派给您，请及时回复。\n{detail}"),
            "WARNING", new Text("[知识库] 问题 #{id} 即将超时：{title}", "问题 #{id}「{title}」的服务时限已用去 80%。\n{detail}"),
            "ESCALATED", new Text("[知识库] 问题 #{id} 已升级：{title}", "问题 #{id}「{title}」已升级。\n{detail}"),
            "ANSWERED", new Text("[知识库] 您的问题 #{id} 有了答复：{title}", "专家已答复您的问题 #{id}「{title}」：\n\n{detail}"),
            "STATUS", new Text("[知识库] 您的问题 #{id} 状态变为 {status}", "您的问题 #{id}「{title}」状态已变为 {status}。\n{detail}"),
            "UNASSIGNED",
                    new Text("[知识库] 问题 #{id} 无人值守，待分派：{title}", "问题 #{id}「{title}」没有可分派的值班专家，已进入待分派队列。\n{detail}"),
            "LOW_RATING", new Text("[知识库] 问题 #{id} 收到差评：{title}", "问题 #{id}「{title}」收到低分评价。\n{detail}"),
            "QUEUED", new Text("[知识库] 待认领问题 #{id}：{title}", "您技能范围内的问题 #{id}「{title}」等待认领。\n{detail}"),
            "WAITING",
                    new Text(
                            "[知识库] 问题 #{id} 已升级，等待值班专家，预计 {pickupzh} 有人接手：{title}",
                            "问题 #{id}「{title}」已升级，但下一级暂时没有值班专家，已进入 {tier} 待分派队列。\n"
                                    + "预计 {pickupzh} 有专家上班并接手。服务时限按 SLA 策略照常计时，不会因等待而暂停。\n{detail}"));

    private static final Map<String, Text> EN = Map.of(
            "ASSIGNED",
                    new Text(
                            "[KB] Question #{id} assigned to you: {title}",
                            "Question #{id} \"{title}\" has been assigned to you; please reply in time.\n{detail}"),
            "WARNING",
                    new Text(
                            "[KB] Question #{id} is about to breach its SLA: {title}",
                            "80 % of the time for question #{id} \"{title}\" is used up.\n{detail}"),
            "ESCALATED",
                    new Text(
                            "[KB] Question #{id} escalated: {title}",
                            "Question #{id} \"{title}\" has been escalated.\n{detail}"),
            "ANSWERED",
                    new Text(
                            "[KB] Your question #{id} has an answer: {title}",
                            "An expert answered your question #{id} \"{title}\":\n\n{detail}"),
            "STATUS",
                    new Text(
                            "[KB] Your question #{id} is now {status}",
                            "Your question #{id} \"{title}\" is now {status}.\n{detail}"),
            "UNASSIGNED",
                    new Text(
                            "[KB] Question #{id} waits for an expert: {title}",
                            "No expert on duty could take question #{id} \"{title}\"; it waits in the queue.\n{detail}"),
            "LOW_RATING",
                    new Text(
                            "[KB] Question #{id} got a low rating: {title}",
                            "Question #{id} \"{title}\" was rated low.\n{detail}"),
            "QUEUED",
                    new Text(
                            "[KB] Question #{id} waits to be claimed: {title}",
                            "Question #{id} \"{title}\" in your skills waits in the queue.\n{detail}"),
            "WAITING",
                    new Text(
                            "[KB] Question #{id} escalated, waits for the next expert on duty ({pickupen}): {title}",
                            "Question #{id} \"{title}\" was escalated, but nobody at the next tier is on duty; it waits"
                                    + " in the {tier} queue.\nAn expert is expected to pick it up at {pickupen}, when"
                                    + " the next shift starts. The SLA clock keeps running as the SLA policy says; waiting"
                                    + " does not pause it.\n{detail}"));

    private MailTemplates() {}

    static Text render(String lang, String template, Map<String, String> vars) {
        boolean en = "en".equals(lang);
        Text t = (en ? EN : ZH).get(template);
        if (t == null) {
            throw new IllegalArgumentException("no mail template " + template);
        }
        return new Text(fill(t.subject(), vars), fill(t.body(), vars) + (en ? FOOTER_EN : FOOTER_ZH));
    }

    private static String fill(String text, Map<String, String> vars) {
        String out = text;
        for (Map.Entry<String, String> e : vars.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue() == null ? "" : e.getValue());
        }
        return out.replaceAll("\\{[a-z]+}", "");
    }
}
