"""A small social map of two houses, written as a partner would: plain Dutch, real kinds of offer."""

import pytest

from huisvanhetkind.catalogue.models import Service
from huisvanhetkind.catalogue.search.services import rebuild_index
from huisvanhetkind.network.models import Organisation
from tests.factories import OrganisationFactory, ServiceFactory

K = "kalmthout"
R = "regio"  # the house of Zoersel, Brecht, Zandhoven, Wijnegem and Schilde

ORGANISATIONS = {
    "kg": ("Kind en Gezin", Organisation.Kind.PREVENTIVE_HEALTH, [K, R]),
    "opvoedingspunt": ("Opvoedingspunt Kempen", Organisation.Kind.PARENTING, [K, R]),
    "speelboot": ("Vzw De Speelboot", Organisation.Kind.LEISURE, [K]),
    "rupsjes": ("Kinderdagverblijf De Rupsjes vzw", Organisation.Kind.CHILDCARE, [R]),
    "kangoeroe": ("Kinderopvang De Kangoeroe", Organisation.Kind.CHILDCARE, [K]),
    "zoersel": ("Lokaal bestuur Zoersel", Organisation.Kind.PUBLIC, [R]),
    "brecht": ("Lokaal bestuur Brecht", Organisation.Kind.PUBLIC, [R]),
    "sociaal_huis": ("Sociaal Huis Kalmthout", Organisation.Kind.PUBLIC, [K]),
    "caw": ("CAW De Kempen", Organisation.Kind.WELFARE, [K, R]),
    "clb": ("Vrij CLB Noorderkempen", Organisation.Kind.EDUCATION, [K, R]),
    "cgg": ("CGG Andante", Organisation.Kind.YOUTH_CARE, [K, R]),
    "wieg": ("Vroedvrouwenpraktijk De Wieg", Organisation.Kind.PREVENTIVE_HEALTH, [K]),
    "thuiszorg": ("Landelijke Thuiszorg", Organisation.Kind.PREVENTIVE_HEALTH, [K, R]),
    "bib": ("Bibliotheek Kalmthout", Organisation.Kind.LEISURE, [K]),
    "sport": ("Sportdienst Kalmthout", Organisation.Kind.LEISURE, [K]),
    "gezinsbond": ("Gezinsbond Kalmthout", Organisation.Kind.OTHER, [K]),
    "katrol": ("De Katrol vzw", Organisation.Kind.EDUCATION, [K]),
}

# (organisation, name, alternate name, summary, description, domains, target groups, areas)
SERVICES = [
    (
        "kg",
        "Consultatiebureau Kind en Gezin",
        "",
        "Gratis opvolging van je baby en peuter: wegen, meten en vaccinaties.",
        "Op het consultatiebureau volgen een arts en een verpleegkundige de groei en de "
        "ontwikkeling van je kind tot 3 jaar. Je kind krijgt er de gratis vaccinaties. Je kan er "
        "ook terecht met vragen over voeding, slapen en huilen. Maak een afspraak via de "
        "Kind en Gezin-lijn.",
        ["gezondheid"],
        ["aanstaande-ouders"],
        ["Kalmthout", "Brecht", "Zoersel"],
    ),
    (
        "kg",
        "Babymassage",
        "",
        "Leer je baby masseren in een kleine groep ouders, met een verpleegkundige.",
        "Vier sessies voor ouders met een baby tussen 6 weken en 6 maanden. Massage helpt bij "
        "krampjes en versterkt de band met je baby. Breng een handdoek mee.",
        ["gezondheid"],
        [],
        ["Kalmthout"],
    ),
    (
        "kg",
        "Spreekuur huilen en onrust",
        "",
        "Huilt je baby veel en weet je het niet meer? Een verpleegkundige luistert en zoekt mee.",
        "Veel baby's hebben een periode waarin ze veel huilen. Op het spreekuur bekijken we "
        "samen het dagritme, de voeding en wat jou helpt om rustig te blijven.",
        ["gezondheid"],
        [],
        ["Kalmthout", "Brecht"],
    ),
    (
        "kg",
        "Gezinsondersteuning aan huis",
        "",
        "Een gezinsondersteuner komt bij je thuis wanneer het even niet lukt met de kinderen.",
        "Voor gezinnen met jonge kinderen die het moeilijk hebben. We helpen je met structuur "
        "in de dag, de zorg voor je kinderen en de weg naar andere hulp.",
        ["opvoedingsondersteuning"],
        ["kwetsbare-gezinnen"],
        ["Kalmthout"],
    ),
    (
        "opvoedingspunt",
        "Slaapcoaching voor peuters",
        "",
        "Slaapt je kind slecht? Een coach zoekt samen met jou wat helpt bij inslapen en doorslapen.",
        "Individuele begeleiding aan huis bij slaapproblemen van kinderen van 1 tot 4 jaar. We "
        "bekijken het slaapritueel, de avondroutine en wat je kind 's nachts wakker houdt.",
        ["opvoedingsondersteuning"],
        [],
        ["Kalmthout", "Zoersel"],
    ),
    (
        "opvoedingspunt",
        "Groepssessie slaapproblemen bij baby's",
        "",
        "Infoavond voor ouders van een baby die slecht slaapt.",
        "Een vroedvrouw vertelt over het slaapritme van baby's, nachtvoedingen en veilig slapen. "
        "Daarna is er tijd voor jullie vragen.",
        ["opvoedingsondersteuning"],
        [],
        ["Kalmthout"],
    ),
    (
        "opvoedingspunt",
        "Opvoedingsondersteuning op maat",
        "Opvoedingspunt",
        "Met al je vragen over opvoeden kan je gratis terecht bij een opvoedingsondersteuner.",
        "Driftbuien, eten, grenzen stellen, broers en zussen die ruziën: geen vraag is te klein. "
        "We spreken af in het Huis van het Kind of bij je thuis, zo vaak als nodig.",
        ["opvoedingsondersteuning"],
        ["grootouders"],
        ["Kalmthout", "Zoersel", "Brecht"],
    ),
    (
        "opvoedingspunt",
        "Workshop zindelijkheidstraining",
        "Van pamper naar potje",
        "Hoe help je je peuter om zindelijk te worden? Tips voor een ontspannen start.",
        "Zindelijkheid komt bij elk kind op een ander moment. In deze workshop hoor je welke "
        "signalen tonen dat je kind er klaar voor is en hoe je omgaat met ongelukjes.",
        ["opvoedingsondersteuning"],
        [],
        ["Kalmthout"],
    ),
    (
        "opvoedingspunt",
        "Infoavond kinderen en schermen",
        "",
        "Hoeveel schermtijd is gezond? Tips over tablets, gsm en gamen in het gezin.",
        "Een mediacoach geeft praktische afspraken mee voor kinderen van 3 tot 12 jaar.",
        ["opvoedingsondersteuning"],
        [],
        ["Kalmthout"],
    ),
    (
        "speelboot",
        "Peuterspeelpunt De Speelboot",
        "Speelpunt voor peuters en hun ouders",
        "Samen spelen met je peuter en andere ouders, elke woensdagvoormiddag.",
        "Kom met je peuter (2 tot 4 jaar) spelen, knutselen en zingen. Ouders ontmoeten elkaar "
        "bij een koffie. Gratis en zonder inschrijving.",
        ["vrije-tijd-ontmoeting"],
        [],
        ["Kalmthout"],
    ),
    (
        "speelboot",
        "Speelbabbel",
        "",
        "Spelen en babbelen met je baby of peuter, met taaltips voor ouders.",
        "Een ontmoetingsmoment waar ouders ontdekken hoe ze al spelend de taal van hun kind "
        "stimuleren. Ook voor ouders die thuis een andere taal spreken.",
        ["vrije-tijd-ontmoeting"],
        ["anderstalige-gezinnen"],
        ["Kalmthout"],
    ),
    (
        "rupsjes",
        "Kinderdagverblijf De Rupsjes",
        "",
        "Kinderopvang voor baby's en peuters tot 3 jaar in het centrum van Brecht.",
        "Vier leefgroepen met vaste begeleiders. Inkomensgerelateerd tarief. Vraag een plaats "
        "aan via het Lokaal Loket Kinderopvang.",
        ["kinderopvang"],
        [],
        ["Brecht"],
    ),
    (
        "kangoeroe",
        "Kinderopvang De Kangoeroe",
        "",
        "Opvang voor kinderen van 0 tot 3 jaar, elke werkdag van 7 tot 18.30 uur.",
        "Een warme opvang in een groene omgeving met een grote tuin.",
        ["kinderopvang"],
        [],
        ["Kalmthout"],
    ),
    (
        "zoersel",
        "Onthaalouder Het Nestje",
        "",
        "Kleinschalige opvang bij een onthaalouder thuis, voor maximaal acht kinderen.",
        "Een vertrouwde plek met één vaste begeleider. Flexibele uren in overleg.",
        ["kinderopvang"],
        [],
        ["Zoersel"],
    ),
    (
        "zoersel",
        "Lokaal Loket Kinderopvang",
        "",
        "Zoek je een plaats in de kinderopvang? Het loket helpt je zoeken in de hele regio.",
        "Eén aanvraag voor alle opvang van baby's en peuters in Zoersel, Brecht, Zandhoven, "
        "Wijnegem en Schilde. We houden rekening met voorrang voor werkende ouders en "
        "alleenstaanden.",
        ["kinderopvang"],
        [],
        ["Zoersel", "Brecht", "Zandhoven", "Wijnegem", "Schilde"],
    ),
    (
        "brecht",
        "IBO De Speelvogel",
        "",
        "Buitenschoolse opvang voor en na school en op woensdagnamiddag.",
        "Voor kinderen van de lagere school. In de vakanties organiseren we ook vakantieopvang "
        "met uitstappen.",
        ["kinderopvang"],
        [],
        ["Brecht"],
    ),
    (
        "zoersel",
        "Speelpleinwerking Kriebel",
        "",
        "Elke zomervakantie dagelijks spelen op het speelplein voor kinderen van 3 tot 15 jaar.",
        "Animatoren organiseren spelletjes, knutselen en sport. Inschrijven per dag kan.",
        ["vrije-tijd-ontmoeting"],
        [],
        ["Zoersel"],
    ),
    (
        "brecht",
        "Sportkampen in de paasvakantie",
        "",
        "Een week sporten en ravotten voor kinderen van de lagere school.",
        "Balsporten, turnen en zwemmen met gediplomeerde monitoren.",
        ["vrije-tijd-ontmoeting"],
        [],
        ["Brecht"],
    ),
    (
        "sociaal_huis",
        "Budgetbegeleiding en schuldhulp",
        "",
        "Heb je geldzorgen of schulden? We maken samen een plan om rond te komen.",
        "Een maatschappelijk werker bekijkt je inkomsten en uitgaven, onderhandelt met "
        "schuldeisers en helpt je facturen op tijd betalen.",
        ["kinderarmoede"],
        ["kwetsbare-gezinnen"],
        ["Kalmthout"],
    ),
    (
        "sociaal_huis",
        "Tussenkomst in schoolkosten",
        "",
        "Hulp bij schoolkosten voor gezinnen met een klein budget.",
        "Krijg je de schoolfactuur niet betaald? Het Sociaal Huis komt tussen in de kosten voor "
        "schooluitstappen, boeken en materiaal.",
        ["kinderarmoede", "onderwijs"],
        ["kwetsbare-gezinnen"],
        ["Kalmthout"],
    ),
    (
        "sociaal_huis",
        "Hulp bij je aanvraag studietoelage",
        "",
        "We vullen samen de aanvraag in voor de toelage van de Vlaamse overheid.",
        "Breng je identiteitskaart mee. Ook voor het groeipakket kan je hier terecht.",
        ["onderwijs"],
        [],
        ["Kalmthout"],
    ),
    (
        "sociaal_huis",
        "Sociale kruidenier 't Winkeltje",
        "",
        "Goedkope voeding en verzorgingsproducten voor gezinnen met een krap budget.",
        "Met een kaart van het Sociaal Huis doe je hier je boodschappen aan lage prijzen.",
        ["kinderarmoede"],
        ["kwetsbare-gezinnen"],
        ["Kalmthout"],
    ),
    (
        "sociaal_huis",
        "UiTPAS met kansentarief",
        "",
        "Met de UiTPAS spaar je punten bij vrijetijdsactiviteiten; met kansentarief betaal je minder.",
        "Vraag je UiTPAS aan aan het onthaal van het gemeentehuis of in de bibliotheek.",
        ["vrije-tijd-ontmoeting", "kinderarmoede"],
        [],
        ["Kalmthout"],
    ),
    (
        "caw",
        "JAC: jongerenadviescentrum",
        "",
        "Jongeren van 12 tot 25 kunnen gratis en anoniem terecht met elke vraag.",
        "Thuis, school, geld, relaties, seks of drugs: praat erover met een hulpverlener, via "
        "chat of op gesprek.",
        ["welbevinden-jeugdhulp"],
        ["jongeren"],
        ["Kalmthout", "Brecht", "Zoersel"],
    ),
    (
        "caw",
        "Onthaal algemeen welzijnswerk",
        "",
        "Met vragen over relaties, wonen, geweld of administratie kan je gratis bij ons terecht.",
        "Een hulpverlener luistert en zoekt samen met jou naar een oplossing.",
        ["welbevinden-jeugdhulp"],
        [],
        ["Kalmthout", "Brecht", "Zoersel"],
    ),
    (
        "caw",
        "Bemiddeling bij scheiding",
        "",
        "Samen goede afspraken maken over de kinderen wanneer je uit elkaar gaat.",
        "Een bemiddelaar helpt ouders bij het verblijfsplan, de kosten en de communicatie.",
        ["welbevinden-jeugdhulp"],
        ["alleenstaande-ouders"],
        ["Kalmthout"],
    ),
    (
        "clb",
        "Leerlingenbegeleiding door het CLB",
        "",
        "Het centrum voor leerlingenbegeleiding helpt bij vragen over leren, studiekeuze en "
        "welbevinden.",
        "Leerlingen, ouders en school kunnen gratis terecht. Het CLB doet ook de medische "
        "onderzoeken en vaccinaties op school.",
        ["onderwijs"],
        [],
        ["Kalmthout", "Brecht"],
    ),
    (
        "clb",
        "Weerbaarheidstraining tegen pesten",
        "",
        "Een training voor kinderen van 8 tot 12 jaar die gepest worden.",
        "In zes sessies leren kinderen opkomen voor zichzelf en hulp vragen.",
        ["onderwijs", "welbevinden-jeugdhulp"],
        [],
        ["Kalmthout"],
    ),
    (
        "cgg",
        "Psychologische hulp voor kinderen en jongeren",
        "",
        "Therapie bij angst, somberheid, trauma of gedragsproblemen.",
        "Het centrum voor geestelijke gezondheidszorg werkt met kinderen, jongeren en hun gezin. "
        "Na een intake zoeken we samen de juiste begeleiding.",
        ["welbevinden-jeugdhulp"],
        ["jongeren"],
        ["Kalmthout", "Brecht"],
    ),
    (
        "katrol",
        "Huiswerkbegeleiding De Boekentas",
        "",
        "Hulp bij huiswerk en leren leren voor kinderen van de lagere school.",
        "Na schooltijd in de bibliotheek, met vrijwilligers. Gratis.",
        ["onderwijs"],
        [],
        ["Kalmthout"],
    ),
    (
        "katrol",
        "Taalstimulering voor anderstalige kleuters",
        "",
        "Spelenderwijs Nederlands oefenen met je kleuter in kleine groepjes.",
        "Een logopediste leert ouders hoe ze thuis de taal van hun kind kunnen stimuleren.",
        ["onderwijs"],
        ["anderstalige-gezinnen"],
        ["Kalmthout"],
    ),
    (
        "katrol",
        "Taalcafé voor ouders",
        "",
        "Nederlands oefenen in een gezellige babbel, terwijl de kinderen spelen.",
        "Elke maandagochtend in het Huis van het Kind.",
        ["vrije-tijd-ontmoeting"],
        ["anderstalige-gezinnen"],
        ["Kalmthout"],
    ),
    (
        "wieg",
        "Borstvoedingsondersteuning",
        "",
        "Een lactatiekundige vroedvrouw helpt bij het aanleggen en bij pijn.",
        "Problemen met borstvoeding, te weinig melk of afkolven als je weer gaat werken? We komen "
        "bij je thuis.",
        ["gezondheid"],
        [],
        ["Kalmthout"],
    ),
    (
        "wieg",
        "Voorbereiding op de bevalling",
        "",
        "Cursus voor aanstaande ouders over de bevalling en de eerste dagen thuis.",
        "Ademhaling, houdingen en pijnstilling, en wat je mag verwachten van het verblijf in de "
        "kraamkliniek.",
        ["gezondheid"],
        ["aanstaande-ouders"],
        ["Kalmthout"],
    ),
    (
        "thuiszorg",
        "Kraamzorg aan huis",
        "",
        "Een kraamverzorgster helpt je thuis in de eerste weken na de geboorte.",
        "Ze zorgt mee voor moeder en baby en helpt in het huishouden.",
        ["gezondheid"],
        ["aanstaande-ouders"],
        ["Kalmthout", "Brecht", "Zoersel"],
    ),
    (
        "thuiszorg",
        "Opvang van zieke kinderen thuis",
        "",
        "Is je kind ziek en moet je gaan werken? Een oppas komt bij je thuis.",
        "Voor kinderen van 0 tot 12 jaar. Aanvragen liefst de avond voordien.",
        ["kinderopvang"],
        [],
        ["Kalmthout", "Brecht", "Zoersel"],
    ),
    (
        "bib",
        "Voorleesuurtje in de bib",
        "",
        "Elke zaterdagochtend voorlezen voor kleuters, door vrijwilligers van de bib.",
        "Gratis, je hoeft niet in te schrijven. Daarna kan je samen boeken uitkiezen.",
        ["vrije-tijd-ontmoeting"],
        [],
        ["Kalmthout"],
    ),
    (
        "sport",
        "G-sport voor kinderen met een beperking",
        "",
        "Sporten op maat van kinderen en jongeren met een beperking.",
        "Zwemmen, turnen en balsporten in kleine groepen met ervaren begeleiders.",
        ["vrije-tijd-ontmoeting"],
        ["ouders-kind-beperking"],
        ["Kalmthout"],
    ),
    (
        "sport",
        "Zwemlessen voor kleuters",
        "",
        "Watergewenning en eerste zwemslagen voor kinderen van 4 tot 6 jaar.",
        "Op zaterdag in het gemeentelijk zwembad.",
        ["vrije-tijd-ontmoeting"],
        [],
        ["Kalmthout"],
    ),
    (
        "gezinsbond",
        "Tweedehandsbeurs kinderkleding en speelgoed",
        "",
        "Twee keer per jaar koop en verkoop je kleren en speelgoed voor kinderen.",
        "Ook fietsjes, buggy's en autostoelen. Leden van de Gezinsbond mogen een uur vroeger binnen.",
        ["vrije-tijd-ontmoeting"],
        [],
        ["Kalmthout"],
    ),
    (
        "gezinsbond",
        "Kinderoppasdienst",
        "",
        "Een betrouwbare oppas voor een avondje uit.",
        "Vrijwillige oppassers komen bij je thuis; je betaalt een kleine vergoeding per uur.",
        ["kinderopvang"],
        [],
        ["Kalmthout"],
    ),
    (
        "cgg",
        "Rouwgroep voor kinderen",
        "",
        "Kinderen die iemand verloren, praten en knutselen samen over hun verdriet.",
        "Vijf namiddagen voor kinderen van 6 tot 12 jaar, met een infomoment voor ouders.",
        ["welbevinden-jeugdhulp"],
        [],
        ["Kalmthout"],
    ),
]


def create_catalogue(house, other_house) -> dict[str, Service]:
    houses = {K: house, R: other_house}
    organisations = {
        key: OrganisationFactory(name=name, kind=kind, houses=[houses[h] for h in house_keys])
        for key, (name, kind, house_keys) in ORGANISATIONS.items()
    }
    services = {}
    for org, name, alternate, summary, description, domains, targets, areas in SERVICES:
        services[name] = ServiceFactory(
            organisation=organisations[org],
            name=name,
            alternate_name=alternate,
            summary=summary,
            description=description,
            domains=domains,
            target_groups=targets,
            service_areas=areas,
        )
    return services


@pytest.fixture
def catalogue(house, other_house):
    """The social map, indexed."""
    services = create_catalogue(house, other_house)
    rebuild_index()
    return services
