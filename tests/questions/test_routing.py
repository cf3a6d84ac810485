from huisvanhetkind.questions.models import RoutingRule
from huisvanhetkind.questions.routing import Sample, explain, route
from tests.conftest import logged_in
from tests.factories import OrganisationFactory, RoutingRuleFactory
from tests.questions.conftest import age_group, ask


def test_the_first_matching_rule_wins_and_its_reason_is_stored(
    house, organisation, other_organisation, sleep_topic
):
    RoutingRuleFactory(
        house=house,
        position=1,
        name="Baby's",
        age_group=age_group("aanstaand"),
        organisation=other_organisation,
    )
    RoutingRuleFactory(
        house=house, position=2, name="Slapen", topic=sleep_topic, organisation=organisation
    )
    RoutingRuleFactory(house=house, position=3, name="Alles", organisation=other_organisation)
    question, _ = ask(house, sleep_topic, child_age=2)
    assert question.organisation == organisation
    assert question.routing_reason.startswith("Regel 2 “Slapen”")
    assert "onderwerp is Slapen" in question.routing_reason

    expecting, _ = ask(house, sleep_topic, about="expecting", child_age=None)
    assert expecting.organisation == other_organisation
    assert "Baby's" in expecting.routing_reason


def test_keywords_language_and_municipality_must_all_match(house, organisation, sleep_topic):
    rule = RoutingRuleFactory(
        house=house,
        name="Frans en crèche",
        language="fr",
        keywords="creche, kinderopvang",
        municipality=house.municipalities.first(),
        organisation=organisation,
    )
    sample = Sample(
        language="fr", municipality_id=house.municipalities.first().pk, text="Une CRÈCHE?"
    )
    assert route([rule], sample)[0] == rule
    assert (
        route([rule], Sample(language="nl", municipality_id=sample.municipality_id, text="crèche"))[
            0
        ]
        is None
    )
    assert (
        route([rule], Sample(language="fr", municipality_id=sample.municipality_id, text="school"))[
            0
        ]
        is None
    )


def test_inactive_rules_are_skipped_and_no_rule_means_the_coordinator(
    house, organisation, sleep_topic
):
    rule = RoutingRuleFactory(house=house, name="Uit", is_active=False, organisation=organisation)
    question, _ = ask(house, sleep_topic)
    assert question.organisation is None and question.routing_rule is None
    assert "Geen enkele regel" in question.routing_reason
    # Positive control: the same rule, active, routes the same question.
    RoutingRule.objects.filter(pk=rule.pk).update(is_active=True)
    question, _ = ask(house, sleep_topic)
    assert question.organisation == organisation and question.routing_rule == rule


def test_a_rule_with_a_person_assigns_the_question(house, organisation, worker, sleep_topic):
    RoutingRuleFactory(
        house=house, name="Slapen", topic=sleep_topic, organisation=organisation, assignee=worker
    )
    question, _ = ask(house, sleep_topic)
    assert question.assignee == worker and question.status == "assigned"


def test_explain_tells_why_each_rule_does_or_does_not_match(
    house, organisation, sleep_topic, school_topic
):
    rules = [
        RoutingRule(house=house, name="School", topic=school_topic, organisation=organisation),
        RoutingRule(house=house, name="Slapen", topic=sleep_topic, organisation=organisation),
    ]
    checks = explain(rules, Sample(topic_id=sleep_topic.pk))
    assert [c.matched for c in checks] == [False, True]
    assert "onderwerp is niet School en leren" in checks[0].reasons


def test_the_coordinator_tests_an_unsaved_rule_and_nothing_is_saved(
    house, organisation, coordinator, sleep_topic
):
    client = logged_in(coordinator)
    url = f"/beheer/huis/{house.slug}/vragen/regels/nieuw/"
    response = client.post(
        url,
        {
            "action": "test",
            "name": "Slapen",
            "topic": sleep_topic.pk,
            "organisation": organisation.pk,
            "is_active": "on",
            "test-topic": sleep_topic.pk,
            "test-about": "child",
            "test-child_age": "2",
            "test-language": "nl",
            "test-text": "slaapt slecht",
        },
    )
    assert response.status_code == 200
    assert "Regel 1 “Slapen” → Opvoedingspunt Kalmthout" in response.content.decode()
    assert not RoutingRule.objects.exists()

    response = client.post(
        url,
        {
            "action": "save",
            "name": "Slapen",
            "topic": sleep_topic.pk,
            "organisation": organisation.pk,
            "is_active": "on",
            "test-about": "child",
            "test-language": "nl",
        },
    )
    assert response.status_code == 302
    assert RoutingRule.objects.get().name == "Slapen"


def test_the_rule_list_preview_and_reordering(
    house, organisation, other_organisation, coordinator, sleep_topic
):
    first = RoutingRuleFactory(
        house=house, position=1, name="Eerst", organisation=other_organisation
    )
    second = RoutingRuleFactory(
        house=house, position=2, name="Slapen", topic=sleep_topic, organisation=organisation
    )
    client = logged_in(coordinator)
    url = f"/beheer/huis/{house.slug}/vragen/regels/"
    response = client.get(
        url,
        {
            "test-text": "x",
            "test-topic": sleep_topic.pk,
            "test-about": "child",
            "test-language": "nl",
        },
    )
    assert "Regel 1 “Eerst”" in response.content.decode()
    client.post(f"{url}{second.pk}/verplaatsen/", {"richting": "op"})
    response = client.get(
        url,
        {
            "test-text": "x",
            "test-topic": sleep_topic.pk,
            "test-about": "child",
            "test-language": "nl",
        },
    )
    assert "Regel 1 “Slapen”" in response.content.decode()
    client.post(f"{url}{first.pk}/verwijderen/")
    assert list(RoutingRule.objects.values_list("name", flat=True)) == ["Slapen"]


def test_only_the_coordinator_of_the_house_edits_rules(
    house, organisation, worker, outsider, other_coordinator, coordinator
):
    rule = RoutingRuleFactory(house=house, name="R", organisation=organisation)
    for user in (worker, outsider, other_coordinator):
        client = logged_in(user)
        assert client.get(f"/beheer/huis/{house.slug}/vragen/regels/").status_code == 404
        assert (
            client.post(
                f"/beheer/huis/{house.slug}/vragen/regels/{rule.pk}/verwijderen/"
            ).status_code
            == 404
        )
    assert RoutingRule.objects.filter(pk=rule.pk).exists()
    # Positive control: the house's coordinator sees and deletes it.
    client = logged_in(coordinator)
    assert client.get(f"/beheer/huis/{house.slug}/vragen/regels/").status_code == 200
    assert (
        client.post(f"/beheer/huis/{house.slug}/vragen/regels/{rule.pk}/verwijderen/").status_code
        == 302
    )
    assert not RoutingRule.objects.filter(pk=rule.pk).exists()


def test_a_rule_cannot_point_to_an_organisation_outside_the_house(
    house, coordinator, other_house, organisation
):
    stranger = OrganisationFactory(houses=[other_house])
    client = logged_in(coordinator)

    def save(partner):
        return client.post(
            f"/beheer/huis/{house.slug}/vragen/regels/nieuw/",
            {
                "action": "save",
                "name": "X",
                "organisation": partner.pk,
                "test-about": "child",
                "test-language": "nl",
            },
        )

    assert save(stranger).status_code == 200
    assert not RoutingRule.objects.exists()
    # Positive control: a partner of the house is accepted.
    assert save(organisation).status_code == 302
    assert RoutingRule.objects.get().organisation == organisation
