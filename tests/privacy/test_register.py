"""The register of personal data covers every model: each is declared or allowed with a reason."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.db import models
from django.test.utils import isolate_apps

from huisvanhetkind.core import register, scheduler
from huisvanhetkind.core.register import Category, Erasure, LegalBasis, Subject


def labels_of(app_registry) -> list[str]:
    return [m._meta.label for m in app_registry.get_models(include_auto_created=True)]


def check_every_model_is_registered(model_labels):
    missing = register.unregistered(model_labels)
    assert not missing, (
        "Not in the register of personal data (declare it in the app's personal_data.py, or "
        f"allow it with the reason it holds no personal data): {', '.join(missing)}"
    )


def test_every_model_is_declared_or_allowed_with_a_reason():
    labels = labels_of(apps)
    # The libraries' models are part of the walk: allauth's, sessions, the tasks' results.
    assert {"account.EmailAddress", "mfa.Authenticator", "sessions.Session"} <= set(labels)
    assert "django_tasks_database.DBTaskResult" in labels
    assert "auth.User_groups" in labels  # and the tables Django creates for many-to-many fields
    check_every_model_is_registered(labels)


@isolate_apps("tests.privacy.apps.ThrowAwayConfig")
def test_a_model_nobody_declared_fails_the_check_by_name():
    class Diary(models.Model):
        child_name = models.CharField(max_length=100)
        friends = models.ManyToManyField("self")

        class Meta:
            app_label = "privacy_tests"

        def __str__(self):
            return f"Dagboek #{self.pk}"

    isolated = labels_of(Diary._meta.apps)  # a throw-away registry of one test app
    assert set(isolated) == {"privacy_tests.Diary", "privacy_tests.Diary_friends"}
    with pytest.raises(AssertionError, match=r"privacy_tests\.Diary, privacy_tests\.Diary_friends"):
        check_every_model_is_registered(labels_of(apps) + isolated)
    check_every_model_is_registered(labels_of(apps))  # the real set alone passes


def test_every_declared_or_allowed_label_names_an_installed_model():
    labels = set(labels_of(apps))
    stale = sorted((register.declarations().keys() | register.allowed().keys()) - labels)
    assert stale == []


def test_every_declaration_says_what_why_on_what_ground_who_and_how_long():
    declarations = register.declarations()
    assert "questions.Question" in declarations and "activities.Registration" in declarations
    for declaration in declarations.values():
        for text in (
            declaration.data,
            declaration.purpose,
            declaration.readers,
            declaration.retention_text,
            declaration.erasure_how,
        ):
            assert str(text).strip(), declaration.model
        assert declaration.legal_basis in LegalBasis
        assert declaration.erasure in Erasure
        if declaration.sensitive:
            assert declaration.special_basis is not None, declaration.model
    for label, reason in register.allowed().items():
        assert str(reason).strip(), label


def test_family_data_names_its_categories_and_art_9_condition():
    question = register.declarations()["questions.Question"]
    assert {Category.CONTACT, Category.CHILD, Category.HEALTH} <= set(question.categories)
    assert question.special_basis is not None and question.rule is not None
    registration = register.declarations()["activities.Registration"]
    assert Category.SOCIAL_SITUATION in registration.categories
    assert Subject.FAMILIES in registration.subjects
    role = register.declarations()["network.Role"]
    assert role.categories == (Category.PROFESSIONAL,) and role.special_basis is None


def test_retention_texts_follow_the_settings(settings):
    settings.QUESTION_RETENTION_DAYS = 400
    assert "400 dagen" in register.declarations()["questions.Question"].retention_text
    settings.QUESTION_RETENTION_DAYS = 365
    assert "365 dagen" in register.declarations()["questions.Question"].retention_text


def test_health_or_social_situation_without_an_art_9_condition_is_refused():
    with pytest.raises(ValueError, match="art. 9"):
        register.declare(
            "privacy_tests.Notes",
            subjects=(Subject.FAMILIES,),
            categories=(Category.FREE_TEXT, Category.HEALTH),
            data="notities",
            purpose="zorg",
            legal_basis=LegalBasis.CONSENT,
            readers="niemand",
            retention="1 jaar",
            erasure=Erasure.DELETED,
            erasure_how="verwijderd",
        )
    assert "privacy_tests.Notes" not in register.declarations()


def test_a_model_is_registered_once():
    with pytest.raises(ValueError, match="twice"):
        register.allow("questions.Question", "nothing personal")
    with pytest.raises(ValueError, match="twice"):
        register.allow("questions.Topic", "again")
    assert "questions.Question" not in register.allowed()
    assert "questions.Topic" in register.allowed()


def test_an_allowed_model_needs_a_reason():
    with pytest.raises(ValueError, match="why"):
        register.allow("privacy_tests.Empty", "  ")
    assert "privacy_tests.Empty" not in register.allowed()


def test_every_retention_rule_runs_as_exactly_one_daily_job():
    jobs = scheduler.jobs().values()
    rules = register.rules()
    assert [d.rule.name for d in rules] == sorted(d.rule.name for d in rules)
    assert "questions.erase_expired" in [d.rule.name for d in rules]
    for declaration in rules:
        running = [job for job in jobs if job.task is declaration.rule.task]
        assert len(running) == 1, declaration.rule.name
        assert running[0].every <= timedelta(days=1), declaration.rule.name
