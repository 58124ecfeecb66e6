package org.kbportal.ui.channel;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.kbportal.ui.client.ChannelClient;

/**
 * The add/edit dialog of a notification channel: kind, name, URL, a write-only secret (left empty it
 * stays as it is), routing (events, categories, severities) and, for SMS, how the gateway is called.
 */
class ChannelForm extends Dialog {

    static final List<String> KINDS = List.of("WECOM", "DINGTALK", "FEISHU", "SMS", "WEBHOOK");
    static final List<String> EVENTS = List.of(
            "ASSIGNED",
            "SLA_WARNING",
            "SLA_BREACH",
            "ESCALATED",
            "HANDED_OVER",
            "ANSWERED",
            "RESOLVED",
            "REOPENED",
            "RATED_LOW");

    private final ChannelClient.Channel channel;
    private final Select<String> kind = new Select<>();
    private final TextField name = new TextField();
    private final TextField url = new TextField();
    private final PasswordField secret = new PasswordField();
    private final CheckboxGroup<String> events = new CheckboxGroup<>();
    private final TextField categories = new TextField();
    private final CheckboxGroup<String> severities = new CheckboxGroup<>();
    private final Checkbox enabled = new Checkbox();
    private final Select<String> method = new Select<>();
    private final TextArea headers = new TextArea();
    private final TextArea bodyTemplate = new TextArea();
    private final TextField signatureHeader = new TextField();
    private final Div smsPart = new Div();
    private final Div error = new Div();

    ChannelForm(ChannelClient.Channel channel, Consumer<ChannelForm> onSave) {
        this.channel = channel;
        setId("channel-dialog");
        setHeaderTitle(getTranslation(channel == null ? "channels.dialog.new" : "channels.dialog.edit"));
        setWidth("min(40rem, 100vw)");

        kind.setId("channel-kind");
        kind.setLabel(getTranslation("channels.kind"));
        kind.setItems(KINDS);
        kind.setItemLabelGenerator(k -> getTranslation("channels.kind." + k));
        kind.setValue(channel == null ? "WECOM" : channel.kind());
        kind.addValueChangeListener(e -> smsPart.setVisible("SMS".equals(e.getValue())));
        name.setId("channel-name");
        name.setLabel(getTranslation("channels.name"));
        name.setMaxLength(100);
        url.setId("channel-url");
        url.setLabel(getTranslation("channels.url"));
        url.setHelperText(getTranslation("channels.url.help"));
        secret.setId("channel-secret");
        secret.setLabel(getTranslation("channels.secret"));
        secret.setHelperText(getTranslation(
                channel != null && channel.secretSet() ? "channels.secret.set" : "channels.secret.help"));
        events.setId("channel-events");
        events.setLabel(getTranslation("channels.events"));
        events.setItems(EVENTS);
        events.setItemLabelGenerator(e -> getTranslation("channels.event." + e));
        events.setHelperText(getTranslation("channels.all-when-empty"));
        categories.setId("channel-categories");
        categories.setLabel(getTranslation("channels.categories"));
        categories.setHelperText(getTranslation("channels.categories.help"));
        severities.setId("channel-severities");
        severities.setLabel(getTranslation("channels.severities"));
        severities.setItems("A", "B", "C", "D");
        severities.setHelperText(getTranslation("channels.all-when-empty"));
        enabled.setId("channel-enabled");
        enabled.setLabel(getTranslation("channels.enabled"));

        method.setId("channel-sms-method");
        method.setLabel(getTranslation("channels.sms.method"));
        method.setItems("POST", "PUT", "GET");
        headers.setId("channel-sms-headers");
        headers.setLabel(getTranslation("channels.sms.headers"));
        headers.setHelperText(getTranslation("channels.sms.headers.help"));
        bodyTemplate.setId("channel-sms-body");
        bodyTemplate.setLabel(getTranslation("channels.sms.body"));
        bodyTemplate.setHelperText(getTranslation("channels.sms.body.help"));
        signatureHeader.setId("channel-sms-signature");
        signatureHeader.setLabel(getTranslation("channels.sms.signature"));
        FormLayout sms = new FormLayout(method, signatureHeader, headers, bodyTemplate);
        sms.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        smsPart.add(sms);

        if (channel != null) {
            name.setValue(channel.name());
            url.setValue(channel.url());
            events.setValue(new java.util.HashSet<>(channel.events()));
            categories.setValue(String.join(", ", channel.categories()));
            severities.setValue(new java.util.HashSet<>(channel.severities()));
            enabled.setValue(channel.enabled());
            if (channel.sms() != null) {
                method.setValue(channel.sms().method());
                StringBuilder h = new StringBuilder();
                channel.sms()
                        .headers()
                        .forEach((k, v) -> h.append(k).append(": ").append(v).append("\n"));
                headers.setValue(h.toString().strip());
                bodyTemplate.setValue(
                        channel.sms().bodyTemplate() == null
                                ? ""
                                : channel.sms().bodyTemplate());
                signatureHeader.setValue(
                        channel.sms().signatureHeader() == null
                                ? ""
                                : channel.sms().signatureHeader());
            }
        } else {
            enabled.setValue(true);
            method.setValue("POST");
        }
        smsPart.setVisible("SMS".equals(kind.getValue()));

        error.setId("channel-error");
        error.addClassName("kb-error");
        error.setVisible(false);
        FormLayout form = new FormLayout(kind, name, url, secret, events, categories, severities, enabled);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(error, form, smsPart);

        Button save = new Button(getTranslation("channels.save"), e -> onSave.accept(this));
        save.setId("channel-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("channels.cancel"), e -> close());
        cancel.setId("channel-cancel");
        getFooter().add(cancel, save);
    }

    ChannelClient.Channel channel() {
        return channel;
    }

    ChannelClient.ChannelInput value() {
        List<String> cats = Arrays.stream(categories.getValue().split("[,，\\s]+"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        ChannelClient.Sms sms = null;
        if ("SMS".equals(kind.getValue())) {
            Map<String, String> h = new LinkedHashMap<>();
            for (String line : headers.getValue().split("\\R")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    h.put(
                            line.substring(0, colon).strip(),
                            line.substring(colon + 1).strip());
                }
            }
            sms = new ChannelClient.Sms(
                    method.getValue(),
                    h,
                    bodyTemplate.getValue(),
                    signatureHeader.getValue().isBlank()
                            ? null
                            : signatureHeader.getValue().strip());
        }
        return new ChannelClient.ChannelInput(
                kind.getValue(),
                name.getValue().strip(),
                url.getValue().strip(),
                secret.getValue().isEmpty() ? null : secret.getValue(),
                events.getValue().stream().sorted().toList(),
                cats,
                severities.getValue().stream().sorted().toList(),
                enabled.getValue(),
                sms);
    }

    void showError(String text) {
        error.setText(text);
        error.setVisible(true);
    }
}
