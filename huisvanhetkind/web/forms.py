"""Accessible form rendering: an error summary and errors linked to their fields."""

from django.forms import BoundField
from django.forms.renderers import TemplatesSetting
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

WIDGETS = "django/forms/widgets/"
# Widgets whose template is Django's input.html.
INPUT_TEMPLATES = {
    f"{WIDGETS}{name}.html"
    for name in (
        "checkbox",
        "color",
        "date",
        "datetime",
        "email",
        "hidden",
        "number",
        "password",
        "search",
        "tel",
        "text",
        "time",
        "url",
    )
}


class AccessibleBoundField(BoundField):
    """Points every field at its help text and its error message (aria-describedby)."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        described = [attrs["aria-describedby"]] if attrs.get("aria-describedby") else []
        if self.help_text and not described:
            described.append(f"{self.auto_id}_helptext")
        if self.form.is_bound and self.errors:
            attrs["aria-invalid"] = "true"
            described.append(f"{self.auto_id}_error")
        if described and not self.use_fieldset:
            attrs["aria-describedby"] = " ".join(dict.fromkeys(described))
        return attrs


def _attrs(attrs: dict) -> str:
    """As Django's widgets/attrs.html: ``name="value"``, a bare name for True, nothing for False."""
    return "".join(
        f" {name}" if value is True else f' {name}="{conditional_escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _input(widget: dict) -> str:
    value = widget["value"]
    shown = "" if value is None else f' value="{conditional_escape(value)}"'
    return (
        f'<input type="{conditional_escape(widget["type"])}" '
        f'name="{conditional_escape(widget["name"])}"{shown}{_attrs(widget["attrs"])}>'
    )


def _textarea(widget: dict) -> str:
    value = conditional_escape(widget["value"]) if widget["value"] else ""
    return (
        f'<textarea name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>\n'
        f"{value}</textarea>"
    )


def _select(widget: dict) -> str | None:
    parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in options:
            if option["template_name"] != f"{WIDGETS}select_option.html":
                return None  # a customised option: its template renders the whole widget
            value, label = conditional_escape(option["value"]), conditional_escape(option["label"])
            parts.append(f'\n  <option value="{value}"{_attrs(option["attrs"])}>{label}</option>\n')
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


class FormRenderer(TemplatesSetting):
    """Forms and fields through the project's templates; the common widgets (inputs, text
    areas, selects) written directly, with the same markup as Django's widget templates: a
    template per widget and per option was most of the time of a page with a form."""

    form_template_name = "web/forms/form.html"
    field_template_name = "web/forms/field.html"
    bound_field_class = AccessibleBoundField

    def render(self, template_name, context, request=None):
        widget = context.get("widget")
        html = None
        if widget is not None and widget.get("template_name") == template_name:
            if template_name in INPUT_TEMPLATES:
                html = _input(widget)
            elif template_name == f"{WIDGETS}textarea.html":
                html = _textarea(widget)
            elif template_name == f"{WIDGETS}select.html":
                html = _select(widget)
        if html is None:
            return super().render(template_name, context, request=request)
        return mark_safe(html)
