"""What parents type, and the service they should see first."""

import pytest

from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.catalogue.search.selectors import apply_search

pytestmark = pytest.mark.django_db

FIRST_RESULTS = [
    ("slaapproblemen peuter", "Slaapcoaching voor peuters"),
    ("crèche Brecht", "Kinderdagverblijf De Rupsjes"),
    ("creche brecht", "Kinderdagverblijf De Rupsjes"),
    ("CRÈCHE in Brecht?", "Kinderdagverblijf De Rupsjes"),
    ("zindelijkhied", "Workshop zindelijkheidstraining"),
    ("potjestraining", "Workshop zindelijkheidstraining"),
    ("luiers", "Workshop zindelijkheidstraining"),
    ("opvoedingsondersteunig", "Opvoedingsondersteuning op maat"),
    ("peuter", "Peuterspeelpunt De Speelboot"),
    ("speelpunt peuters", "Peuterspeelpunt De Speelboot"),
    ("psycholoog jongeren", "Psychologische hulp voor kinderen en jongeren"),
    ("therapie", "Psychologische hulp voor kinderen en jongeren"),
    ("geldzorgen", "Budgetbegeleiding en schuldhulp"),
    ("schoolfactuur", "Tussenkomst in schoolkosten"),
    ("studietoelage", "Hulp bij je aanvraag studietoelage"),
    ("borstvoeding", "Borstvoedingsondersteuning"),
    ("gepest worden", "Weerbaarheidstraining tegen pesten"),
    ("consultatiebureau", "Consultatiebureau Kind en Gezin"),
    ("kind en gezin", "Consultatiebureau Kind en Gezin"),
    ("vaccinatie baby", "Consultatiebureau Kind en Gezin"),
    ("kraamhulp", "Kraamzorg aan huis"),
    ("jac", "JAC: jongerenadviescentrum"),
    ("jongerenadvies", "JAC: jongerenadviescentrum"),
    ("clb", "Leerlingenbegeleiding door het CLB"),
    ("huiswerk", "Huiswerkbegeleiding De Boekentas"),
    ("bijles", "Huiswerkbegeleiding De Boekentas"),
    ("speelplein", "Speelpleinwerking Kriebel"),
    ("uitpas", "UiTPAS met kansentarief"),
    ("g-sport", "G-sport voor kinderen met een beperking"),
    ("taalstimulering", "Taalstimulering voor anderstalige kleuters"),
    ("massage baby", "Babymassage"),
    ("onthaalouder zoersel", "Onthaalouder Het Nestje"),
    ("kinderopvang zoeken", "Lokaal Loket Kinderopvang"),
    ("speelbabbel", "Speelbabbel"),
    ("bevalling voorbereiden", "Voorbereiding op de bevalling"),
    ("scheiding", "Bemiddeling bij scheiding"),
    ("buitenschoolse opvang brecht", "IBO De Speelvogel"),
    ("tweedehands kinderkleding", "Tweedehandsbeurs kinderkleding en speelgoed"),
    ("voorlezen kleuters", "Voorleesuurtje in de bib"),
    ("huilbaby", "Spreekuur huilen en onrust"),
    ("slapen baby", "Groepssessie slaapproblemen bij baby's"),
    ("ziek kind opvang", "Opvang van zieke kinderen thuis"),
    ("oppas", "Kinderoppasdienst"),
    ("rouw", "Rouwgroep voor kinderen"),
    ("schermtijd", "Infoavond kinderen en schermen"),
]


@pytest.mark.parametrize(("query", "expected"), FIRST_RESULTS)
def test_parent_query_finds_the_right_service_first(catalogue, query, expected):
    results = apply_search(Service.objects.published(), query)

    assert results.first().name == expected
