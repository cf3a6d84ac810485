"""Accessible form rendering: an error summary and errors linked to their fields."""

from django.forms import BoundField
from django.forms.renderers import TemplatesSetting


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


class FormRenderer(TemplatesSetting):
    form_template_name = "web/forms/form.html"
    field_template_name = "web/forms/field.html"
    bound_field_class = AccessibleBoundField
