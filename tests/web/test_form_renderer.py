"""The form renderer writes the common widgets itself: the markup must stay what Django's
widget templates give, for every form of the project."""

import importlib
import inspect
import pkgutil

import pytest
from django import forms
from django.forms.renderers import TemplatesSetting

import huisvanhetkind
from huisvanhetkind.web.forms import FormRenderer


class ThroughTemplates(FormRenderer):
    """The same renderer with every widget rendered by its template."""

    def render(self, template_name, context, request=None):
        return TemplatesSetting.render(self, template_name, context, request=request)


class EveryWidget(forms.Form):
    text = forms.CharField(help_text="Hulp", initial='a"<b>&')
    email = forms.EmailField(required=False)
    number = forms.IntegerField(min_value=0)
    choice = forms.ChoiceField(
        choices=[("", "Alle"), ("x", "X & <y>"), ("Groep", [("1", "één"), ("2", "twee")])],
        initial="1",
    )
    typed = forms.TypedChoiceField(choices=[(1, "een"), (2, "twee")], coerce=int)
    box = forms.BooleanField(required=False, initial=True)
    long = forms.CharField(widget=forms.Textarea, initial="hallo\n<b>")
    day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    several = forms.MultipleChoiceField(
        choices=[("1", "a"), ("2", "b")], widget=forms.CheckboxSelectMultiple
    )
    hidden = forms.CharField(widget=forms.HiddenInput, initial="z")
    disabled = forms.CharField(disabled=True, initial="vast")


BAD = {"text": "<x>", "number": "-1", "choice": "2", "long": "", "day": "nee", "several": ["2"]}


@pytest.mark.parametrize("data", [None, BAD], ids=["empty", "with errors"])
def test_every_widget_renders_as_its_template(data):
    fast = EveryWidget(data, renderer=FormRenderer())
    slow = EveryWidget(data, renderer=ThroughTemplates())

    for name in fast.fields:
        assert str(fast[name].as_widget()) == str(slow[name].as_widget()), name
    assert str(fast) == str(slow)


def project_forms():
    for info in pkgutil.walk_packages(huisvanhetkind.__path__, "huisvanhetkind."):
        if info.name.endswith(".forms"):
            module = importlib.import_module(info.name)
            for _name, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                    yield cls


@pytest.mark.django_db
def test_the_project_forms_render_as_through_templates():
    compared = 0
    for cls in project_forms():
        try:
            fast, slow = cls(renderer=FormRenderer()), cls(renderer=ThroughTemplates())
        except (TypeError, ValueError):
            continue  # a form that needs arguments or a saved instance: covered by its views
        assert str(fast) == str(slow), cls.__name__
        compared += 1
    assert compared >= 10
