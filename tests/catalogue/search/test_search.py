import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from huisvanhetkind.catalogue.models import Service, Synonym
from huisvanhetkind.catalogue.search import vocabulary
from huisvanhetkind.catalogue.search.models import SearchTerm
from huisvanhetkind.catalogue.search.selectors import apply_search, explain_query
from huisvanhetkind.catalogue.search.services import index_service, rebuild_index, remove_service
from tests.factories import OrganisationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def names(query, queryset=None, **kwargs):
    return [s.name for s in apply_search(queryset or Service.objects.all(), query, **kwargs)]


# Normalising, stemming, typos, compounds


def test_accents_and_capitals_do_not_matter(db):
    ServiceFactory(name="Crèche Het Zonnetje", summary="Opvang voor baby's.", indexed=True)

    assert names("creche") == names("CRÈCHE") == names("Crêche") == ["Crèche Het Zonnetje"]


def test_singular_and_plural_find_each_other(catalogue):
    assert names("slaapprobleem")[0] == "Groepssessie slaapproblemen bij baby's"
    assert "Slaapcoaching voor peuters" in names("peuters")
    assert "Peuterspeelpunt De Speelboot" in names("peuter")
    assert "Opvang van zieke kinderen thuis" in names("kind ziek")


def test_a_typo_is_corrected_to_the_closest_word_of_the_index(catalogue):
    explained = explain_query("zindelijkhied")

    assert explained["corrections"] == {"zindelijkhied": "zindelijkheid"}
    assert names("zindelijkhied")[0] == "Workshop zindelijkheidstraining"
    assert names("ruow") == ["Rouwgroep voor kinderen"]  # a swap of two letters is one edit


def test_a_short_word_is_corrected_for_one_edit_only(catalogue):
    assert explain_query("rouq")["corrections"] == {"rouq": "rouw"}
    assert explain_query("rxqw")["corrections"] == {}
    assert names("rxqw") == []


def test_a_query_word_of_the_index_is_not_corrected(catalogue):
    assert explain_query("oppas")["corrections"] == {}
    assert explain_query("opas")["corrections"] == {"opas": "oppas"}  # the positive control


def test_a_word_is_found_inside_a_compound_and_a_compound_by_its_parts(catalogue):
    assert names("speelpunt")[0] == "Peuterspeelpunt De Speelboot"
    assert names("peuter")[0] == "Peuterspeelpunt De Speelboot"
    assert names("jongerenadvies")[0] == "JAC: jongerenadviescentrum"
    explained = explain_query("peuterspeelpunt")
    assert explained["compound_parts"] == {"peuterspeelpunt": ["peuter", "speelpunt"]}


def test_a_compound_needs_all_its_parts(catalogue):
    # "kraam" + "hulp": services with only "hulp" are no match for the compound.
    assert names("kraamhulp") == ["Kraamzorg aan huis"]


# Synonyms


def test_a_synonym_finds_the_service(catalogue):
    assert "Lokaal Loket Kinderopvang" in names("kinderdagverblijf")
    assert names("potjestraining") == ["Workshop zindelijkheidstraining"]
    assert explain_query("potjestraining")["synonyms"]["potjestraining"][:2] == [
        "zindelijkheid",
        "toilettraining",
    ]


def test_a_literal_match_ranks_above_a_synonym(db):
    ServiceFactory(name="Vakantiewerking in de zomer", indexed=True)
    ServiceFactory(name="Speelweek in de zomer", indexed=True)

    assert names("speelweek") == ["Speelweek in de zomer", "Vakantiewerking in de zomer"]
    assert names("vakantiewerking") == ["Vakantiewerking in de zomer", "Speelweek in de zomer"]


def test_a_house_synonym_applies_only_in_that_house(catalogue, house, other_house):
    Synonym.objects.create(house=house, terms="kabouterklas, peuterspeelpunt")

    assert names("kabouterklas", house=house) == ["Peuterspeelpunt De Speelboot"]
    assert names("kabouterklas", house=other_house) == []
    assert names("kabouterklas") == []


def test_a_global_synonym_applies_in_every_house(catalogue, house, other_house):
    assert names("kraamhulp", house=house) == names("kraamhulp", house=other_house)


# Ranking


def test_a_match_in_the_name_ranks_above_the_summary_above_the_description(db):
    ServiceFactory(
        name="Knutselatelier",
        summary="Elke woensdag.",
        description="Met verf en klei.",
        indexed=True,
    )
    ServiceFactory(
        name="Atelier",
        summary="Elke woensdag knutselatelier.",
        description="Met klei.",
        indexed=True,
    )
    ServiceFactory(
        name="Atelier voor kleuters",
        summary="Elke woensdag.",
        description="Knutselatelier.",
        indexed=True,
    )

    assert names("knutselatelier") == ["Knutselatelier", "Atelier", "Atelier voor kleuters"]


def test_a_service_matching_more_words_ranks_first(catalogue):
    results = list(apply_search(Service.objects.all(), "onthaalouder zoersel"))

    assert results[0].name == "Onthaalouder Het Nestje"
    ranks = [service.search_rank for service in results]
    assert ranks == sorted(ranks, reverse=True)
    assert int(results[0].search_rank) == 2


def test_the_municipality_and_organisation_count_as_extra_text(db):
    ServiceFactory(
        name="Kinderopvang Madeliefje",
        summary="Opvang voor baby's.",
        service_areas=["Zoersel"],
        indexed=True,
    )
    ServiceFactory(
        name="Kinderopvang Zonnebloem",
        summary="Opvang voor baby's.",
        service_areas=["Brecht"],
        indexed=True,
    )
    ServiceFactory(
        name="Speelnamiddag",
        summary="Spelen voor kinderen.",
        organisation=OrganisationFactory(name="Gezinsbond Zoersel"),
        indexed=True,
    )

    assert names("crèche brecht")[0] == "Kinderopvang Zonnebloem"
    assert names("crèche zoersel")[0] == "Kinderopvang Madeliefje"
    assert names("gezinsbond") == ["Speelnamiddag"]


def test_search_combines_with_the_filters_of_the_caller(catalogue, house, other_house):
    in_other_house = Service.objects.published().in_house(other_house)

    results = apply_search(in_other_house, "opvang")

    assert "Kinderopvang De Kangoeroe" not in [s.name for s in results]  # Kalmthout only
    assert "Kinderdagverblijf De Rupsjes" in [s.name for s in results]
    assert results.count() == len(list(results))
    assert list(results[:2]) == list(results)[:2]


# Blank, empty and hostile queries


@pytest.mark.parametrize("query", ["", "   ", "!?", "de het een", "😀"])
def test_a_blank_query_returns_the_queryset_unchanged(catalogue, query):
    queryset = Service.objects.published()

    assert apply_search(queryset, query) is queryset


def test_a_query_without_match_returns_nothing(catalogue):
    assert names("xyzzyqwv") == []
    assert not apply_search(Service.objects.all(), "xyzzyqwv").exists()
    assert apply_search(Service.objects.all(), "rouw").exists()  # the positive control


HOSTILE = [
    '"',
    "'",
    '"peuter',
    "peuter*",
    "*",
    "NEAR(peuter speel)",
    "peuter NEAR speel",
    "peuter OR 1=1",
    "-peuter",
    "title:peuter",
    "name:peuter",
    "(peuter",
    "peuter)",
    "()",
    "^peuter",
    "peuter AND NOT kind",
    "'; DROP TABLE catalogue_service; --",
    "' OR '1'='1",
    "%",
    "_",
    "\\",
    "\x00peuter",
    "peuter\x00",
    "🍼 peuter 👶🏽",
    "ﬁets",
    "peuter " * 2000,
    "a" * 10_000,
    "zindelijkhied " + "x" * 9_000,
]


@pytest.mark.parametrize("query", HOSTILE)
def test_a_hostile_query_returns_normally(catalogue, query):
    results = list(apply_search(Service.objects.all(), query))
    explained = explain_query(query)

    assert len(results) <= Service.objects.count()
    assert len(explained["query"]) <= 200


def test_a_long_query_is_cut_to_200_characters(catalogue):
    assert explain_query("peuter " + "a" * 500)["query"] == ("peuter " + "a" * 500)[:200]


# The index


def test_a_changed_service_is_found_by_its_new_text_only(catalogue):
    service = catalogue["Zwemlessen voor kleuters"]
    assert names("zwemlessen") == ["Zwemlessen voor kleuters"]
    service.name = "Waterpret voor kleuters"
    service.save()

    index_service(service)

    assert names("waterpret") == ["Waterpret voor kleuters"]
    assert names("zwemlessen") == []


def test_a_removed_service_is_no_longer_found(catalogue):
    service = catalogue["Rouwgroep voor kinderen"]
    assert names("rouw") == ["Rouwgroep voor kinderen"]

    remove_service(service.pk)

    assert names("rouw") == []
    assert SearchTerm.objects.get(text="rouwgroep").word_count == 0
    assert explain_query("rouwgroep")["corrections"] == {}
    remove_service(service.pk)  # removing twice is harmless


def test_a_new_service_is_found_after_indexing(catalogue):
    service = ServiceFactory(name="Fietsbieb", summary="Leen een fiets voor je kind.", indexed=True)

    assert names("fietsbieb") == ["Fietsbieb"]
    assert explain_query("fietsbeib")["corrections"] == {"fietsbeib": "fietsbieb"}
    assert service.search_postings.exists()


def test_indexing_twice_changes_nothing(catalogue):
    before = names("peuter")
    counts = dict(SearchTerm.objects.values_list("text", "document_count"))

    index_service(catalogue["Peuterspeelpunt De Speelboot"])

    assert names("peuter") == before
    assert dict(SearchTerm.objects.values_list("text", "document_count")) == counts


def test_indexing_one_by_one_and_rebuilding_give_the_same_counts(catalogue):
    for service in Service.objects.all():
        index_service(service)
    one_by_one = dict(SearchTerm.objects.values_list("text", "document_count"))

    rebuild_index()

    rebuilt = dict(SearchTerm.objects.values_list("text", "document_count"))
    assert {t: c for t, c in one_by_one.items() if c} == {t: c for t, c in rebuilt.items() if c}


def test_rebuild_indexes_every_service_and_reports_the_count(catalogue):
    assert rebuild_index() == len(catalogue)
    assert names("uitpas") == ["UiTPAS met kansentarief"]


def test_the_management_command_rebuilds_the_index(catalogue, capsys):
    call_command("rebuild_search_index", "--batch-size", "7")

    assert f"Indexed {len(catalogue)} services" in capsys.readouterr().out
    assert names("speelbabbel")[0] == "Speelbabbel"


def test_the_management_command_makes_every_process_reload_the_offer(catalogue, house):
    from huisvanhetkind.catalogue import offer

    before = offer.current_stamp()
    copy = offer.house_offer(house)
    call_command("rebuild_search_index")
    assert offer.current_stamp() != before
    assert offer.house_offer(house) is not copy


def test_a_deleted_service_leaves_the_index_without_error(catalogue):
    assert "Kinderoppasdienst" in names("oppas")
    catalogue["Kinderoppasdienst"].delete()

    assert names("oppas") == ["Opvang van zieke kinderen thuis"]


# Cost


def count_queries(query, queryset):
    list(apply_search(queryset, query))  # warm the vocabulary of this process
    with CaptureQueriesContext(connection) as queries:
        list(apply_search(queryset, query)[:20])
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_services(catalogue, house):
    queryset = Service.objects.published().in_house(house)
    few = count_queries("opvang peuter brecht", queryset)
    organisation = catalogue["Kinderopvang De Kangoeroe"].organisation
    for number in range(30):
        ServiceFactory(
            name=f"Peuteropvang {number}",
            summary="Opvang voor peuters in Brecht.",
            organisation=organisation,
            status="published",
            indexed=True,
        )

    many = count_queries("opvang peuter brecht", queryset)

    assert many == few <= 4


def test_a_rolled_back_change_does_not_stay_in_the_vocabulary(catalogue):
    with pytest.raises(RuntimeError), transaction.atomic():
        ServiceFactory(name="Fietsbieb", summary="Leen een fiets voor je kind.", indexed=True)
        assert explain_query("fietsbeib")["corrections"] == {"fietsbeib": "fietsbieb"}
        raise RuntimeError("the caller's transaction fails")

    assert explain_query("fietsbeib")["corrections"] == {}
    assert names("fietsbieb") == []
    assert names("peuter")[0] == "Peuterspeelpunt De Speelboot"


def test_a_fresh_process_loads_the_vocabulary_from_the_database(catalogue, monkeypatch):
    monkeypatch.setattr(vocabulary, "_cache", vocabulary.Vocabulary())

    assert explain_query("zindelijkhied")["corrections"] == {"zindelijkhied": "zindelijkheid"}
