"""Demo data for the two houses of the source texts: houses, partners, people and applications.

Plain Python data only; a loader turns it into model rows. Everything users see is in Dutch.
All people, addresses, phone numbers, e-mail addresses, websites and enterprise numbers are
fictitious. Enterprise numbers do have valid check digits (97 - first eight digits modulo 97).

Allowed slugs (defined elsewhere, listed here for reference):
- domains: "huis", "onderwijs", "gezondheid", "kinderopvang", "welbevinden-jeugdhulp",
  "vrije-tijd-ontmoeting", "kinderarmoede", "opvoedingsondersteuning"
- age groups: "aanstaand", "0-3", "3-6", "6-12", "12-18", "18-25"
- organisation kinds: "public", "health", "childcare", "parenting", "education", "youthcare",
  "welfare", "leisure", "other"

Opening hours are tuples (weekday, opens, closes, note) with weekday 0 = Monday.
"""

KALMTHOUT = "kalmthout"
REGION = "zoersel-brecht-zandhoven-wijnegem-schilde"
BOTH_HOUSES = [KALMTHOUT, REGION]

REGION_MUNICIPALITIES = ["Brecht", "Schilde", "Wijnegem", "Zandhoven", "Zoersel"]
ALL_SIX = ["Kalmthout", *REGION_MUNICIPALITIES]


def _weekdays(opens, closes, note=""):
    """Same opening hours from Monday to Friday."""
    return [(day, opens, closes, note) for day in range(5)]


# The physical Huis van het Kind Kalmthout; partners that work in the house share this address.
_KALMTHOUT_HOUSE_ADDRESS = {
    "street": "Kapellensteenweg 170",
    "postcode": "2920",
    "municipality": "Kalmthout",
}
_KALMTHOUT_HOUSE_ACCESS = (
    "Alles op het gelijkvloers en toegankelijk met een rolstoel. Er is plaats voor "
    "kinderwagens, een verzorgingstafel en een rustige hoek om borstvoeding te geven. "
    "Bushalte en fietsenstalling vlak bij de ingang."
)

# The meeting places (ontmoetingsplekken) of the regional house, one per municipality;
# the consultation bureaus of the region work from the same buildings.
_ZOERSEL_PLACE = {"street": "Kapelstraat 14", "postcode": "2980", "municipality": "Zoersel"}
_BRECHT_PLACE = {"street": "Lindenplein 4", "postcode": "2960", "municipality": "Brecht"}
_ZANDHOVEN_PLACE = {"street": "Dorpsstraat 27", "postcode": "2240", "municipality": "Zandhoven"}
_WIJNEGEM_PLACE = {"street": "Kerkplaats 6", "postcode": "2110", "municipality": "Wijnegem"}
_SCHILDE_PLACE = {"street": "Brasschaatsebaan 31", "postcode": "2970", "municipality": "Schilde"}


HOUSES = [
    {
        "slug": KALMTHOUT,
        "name": "Huis van het Kind Kalmthout",
        "tagline": "Samen sterk voor elk gezin in Kalmthout, van zwangerschap tot jongvolwassen.",
        "mission": (
            "Het Huis van het Kind Kalmthout is een open netwerk van organisaties die samen "
            "klaarstaan voor alle gezinnen met kinderen en jongeren in Kalmthout. Ook wie een "
            "kindje verwacht, is van harte welkom.\n\n"
            "We stemmen onze hulp, informatie en activiteiten op elkaar af. Zo vind je als ouder "
            "snel wat je nodig hebt, zonder dat je zelf moet uitzoeken welke organisatie wat doet."
        ),
        "vision": (
            "Bij het Huis van het Kind kan je terecht voor drie dingen: de gezondheid van je "
            "kind, steun bij het opvoeden en plekken waar je andere ouders en gezinnen ontmoet.\n\n"
            "Veel diensten zitten samen onder één dak, aan de Kapellensteenweg 170: het "
            "consultatiebureau, het Lokaal Loket Kinderopvang, het Opvoedingspunt, de kraamzorg "
            "en nog meer. Je hoeft niet van het ene adres naar het andere, en de partners kunnen "
            "je makkelijk verder helpen.\n\n"
            "We luisteren naar wat gezinnen in Kalmthout nodig hebben en passen ons aanbod daaraan "
            "aan. Jouw mening telt: we vragen ze regelmatig en we doen er ook iets mee.\n\n"
            "Het Huis van het Kind is er voor iedereen. Voor gezinnen die het moeilijker hebben, "
            "doen we extra ons best om drempels weg te nemen.\n\n"
            "Elke organisatie die zich inzet voor gezinnen in Kalmthout, kan aansluiten bij ons "
            "netwerk."
        ),
        "email": "huisvanhetkind@kalmthout.example.be",
        "phone": "03 000 00 10",
        "accent_colour": "#0b6e4f",
        "municipalities": ["Kalmthout"],
        "locations": [
            {
                "name": "Huis van het Kind Kalmthout",
                **_KALMTHOUT_HOUSE_ADDRESS,
                "accessibility": _KALMTHOUT_HOUSE_ACCESS,
                "hours": [
                    (0, "09:00", "12:00", ""),
                    (0, "13:30", "16:30", ""),
                    (1, "09:00", "12:00", ""),
                    (2, "09:00", "12:00", ""),
                    (2, "13:30", "17:00", ""),
                    (3, "09:00", "12:00", ""),
                    (3, "16:00", "19:00", "avondpermanentie"),
                    (4, "09:00", "12:00", ""),
                    (5, "09:30", "11:30", "Speelbabbel, de eerste zaterdag van de maand"),
                ],
            },
        ],
    },
    {
        "slug": REGION,
        "name": "Huis van het Kind Zoersel-Brecht-Zandhoven-Wijnegem-Schilde",
        "tagline": "Eén netwerk voor ouders, kinderen en jongeren in vijf gemeenten.",
        "mission": (
            "Het Huis van het Kind wil dat alle ouders, kinderen en jongeren in Brecht, Schilde, "
            "Wijnegem, Zandhoven en Zoersel zich goed voelen.\n\n"
            "Daarvoor bundelen we de krachten van iedereen die zich voor hen inzet, in een sterk "
            "en open netwerk."
        ),
        "vision": (
            "Het Huis van het Kind is een open samenwerking van organisaties die er zijn voor "
            "kinderen, jongeren, ouders en iedereen die mee opvoedt. De partners en wat zij "
            "aanbieden, vormen het hart van het Huis van het Kind.\n\n"
            "De partners kennen elkaar en elkaars aanbod. Zo kunnen ze je gericht doorverwijzen "
            "als iemand anders je beter kan helpen.\n\n"
            "We geven kinderen, jongeren en ouders een stem en vertrekken van hun vragen en "
            "noden. Het aanbod is bekend en toegankelijk voor iedereen, en zeker voor gezinnen "
            "die het moeilijker hebben.\n\n"
            "Het Huis van het Kind brengt een positieve boodschap. Het is dé plek waar je terecht "
            "kan met je vragen, informatie vindt en andere ouders ontmoet.\n\n"
            "Elke gemeente heeft haar eigen karakter. Daarom heeft het Huis van het Kind in elke "
            "gemeente een eigen ontmoetingsplek, dicht bij huis."
        ),
        "email": "huisvanhetkind@zbzws.example.be",
        "phone": "03 000 00 20",
        "accent_colour": "#5b2a86",
        "municipalities": ["Zoersel", "Brecht", "Zandhoven", "Wijnegem", "Schilde"],
        "locations": [
            {
                "name": "Huis van het Kind Zoersel",
                **_ZOERSEL_PLACE,
                "accessibility": (
                    "Ontmoetingsplek op het gelijkvloers, toegankelijk met een rolstoel. "
                    "Kinderwagens kunnen mee naar binnen. Parking en fietsenstalling naast het "
                    "gebouw."
                ),
                "hours": [
                    (1, "09:00", "12:00", ""),
                    (2, "13:30", "16:30", "speelmoment voor ouders met kinderen van 0 tot 3"),
                    (3, "13:30", "16:30", ""),
                ],
            },
            {
                "name": "Huis van het Kind Brecht",
                **_BRECHT_PLACE,
                "accessibility": (
                    "Ingang zonder trappen en een aangepast toilet. Bushalte op 200 meter. "
                    "Er is een speelhoek voor kinderen die meekomen."
                ),
                "hours": [
                    (0, "13:30", "16:30", ""),
                    (3, "09:00", "12:00", ""),
                    (5, "09:30", "11:30", "ouderkoffie, de tweede zaterdag van de maand"),
                ],
            },
            {
                "name": "Huis van het Kind Zandhoven",
                **_ZANDHOVEN_PLACE,
                "accessibility": (
                    "Gelijkvloers met een brede deur. Parking voor de deur, met een plaats voor "
                    "mensen met een beperking."
                ),
                "hours": [
                    (1, "13:30", "16:30", ""),
                    (4, "09:00", "12:00", ""),
                ],
            },
            {
                "name": "Huis van het Kind Wijnegem",
                **_WIJNEGEM_PLACE,
                "accessibility": (
                    "Eerste verdieping met lift. Tram- en bushalte op wandelafstand. "
                    "Kinderwagens kunnen beneden in de hal blijven staan."
                ),
                "hours": [
                    (2, "09:00", "12:00", ""),
                    (3, "16:00", "19:00", "avondmoment voor werkende ouders"),
                ],
            },
            {
                "name": "Huis van het Kind Schilde",
                **_SCHILDE_PLACE,
                "accessibility": (
                    "Gelijkvloers, toegankelijk met een rolstoel. Verzorgingstafel en "
                    "borstvoedingshoek aanwezig. Fietsenstalling aan de zijkant."
                ),
                "hours": [
                    (0, "09:00", "12:00", ""),
                    (2, "13:30", "17:00", "speelmoment voor ouders met kinderen van 0 tot 3"),
                ],
            },
        ],
    },
]


ORGANISATIONS = [
    # --- Partners of both houses ---------------------------------------------------------
    {
        "name": "Kind en Gezin",
        "kind": "health",
        "description": (
            "Kind en Gezin volgt de gezondheid en de ontwikkeling van je kind op, van de "
            "geboorte tot 3 jaar. In het consultatiebureau kan je gratis terecht voor "
            "vaccinaties, om je kind te wegen en te meten en met al je vragen over voeding, "
            "slapen en opvoeden. Na de geboorte komt een verpleegkundige ook bij je thuis langs."
        ),
        "website": "https://www.example.be/kind-en-gezin",
        "email": "kind-en-gezin@example.be",
        "phone": "03 000 01 01",
        "enterprise_number": "0401348188",
        "domains": ["gezondheid", "opvoedingsondersteuning"],
        "age_groups": ["aanstaand", "0-3"],
        "municipalities": ALL_SIX,
        "houses": BOTH_HOUSES,
        "locations": [
            {
                "name": "Consultatiebureau Kind en Gezin Kalmthout",
                **_KALMTHOUT_HOUSE_ADDRESS,
                "accessibility": _KALMTHOUT_HOUSE_ACCESS,
                "hours": [
                    (1, "13:30", "16:30", "consult op afspraak"),
                    (3, "09:00", "12:00", "consult op afspraak"),
                ],
            },
        ],
    },
    {
        "name": "Kraamzorg Landelijke Thuiszorg",
        "kind": "health",
        "description": (
            "Na de bevalling komt een kraamverzorgster bij je thuis. Ze helpt bij de verzorging "
            "van je baby en van jezelf, geeft tips over borst- of flesvoeding en neemt wat "
            "huishoudelijk werk over. Zo kunnen jullie rustig wennen aan het leven met een "
            "baby. Vraag kraamzorg best al aan tijdens je zwangerschap."
        ),
        "website": "https://www.example.be/kraamzorg-landelijke-thuiszorg",
        "email": "kraamzorg@example.be",
        "phone": "03 000 01 02",
        "enterprise_number": "0473054152",
        "domains": ["gezondheid", "opvoedingsondersteuning"],
        "age_groups": ["aanstaand", "0-3"],
        "municipalities": [*ALL_SIX, "Essen", "Wuustwezel"],
        "houses": BOTH_HOUSES,
        "locations": [
            {
                "name": "Kraamzorg in het Huis van het Kind Kalmthout",
                **_KALMTHOUT_HOUSE_ADDRESS,
                "accessibility": _KALMTHOUT_HOUSE_ACCESS,
                "hours": [(4, "09:00", "11:00", "infomoment, zonder afspraak")],
            },
        ],
    },
    {
        "name": "Vrij CLB Antwerpse Kempen",
        "kind": "education",
        "description": (
            "Het centrum voor leerlingenbegeleiding (CLB) helpt leerlingen, ouders en scholen "
            "bij vragen over leren, studiekeuze, gezondheid en hoe je kind zich voelt. De "
            "schoolarts en -verpleegkundige doen de medische onderzoeken en vaccinaties; de "
            "onderzoeken van kleuters uit Kalmthout gebeuren in het Huis van het Kind. "
            "Begeleiding door het CLB is gratis en vertrouwelijk."
        ),
        "website": "https://www.example.be/vrij-clb-antwerpse-kempen",
        "email": "clb@example.be",
        "phone": "03 000 01 03",
        "enterprise_number": "0491752089",
        "domains": ["onderwijs", "gezondheid", "welbevinden-jeugdhulp"],
        "age_groups": ["3-6", "6-12", "12-18", "18-25"],
        "municipalities": [*ALL_SIX, "Brasschaat", "Essen", "Wuustwezel"],
        "houses": BOTH_HOUSES,
        "locations": [
            {
                "name": "Vrij CLB Antwerpse Kempen, vestiging Brecht",
                "street": "Gasthuisstraat 22",
                "postcode": "2960",
                "municipality": "Brecht",
                "accessibility": (
                    "Gelijkvloers onthaal en gespreksruimtes. Aangepast toilet. Bushalte aan "
                    "de overkant van de straat."
                ),
                "hours": [
                    *_weekdays("08:30", "12:00"),
                    (0, "13:00", "17:00", ""),
                    (1, "13:00", "17:00", ""),
                    (3, "13:00", "17:00", ""),
                ],
            },
            {
                "name": "CLB-kleuteronderzoek in het Huis van het Kind Kalmthout",
                **_KALMTHOUT_HOUSE_ADDRESS,
                "accessibility": _KALMTHOUT_HOUSE_ACCESS,
                "hours": [(4, "13:30", "16:30", "op uitnodiging van het CLB")],
            },
        ],
    },
    {
        "name": "1Gezin-1Plan",
        "kind": "youthcare",
        "description": (
            "Soms lopen er in een gezin veel dingen tegelijk moeilijk en komen er verschillende "
            "hulpverleners over de vloer. Een gezinscoach van 1Gezin-1Plan brengt alles samen in "
            "één gezinsplan, dat je zelf mee opstelt. Jij beslist wie er meedoet en wat eerst "
            "aan de beurt komt. De coach komt bij je thuis."
        ),
        "website": "https://www.example.be/1gezin-1plan",
        "email": "1gezin1plan@example.be",
        "phone": "03 000 01 04",
        "enterprise_number": "0506623278",
        "domains": ["welbevinden-jeugdhulp", "opvoedingsondersteuning", "kinderarmoede"],
        "age_groups": ["aanstaand", "0-3", "3-6", "6-12", "12-18"],
        "municipalities": [*ALL_SIX, "Brasschaat", "Essen", "Kapellen", "Wuustwezel"],
        "houses": BOTH_HOUSES,
        "locations": [],
    },
    {
        "name": "CAW Voorkempen",
        "kind": "welfare",
        "description": (
            "Bij het Centrum Algemeen Welzijnswerk (CAW) kan je terecht met vragen over relaties, "
            "geld, wonen of geweld, of gewoon als het even niet meer gaat. Het onthaal is gratis "
            "en je kan zonder afspraak binnenlopen. Jongeren van 12 tot 25 jaar kunnen ook "
            "chatten met een jongerenwerker van het JAC."
        ),
        "website": "https://www.example.be/caw-voorkempen",
        "email": "caw-voorkempen@example.be",
        "phone": "03 000 01 05",
        "enterprise_number": "0527286753",
        "domains": ["welbevinden-jeugdhulp", "kinderarmoede"],
        "age_groups": ["aanstaand", "0-3", "3-6", "6-12", "12-18", "18-25"],
        "municipalities": [*ALL_SIX, "Brasschaat", "Malle"],
        "houses": BOTH_HOUSES,
        "locations": [
            {
                "name": "CAW Voorkempen, onthaal Zoersel",
                "street": "Handelslei 118",
                "postcode": "2980",
                "municipality": "Zoersel",
                "accessibility": (
                    "Gelijkvloers, toegankelijk met een rolstoel. Discrete wachtruimte. "
                    "Bushalte op 100 meter."
                ),
                "hours": [
                    (0, "09:00", "12:00", "zonder afspraak"),
                    (2, "13:30", "16:30", "zonder afspraak"),
                    (3, "09:00", "12:00", "zonder afspraak"),
                ],
            },
            {
                "name": "CAW Voorkempen, onthaal Brecht",
                "street": "Gasthuisstraat 24",
                "postcode": "2960",
                "municipality": "Brecht",
                "accessibility": "Gelijkvloers met een hellend vlak aan de ingang.",
                "hours": [
                    (1, "09:00", "12:00", "zonder afspraak"),
                    (3, "13:30", "16:30", "op afspraak"),
                ],
            },
        ],
    },
    # --- Partners of Huis van het Kind Kalmthout ------------------------------------------
    {
        "name": "Kind en Preventie",
        "kind": "health",
        "description": (
            "Kind en Preventie organiseert samen met Kind en Gezin de consultaties voor baby's "
            "en peuters in Kalmthout. Een arts en een team van vrijwilligers zorgen ervoor dat "
            "je kind gratis en dicht bij huis gevolgd wordt. In de wachtruimte kan je rustig "
            "een babbel slaan met andere ouders."
        ),
        "website": "https://www.example.be/kind-en-preventie",
        "email": "kind-en-preventie@example.be",
        "phone": "03 000 01 06",
        "enterprise_number": "0527697024",
        "domains": ["gezondheid", "vrije-tijd-ontmoeting"],
        "age_groups": ["0-3"],
        "municipalities": ["Kalmthout"],
        "houses": [KALMTHOUT],
        "locations": [
            {
                "name": "Consultatiebureau Kind en Preventie Kalmthout",
                **_KALMTHOUT_HOUSE_ADDRESS,
                "accessibility": _KALMTHOUT_HOUSE_ACCESS,
                "hours": [(2, "09:00", "11:30", "consult op afspraak")],
            },
        ],
    },
    {
        "name": "Lokaal Loket Kinderopvang Kalmthout",
        "kind": "childcare",
        "description": (
            "Zoek je opvang voor je baby, peuter of schoolkind? Het Lokaal Loket Kinderopvang van "
            "het OCMW Kalmthout geeft je een overzicht van alle kinderopvang in de gemeente en "
            "zoekt samen met jou naar een plaats die bij je gezin past. Heb je dringend opvang "
            "nodig, bijvoorbeeld omdat je plots werk vindt of een opleiding start? Ook dan "
            "zoeken we mee."
        ),
        "website": "https://www.example.be/lokaal-loket-kinderopvang-kalmthout",
        "email": "kinderopvang@kalmthout.example.be",
        "phone": "03 000 01 07",
        "enterprise_number": "0534992216",
        "domains": ["kinderopvang", "kinderarmoede"],
        "age_groups": ["aanstaand", "0-3", "3-6", "6-12"],
        "municipalities": ["Kalmthout"],
        "houses": [KALMTHOUT],
        "locations": [
            {
                "name": "Lokaal Loket Kinderopvang in het Huis van het Kind Kalmthout",
                **_KALMTHOUT_HOUSE_ADDRESS,
                "accessibility": _KALMTHOUT_HOUSE_ACCESS,
                "hours": [
                    (0, "09:00", "12:00", "permanentie, zonder afspraak"),
                    (2, "13:30", "16:30", "op afspraak"),
                    (3, "16:00", "19:00", "avondpermanentie, zonder afspraak"),
                ],
            },
        ],
    },
    {
        "name": "Landelijke Kinderopvang Stekelbees",
        "kind": "childcare",
        "description": (
            "Stekelbees zorgt voor warme opvang van baby's en peuters bij onthaalouders thuis en "
            "in kleine groepen. Tijdens schoolvakanties en vrije dagen is er ook opvang voor "
            "kleuters en lagereschoolkinderen. Je betaalt volgens je inkomen, zodat opvang voor "
            "elk gezin betaalbaar blijft."
        ),
        "website": "https://www.example.be/stekelbees",
        "email": "stekelbees@example.be",
        "phone": "03 000 01 08",
        "enterprise_number": "0586498226",
        "domains": ["kinderopvang"],
        "age_groups": ["0-3", "3-6", "6-12"],
        "municipalities": ["Kalmthout"],
        "houses": [KALMTHOUT],
        "locations": [
            {
                "name": "Kinderopvang Stekelbees",
                "street": "Heidestraat 41",
                "postcode": "2920",
                "municipality": "Kalmthout",
                "accessibility": (
                    "Gelijkvloers met een afgesloten tuin. Parking om kinderen af te zetten "
                    "vlak voor de deur."
                ),
                "hours": _weekdays("07:00", "18:30"),
            },
            {
                "name": "Onthaal Stekelbees in het Huis van het Kind Kalmthout",
                **_KALMTHOUT_HOUSE_ADDRESS,
                "accessibility": _KALMTHOUT_HOUSE_ACCESS,
                "hours": [(1, "09:00", "11:00", "inschrijvingen en vragen")],
            },
        ],
    },
    {
        "name": "Opvoedingswinkel OLO Brasschaat",
        "kind": "parenting",
        "description": (
            "In de Opvoedingswinkel kan je terecht met al je vragen over opvoeden, van "
            "driftbuien en slapen tot pubers en schermtijd. Een opvoedingsondersteuner luistert, "
            "denkt met je mee en geeft tips, gratis en zonder wachtlijst. Je kan langskomen, "
            "bellen of mailen; in Kalmthout is er elke woensdag een spreekuur in het Huis van "
            "het Kind."
        ),
        "website": "https://www.example.be/opvoedingswinkel-olo",
        "email": "opvoedingswinkel@example.be",
        "phone": "03 000 01 09",
        "enterprise_number": "0588901747",
        "domains": ["opvoedingsondersteuning"],
        "age_groups": ["0-3", "3-6", "6-12", "12-18"],
        "municipalities": ["Brasschaat", "Kalmthout", "Kapellen", "Essen", "Wuustwezel"],
        "houses": [KALMTHOUT],
        "locations": [
            {
                "name": "Opvoedingswinkel OLO Brasschaat",
                "street": "Bredabaan 312",
                "postcode": "2930",
                "municipality": "Brasschaat",
                "accessibility": (
                    "Gelijkvloers, toegankelijk met een rolstoel. Speelhoek voor kinderen die "
                    "meekomen."
                ),
                "hours": [
                    (0, "09:00", "12:00", ""),
                    (1, "13:30", "19:00", ""),
                    (3, "09:00", "12:00", ""),
                ],
            },
            {
                "name": "Spreekuur Opvoedingswinkel in het Huis van het Kind Kalmthout",
                **_KALMTHOUT_HOUSE_ADDRESS,
                "accessibility": _KALMTHOUT_HOUSE_ACCESS,
                "hours": [(2, "13:30", "16:30", "spreekuur, zonder afspraak")],
            },
        ],
    },
    {
        "name": "Opvoedingspunt Kalmthout",
        "kind": "parenting",
        "description": (
            "Het Opvoedingspunt is er voor ouders van kinderen vanaf 3 jaar tot en met de "
            "puberteit. Je kan er terecht voor een gesprek, praktische tips of om samen naar een "
            "oplossing te zoeken. We komen ook naar de scholen en organiseren avonden voor "
            "ouders, bijvoorbeeld over slapen, zindelijkheid of ruzie tussen broers en zussen."
        ),
        "website": "https://www.example.be/opvoedingspunt-kalmthout",
        "email": "opvoedingspunt@kalmthout.example.be",
        "phone": "03 000 01 10",
        "enterprise_number": None,
        "domains": ["opvoedingsondersteuning", "onderwijs"],
        "age_groups": ["3-6", "6-12", "12-18"],
        "municipalities": ["Kalmthout"],
        "houses": [KALMTHOUT],
        "locations": [
            {
                "name": "Opvoedingspunt in het Huis van het Kind Kalmthout",
                **_KALMTHOUT_HOUSE_ADDRESS,
                "accessibility": _KALMTHOUT_HOUSE_ACCESS,
                "hours": [
                    (0, "13:30", "16:30", ""),
                    (3, "09:00", "12:00", ""),
                    (3, "17:00", "19:30", "op afspraak"),
                ],
            },
        ],
    },
    {
        "name": "JAC-punt Kalmthout",
        "kind": "youthcare",
        "description": (
            "Het JAC-punt is er voor jongeren van 12 tot 25 jaar met vragen over school, "
            "vrienden, liefde, thuis, geld, drugs of hoe het met je gaat. Je kan er gratis en "
            "anoniem praten met een jongerencoach, ook via chat. Samen zoeken we uit wat je "
            "nodig hebt."
        ),
        "website": "https://www.example.be/jac-punt-kalmthout",
        "email": "jac-kalmthout@example.be",
        "phone": "03 000 01 11",
        "enterprise_number": None,
        "domains": ["welbevinden-jeugdhulp"],
        "age_groups": ["12-18", "18-25"],
        "municipalities": ["Kalmthout"],
        "houses": [KALMTHOUT],
        "locations": [
            {
                "name": "JAC-punt Kalmthout",
                "street": "Dorpsstraat 88",
                "postcode": "2920",
                "municipality": "Kalmthout",
                "accessibility": (
                    "In het jeugdhuis, op het gelijkvloers. Fietsenstalling aan de achterkant. "
                    "Je mag gewoon binnenlopen."
                ),
                "hours": [
                    (2, "14:00", "18:00", "zonder afspraak"),
                    (4, "15:00", "18:00", "zonder afspraak"),
                ],
            },
        ],
    },
    {
        "name": "TEJO Kalmthout",
        "kind": "youthcare",
        "description": (
            "Bij TEJO kunnen kinderen en jongeren van 10 tot 20 jaar gratis en anoniem praten "
            "met een therapeut. Je hebt geen verwijzing nodig en je ouders hoeven niet mee te "
            "komen. Je kan tot tien gesprekken krijgen; heb je meer hulp nodig, dan zoeken we "
            "samen verder."
        ),
        "website": "https://www.example.be/tejo-kalmthout",
        "email": "tejo-kalmthout@example.be",
        "phone": "03 000 01 12",
        "enterprise_number": "0598256804",
        "domains": ["welbevinden-jeugdhulp"],
        "age_groups": ["6-12", "12-18", "18-25"],
        "municipalities": ["Kalmthout"],
        "houses": [KALMTHOUT],
        "locations": [
            {
                "name": "TEJO Kalmthout",
                "street": "Heuvelstraat 23",
                "postcode": "2920",
                "municipality": "Kalmthout",
                "accessibility": (
                    "Gespreksruimtes op de eerste verdieping, zonder lift. Laat het weten als "
                    "je niet goed trappen kan lopen: dan spreken we beneden af."
                ),
                "hours": [
                    (2, "13:00", "17:00", "zonder afspraak"),
                    (5, "10:00", "13:00", "zonder afspraak"),
                ],
            },
        ],
    },
    {
        "name": "Kruispunt Kalmthout",
        "kind": "welfare",
        "description": (
            "Het Kruispunt is een warme plek voor ouders met zorgen die zwaar wegen: stress, "
            "verdriet, problemen in de relatie of geldzorgen. Een psycholoog of een ervaren "
            "vrijwilliger luistert zonder oordeel en helpt je een volgende stap te zetten. De "
            "gesprekken zijn gratis."
        ),
        "website": "https://www.example.be/kruispunt-kalmthout",
        "email": "kruispunt@example.be",
        "phone": "03 000 01 13",
        "enterprise_number": "0634853518",
        "domains": ["welbevinden-jeugdhulp", "kinderarmoede", "opvoedingsondersteuning"],
        "age_groups": ["aanstaand", "0-3", "3-6", "6-12", "12-18"],
        "municipalities": ["Kalmthout"],
        "houses": [KALMTHOUT],
        "locations": [
            {
                "name": "Kruispunt Kalmthout",
                "street": "Statiestraat 15",
                "postcode": "2920",
                "municipality": "Kalmthout",
                "accessibility": (
                    "Gelijkvloers, toegankelijk met een rolstoel. Op 5 minuten wandelen van "
                    "het station."
                ),
                "hours": [
                    (1, "09:00", "12:00", ""),
                    (3, "13:30", "16:30", ""),
                    (3, "18:00", "20:00", "op afspraak"),
                ],
            },
        ],
    },
    {
        "name": "OCMW Kalmthout, sociale dienst",
        "kind": "public",
        "description": (
            "De sociale dienst van het OCMW helpt je als je het financieel moeilijk hebt of niet "
            "goed weet waar je recht op hebt: een leefloon, hulp bij schoolkosten, een sociaal "
            "tarief voor vrije tijd of hulp bij schulden. Een maatschappelijk werker bekijkt "
            "samen met jou wat mogelijk is. Wat je vertelt, blijft vertrouwelijk."
        ),
        "website": "https://www.example.be/ocmw-kalmthout",
        "email": "sociale-dienst@kalmthout.example.be",
        "phone": "03 000 01 14",
        "enterprise_number": "0651028267",
        "domains": ["kinderarmoede"],
        "age_groups": ["aanstaand", "0-3", "3-6", "6-12", "12-18", "18-25"],
        "municipalities": ["Kalmthout"],
        "houses": [KALMTHOUT],
        "locations": [
            {
                "name": "Sociaal Huis Kalmthout",
                "street": "Kerkstraat 5",
                "postcode": "2920",
                "municipality": "Kalmthout",
                "accessibility": (
                    "Gelijkvloers onthaal, toegankelijk met een rolstoel. Aparte ruimte voor "
                    "gesprekken in vertrouwen."
                ),
                "hours": [
                    *_weekdays("09:00", "12:00", "zonder afspraak"),
                    (1, "16:00", "19:00", "op afspraak"),
                ],
            },
        ],
    },
    {
        "name": "Jeugddienst Kalmthout",
        "kind": "leisure",
        "description": (
            "De jeugddienst organiseert de speelpleinwerking in de zomer en activiteiten en "
            "kampen tijdens de schoolvakanties. Ze steunt de jeugdverenigingen en zorgt mee voor "
            "een sociaal tarief, zodat elk kind kan meedoen. Heeft je kind extra zorg nodig? "
            "Dan bekijken we samen hoe het toch kan aansluiten."
        ),
        "website": "https://www.example.be/jeugddienst-kalmthout",
        "email": "jeugddienst@kalmthout.example.be",
        "phone": "03 000 01 15",
        "enterprise_number": None,
        "domains": ["vrije-tijd-ontmoeting", "kinderopvang"],
        "age_groups": ["3-6", "6-12", "12-18"],
        "municipalities": ["Kalmthout"],
        "houses": [KALMTHOUT],
        "locations": [
            {
                "name": "Speelplein Kalmthout",
                "street": "Speelpleinlaan 4",
                "postcode": "2920",
                "municipality": "Kalmthout",
                "accessibility": (
                    "Grote speelweide en gebouw op het gelijkvloers. Aangepast toilet. "
                    "Veilige fietsroute vanaf het centrum."
                ),
                "hours": _weekdays("09:00", "17:00", "tijdens de zomervakantie"),
            },
        ],
    },
    {
        "name": "Cadweazle Kalmthoutse Heide",
        "kind": "leisure",
        "description": (
            "Cadweazle organiseert inclusieve speelpleinwerking en kampen in en rond de "
            "Kalmthoutse Heide. Kinderen met en zonder beperking of extra zorg spelen hier "
            "samen, met begeleiders die tijd voor hen maken. Samen met de jeugddienst helpt "
            "Cadweazle ook andere verenigingen om kinderen met een beperking welkom te heten."
        ),
        "website": "https://www.example.be/cadweazle",
        "email": "cadweazle@example.be",
        "phone": "03 000 01 16",
        "enterprise_number": "0652753283",
        "domains": ["vrije-tijd-ontmoeting", "welbevinden-jeugdhulp"],
        "age_groups": ["3-6", "6-12", "12-18"],
        "municipalities": ["Kalmthout", "Essen", "Wuustwezel"],
        "houses": [KALMTHOUT],
        "locations": [
            {
                "name": "Cadweazle speelterrein",
                "street": "Heideweg 10",
                "postcode": "2920",
                "municipality": "Kalmthout",
                "accessibility": (
                    "Verharde paden tot aan het speelterrein en het lokaal. Rustruimte en "
                    "aangepast toilet met verzorgingstafel voor grotere kinderen."
                ),
                "hours": [
                    *_weekdays("09:00", "16:30", "tijdens de zomervakantie"),
                    (5, "14:00", "17:00", "speelnamiddag, een keer per maand"),
                ],
            },
        ],
    },
    {
        "name": "Bibliotheek Kalmthout",
        "kind": "leisure",
        "description": (
            "In de bibliotheek lenen kinderen en ouders gratis boeken, strips en spelletjes. "
            "Er zijn voorleesmomenten voor peuters en kleuters, hulp bij huiswerk voor "
            "schoolkinderen en computers die iedereen mag gebruiken. Baby's krijgen een "
            "gratis boekenpakket om samen met hun ouders van boekjes te genieten."
        ),
        "website": "https://www.example.be/bibliotheek-kalmthout",
        "email": "bibliotheek@kalmthout.example.be",
        "phone": "03 000 01 17",
        "enterprise_number": None,
        "domains": ["vrije-tijd-ontmoeting", "onderwijs"],
        "age_groups": ["0-3", "3-6", "6-12", "12-18", "18-25"],
        "municipalities": ["Kalmthout"],
        "houses": [KALMTHOUT],
        "locations": [
            {
                "name": "Bibliotheek Kalmthout",
                "street": "Kerkplein 10",
                "postcode": "2920",
                "municipality": "Kalmthout",
                "accessibility": (
                    "Gelijkvloers en eerste verdieping met lift. Kinderhoek met zitkussens. "
                    "Aangepast toilet."
                ),
                "hours": [
                    (0, "14:00", "19:00", ""),
                    (2, "13:00", "18:00", "voorleesmoment om 14:00"),
                    (4, "14:00", "19:00", ""),
                    (5, "09:00", "12:00", ""),
                ],
            },
        ],
    },
    {
        "name": "Gemeentelijke Basisschool De Heikrekel",
        "kind": "education",
        "description": (
            "De Heikrekel is een gemeentelijke basisschool met een kleuter- en een lagere "
            "afdeling. De school werkt samen met het Opvoedingspunt en het CLB, zodat ouders "
            "ook aan de schoolpoort met hun vragen terechtkunnen. Er is een huiswerkklas en "
            "er wordt nooit iemand uitgesloten omdat een schoolfactuur nog niet betaald is."
        ),
        "website": "https://www.example.be/de-heikrekel",
        "email": "de-heikrekel@kalmthout.example.be",
        "phone": "03 000 01 18",
        "enterprise_number": None,
        "domains": ["onderwijs"],
        "age_groups": ["3-6", "6-12"],
        "municipalities": ["Kalmthout"],
        "houses": [KALMTHOUT],
        "locations": [
            {
                "name": "Basisschool De Heikrekel",
                "street": "Schoolstraat 14",
                "postcode": "2920",
                "municipality": "Kalmthout",
                "accessibility": (
                    "Klaslokalen op het gelijkvloers, toegankelijk met een rolstoel. "
                    "Kiss-and-ride-zone aan de schoolpoort."
                ),
                "hours": [
                    (0, "08:15", "15:30", ""),
                    (1, "08:15", "15:30", ""),
                    (2, "08:15", "12:05", ""),
                    (3, "08:15", "15:30", ""),
                    (4, "08:15", "15:00", ""),
                ],
            },
        ],
    },
    {
        "name": "Buitenschoolse Kinderopvang De Speelvogel",
        "kind": "childcare",
        "description": (
            "De Speelvogel vangt kleuters en lagereschoolkinderen op voor en na school, op "
            "woensdagnamiddag en tijdens de schoolvakanties. Kinderen spelen, rusten of maken "
            "hun huiswerk in een huiselijke sfeer. In de vakanties is er ook een aanbod voor "
            "jongeren van 12 tot 14 jaar."
        ),
        "website": "https://www.example.be/de-speelvogel",
        "email": "de-speelvogel@kalmthout.example.be",
        "phone": "03 000 01 19",
        "enterprise_number": None,
        "domains": ["kinderopvang", "vrije-tijd-ontmoeting"],
        "age_groups": ["3-6", "6-12", "12-18"],
        "municipalities": ["Kalmthout"],
        "houses": [KALMTHOUT],
        "locations": [
            {
                "name": "Buitenschoolse Kinderopvang De Speelvogel",
                "street": "Schoolstraat 16",
                "postcode": "2920",
                "municipality": "Kalmthout",
                "accessibility": (
                    "Gelijkvloers met een grote speeltuin. Kinderen van de scholen in de buurt "
                    "worden te voet of met de bus opgehaald."
                ),
                "hours": [
                    *_weekdays("07:00", "08:30", "voorschoolse opvang"),
                    (0, "15:30", "18:30", ""),
                    (1, "15:30", "18:30", ""),
                    (2, "12:00", "18:30", "woensdagnamiddag"),
                    (3, "15:30", "18:30", ""),
                    (4, "15:00", "18:30", ""),
                ],
            },
        ],
    },
    {
        "name": "Vroedvrouwenpraktijk De Wieg",
        "kind": "health",
        "description": (
            "De vroedvrouwen van De Wieg begeleiden je tijdens de zwangerschap, de bevalling en "
            "de eerste weken thuis met je baby. Je kan bij hen terecht voor consulten tijdens "
            "de zwangerschap, een voorbereiding op de bevalling en hulp bij borstvoeding. Ze "
            "werken nauw samen met Kind en Gezin en de kraamzorg."
        ),
        "website": "https://www.example.be/vroedvrouwen-de-wieg",
        "email": "de-wieg@example.be",
        "phone": "03 000 01 20",
        "enterprise_number": "0661609680",
        "domains": ["gezondheid"],
        "age_groups": ["aanstaand", "0-3"],
        "municipalities": ["Kalmthout", "Essen", "Kapellen", "Wuustwezel"],
        "houses": [KALMTHOUT],
        "locations": [
            {
                "name": "Vroedvrouwenpraktijk De Wieg",
                "street": "Bremstraat 21",
                "postcode": "2920",
                "municipality": "Kalmthout",
                "accessibility": (
                    "Praktijk op het gelijkvloers. Parkeren kan voor de deur. Huisbezoeken "
                    "zijn mogelijk."
                ),
                "hours": [
                    (0, "09:00", "12:00", "op afspraak"),
                    (2, "14:00", "18:00", "op afspraak"),
                    (4, "09:00", "12:00", "op afspraak"),
                ],
            },
        ],
    },
    # --- Partners of Huis van het Kind Zoersel-Brecht-Zandhoven-Wijnegem-Schilde ----------
    {
        "name": "Consultatiebureau Kind en Gezin Brecht",
        "kind": "health",
        "description": (
            "In het consultatiebureau van Brecht volgen een arts en een verpleegkundige de groei "
            "en de gezondheid van je baby of peuter. Je kind krijgt er gratis de aanbevolen "
            "vaccinaties. Je kan er ook terecht met vragen over voeding, slapen of huilen."
        ),
        "website": "https://www.example.be/consultatiebureau-brecht",
        "email": "consultatiebureau-brecht@example.be",
        "phone": "03 000 02 01",
        "enterprise_number": "0669076405",
        "domains": ["gezondheid"],
        "age_groups": ["0-3"],
        "municipalities": ["Brecht"],
        "houses": [REGION],
        "locations": [
            {
                "name": "Consultatiebureau Brecht",
                **_BRECHT_PLACE,
                "accessibility": (
                    "In het Huis van het Kind Brecht. Ingang zonder trappen; kinderwagens "
                    "kunnen mee naar binnen."
                ),
                "hours": [
                    (0, "13:30", "16:30", "consult op afspraak"),
                    (3, "09:00", "12:00", "consult op afspraak"),
                ],
            },
        ],
    },
    {
        "name": "Consultatiebureau Kind en Gezin Zoersel-Zandhoven",
        "kind": "health",
        "description": (
            "Het consultatiebureau heeft twee plaatsen: in Zoersel en in Zandhoven. Een arts en "
            "een verpleegkundige volgen er gratis de groei en de ontwikkeling van je kind op en "
            "geven de vaccinaties. Je maakt een afspraak op de plek die voor jou het best past."
        ),
        "website": "https://www.example.be/consultatiebureau-zoersel-zandhoven",
        "email": "consultatiebureau-zoersel-zandhoven@example.be",
        "phone": "03 000 02 02",
        "enterprise_number": "0706633122",
        "domains": ["gezondheid"],
        "age_groups": ["0-3"],
        "municipalities": ["Zoersel", "Zandhoven"],
        "houses": [REGION],
        "locations": [
            {
                "name": "Consultatiebureau Zoersel",
                **_ZOERSEL_PLACE,
                "accessibility": "In het Huis van het Kind Zoersel, op het gelijkvloers.",
                "hours": [
                    (1, "13:30", "16:30", "consult op afspraak"),
                    (3, "09:00", "12:00", "consult op afspraak"),
                ],
            },
            {
                "name": "Consultatiebureau Zandhoven",
                **_ZANDHOVEN_PLACE,
                "accessibility": "In het Huis van het Kind Zandhoven, op het gelijkvloers.",
                "hours": [(4, "09:00", "12:00", "consult op afspraak")],
            },
        ],
    },
    {
        "name": "Consultatiebureau Kind en Gezin Schilde-Wijnegem",
        "kind": "health",
        "description": (
            "Ouders uit Schilde en Wijnegem kunnen met hun baby of peuter gratis op consultatie "
            "in het Huis van het Kind van hun gemeente. Je kind wordt gewogen, gemeten en "
            "gevaccineerd, en je krijgt tips op maat. Er is ook een maandelijkse "
            "babymassage-sessie."
        ),
        "website": "https://www.example.be/consultatiebureau-schilde-wijnegem",
        "email": "consultatiebureau-schilde-wijnegem@example.be",
        "phone": "03 000 02 03",
        "enterprise_number": "0727303525",
        "domains": ["gezondheid", "vrije-tijd-ontmoeting"],
        "age_groups": ["0-3"],
        "municipalities": ["Schilde", "Wijnegem"],
        "houses": [REGION],
        "locations": [
            {
                "name": "Consultatiebureau Schilde",
                **_SCHILDE_PLACE,
                "accessibility": "In het Huis van het Kind Schilde, op het gelijkvloers.",
                "hours": [(0, "13:30", "16:30", "consult op afspraak")],
            },
            {
                "name": "Consultatiebureau Wijnegem",
                **_WIJNEGEM_PLACE,
                "accessibility": ("In het Huis van het Kind Wijnegem, eerste verdieping met lift."),
                "hours": [(2, "09:00", "12:00", "consult op afspraak")],
            },
        ],
    },
    {
        "name": "Jeugddienst Zoersel",
        "kind": "leisure",
        "description": (
            "De jeugddienst van Zoersel organiseert de speelpleinwerking in de zomer en een "
            "tienerwerking met uitstappen en workshops tijdens de vakanties. Met de "
            "vrijetijdspas betalen gezinnen met een beperkt inkomen een kansentarief. De "
            "jeugddienst helpt ook jeugdverenigingen om iedereen welkom te heten."
        ),
        "website": "https://www.example.be/jeugddienst-zoersel",
        "email": "jeugddienst@zoersel.example.be",
        "phone": "03 000 02 04",
        "enterprise_number": None,
        "domains": ["vrije-tijd-ontmoeting"],
        "age_groups": ["3-6", "6-12", "12-18"],
        "municipalities": ["Zoersel"],
        "houses": [REGION],
        "locations": [
            {
                "name": "Vrijetijdshuis Zoersel",
                "street": "Sportlaan 2",
                "postcode": "2980",
                "municipality": "Zoersel",
                "accessibility": "Gelijkvloers onthaal, toegankelijk met een rolstoel.",
                "hours": [
                    *_weekdays("09:00", "12:00"),
                    (2, "13:30", "17:00", ""),
                ],
            },
        ],
    },
    {
        "name": "Jeugddienst Brecht",
        "kind": "leisure",
        "description": (
            "Met de jeugddienst van Brecht kunnen kinderen tijdens de vakanties deelnemen aan "
            "speelpleinwerking, kampen en workshops. Jongeren vinden er info over het jeugdhuis, "
            "vakantiejobs en vrijwilligerswerk. Voor gezinnen met een kleiner budget is er een "
            "kansentarief."
        ),
        "website": "https://www.example.be/jeugddienst-brecht",
        "email": "jeugddienst@brecht.example.be",
        "phone": "03 000 02 05",
        "enterprise_number": None,
        "domains": ["vrije-tijd-ontmoeting"],
        "age_groups": ["3-6", "6-12", "12-18", "18-25"],
        "municipalities": ["Brecht"],
        "houses": [REGION],
        "locations": [],
    },
    {
        "name": "Jeugd- en sportdienst Zandhoven",
        "kind": "leisure",
        "description": (
            "De jeugd- en sportdienst van Zandhoven organiseert sportkampen, bewegingslessen "
            "voor kleuters en G-sport voor kinderen en jongeren met een beperking. In de zomer "
            "is er speelpleinwerking. Met een sociaal tarief kan elk kind meedoen."
        ),
        "website": "https://www.example.be/jeugd-sport-zandhoven",
        "email": "jeugd-sport@zandhoven.example.be",
        "phone": "03 000 02 06",
        "enterprise_number": None,
        "domains": ["vrije-tijd-ontmoeting", "gezondheid"],
        "age_groups": ["3-6", "6-12", "12-18"],
        "municipalities": ["Zandhoven"],
        "houses": [REGION],
        "locations": [
            {
                "name": "Sportpark Zandhoven",
                "street": "Sportweg 3",
                "postcode": "2240",
                "municipality": "Zandhoven",
                "accessibility": (
                    "Sporthal en kleedkamers toegankelijk met een rolstoel. Aangepaste "
                    "kleedkamer en douche."
                ),
                "hours": [
                    (0, "16:00", "22:00", ""),
                    (2, "13:00", "22:00", ""),
                    (5, "09:00", "17:00", ""),
                ],
            },
        ],
    },
    {
        "name": "Jeugddienst Wijnegem",
        "kind": "leisure",
        "description": (
            "De jeugddienst van Wijnegem helpt buurten om een speelstraat te organiseren en "
            "zorgt voor een vakantiewerking voor kinderen van de lagere school. Jongeren kunnen "
            "er terecht met ideeën voor hun eigen activiteiten. Gezinnen met een beperkt "
            "inkomen krijgen korting."
        ),
        "website": "https://www.example.be/jeugddienst-wijnegem",
        "email": "jeugddienst@wijnegem.example.be",
        "phone": "03 000 02 07",
        "enterprise_number": None,
        "domains": ["vrije-tijd-ontmoeting"],
        "age_groups": ["6-12", "12-18"],
        "municipalities": ["Wijnegem"],
        "houses": [REGION],
        "locations": [],
    },
    {
        "name": "Jeugddienst Schilde",
        "kind": "leisure",
        "description": (
            "De jeugddienst van Schilde organiseert de speelpleinwerking en steunt de "
            "jeugdverenigingen in Schilde en 's-Gravenwezel. Via de kinder- en jongerenraad "
            "praten kinderen en jongeren mee over wat er in hun gemeente gebeurt. Er is een "
            "sociaal tarief voor wie het nodig heeft."
        ),
        "website": "https://www.example.be/jeugddienst-schilde",
        "email": "jeugddienst@schilde.example.be",
        "phone": "03 000 02 08",
        "enterprise_number": None,
        "domains": ["vrije-tijd-ontmoeting"],
        "age_groups": ["3-6", "6-12", "12-18"],
        "municipalities": ["Schilde"],
        "houses": [REGION],
        "locations": [
            {
                "name": "Jeugdcentrum Schilde",
                "street": "Jeugdlaan 1",
                "postcode": "2970",
                "municipality": "Schilde",
                "accessibility": "Gelijkvloers, toegankelijk met een rolstoel.",
                "hours": [
                    (1, "09:00", "12:00", ""),
                    (2, "13:30", "17:00", ""),
                    (3, "09:00", "12:00", ""),
                ],
            },
        ],
    },
    {
        "name": "Gezinsondersteuning Voorkempen",
        "kind": "parenting",
        "description": (
            "Valt het opvoeden even zwaar, bijvoorbeeld na de geboorte van een tweeling, bij "
            "ziekte of in een moeilijke periode? Dan komt een gezinsbegeleider van "
            "Gezinsondersteuning Voorkempen bij je thuis. Die helpt met structuur in de dag, "
            "met papierwerk en met de zorg voor de kinderen, en werkt aan wat jij belangrijk "
            "vindt."
        ),
        "website": "https://www.example.be/gezinsondersteuning-voorkempen",
        "email": "gezinsondersteuning@example.be",
        "phone": "03 000 02 09",
        "enterprise_number": "0747045104",
        "domains": ["opvoedingsondersteuning", "kinderarmoede"],
        "age_groups": ["aanstaand", "0-3", "3-6", "6-12"],
        "municipalities": REGION_MUNICIPALITIES,
        "houses": [REGION],
        "locations": [],
    },
    {
        "name": "Inloopteam De Klimop",
        "kind": "welfare",
        "description": (
            "Het inloopteam De Klimop is een open huis voor gezinnen met jonge kinderen die het "
            "financieel of sociaal moeilijk hebben. Je kan er binnenlopen voor een tas koffie, "
            "een babbel, tweedehands kinderkleren of hulp bij papierwerk. Er zijn ook "
            "groepsmomenten voor ouders en speelmomenten voor de kinderen."
        ),
        "website": "https://www.example.be/inloopteam-de-klimop",
        "email": "de-klimop@example.be",
        "phone": "03 000 02 10",
        "enterprise_number": "0760333906",
        "domains": ["kinderarmoede", "vrije-tijd-ontmoeting", "opvoedingsondersteuning"],
        "age_groups": ["aanstaand", "0-3", "3-6"],
        "municipalities": ["Brecht", "Zoersel"],
        "houses": [REGION],
        "locations": [
            {
                "name": "Inloopteam De Klimop",
                "street": "Kapelstraat 31",
                "postcode": "2960",
                "municipality": "Brecht",
                "accessibility": (
                    "Gelijkvloers met een speelhoek en een verzorgingstafel. Kinderwagens "
                    "kunnen mee naar binnen."
                ),
                "hours": [
                    (1, "09:00", "12:00", "zonder afspraak"),
                    (3, "13:00", "16:00", "zonder afspraak"),
                ],
            },
        ],
    },
    {
        "name": "De Stem, vereniging waar armen het woord nemen",
        "kind": "welfare",
        "description": (
            "In De Stem komen mensen met armoede-ervaring samen om elkaar te steunen en samen "
            "op te komen voor hun rechten. We praten mee met de gemeenten en het Huis van het "
            "Kind, zodat het beleid beter aansluit bij wat gezinnen echt nodig hebben. Iedereen "
            "is welkom op onze ontmoetingsnamiddagen en uitstappen met het hele gezin."
        ),
        "website": "https://www.example.be/de-stem",
        "email": "de-stem@example.org",
        "phone": "03 000 02 11",
        "enterprise_number": "0763141560",
        "domains": ["kinderarmoede", "vrije-tijd-ontmoeting"],
        "age_groups": ["aanstaand", "0-3", "3-6", "6-12", "12-18", "18-25"],
        "municipalities": ["Zoersel", "Zandhoven", "Brecht", "Malle"],
        "houses": [REGION],
        "locations": [
            {
                "name": "De Stem",
                "street": "Lindenlaan 7",
                "postcode": "2980",
                "municipality": "Zoersel",
                "accessibility": (
                    "Gelijkvloers, toegankelijk met een rolstoel. Bushalte voor de deur."
                ),
                "hours": [(0, "13:30", "16:30", "ontmoetingsnamiddag")],
            },
        ],
    },
    {
        "name": "Opvoedingspunt Voorkempen",
        "kind": "parenting",
        "description": (
            "Het Opvoedingspunt Voorkempen beantwoordt al je vragen over opvoeden, van baby tot "
            "puber. Je kiest zelf: een gesprek in het Huis van het Kind van je gemeente, aan de "
            "telefoon of via e-mail, en dat altijd gratis. Er zijn ook oudergroepen, "
            "bijvoorbeeld over grenzen stellen of over opvoeden na een scheiding."
        ),
        "website": "https://www.example.be/opvoedingspunt-voorkempen",
        "email": "opvoedingspunt-voorkempen@example.be",
        "phone": "03 000 02 12",
        "enterprise_number": "0767949988",
        "domains": ["opvoedingsondersteuning"],
        "age_groups": ["0-3", "3-6", "6-12", "12-18"],
        "municipalities": REGION_MUNICIPALITIES,
        "houses": [REGION],
        "locations": [
            {
                "name": "Opvoedingspunt in het Huis van het Kind Schilde",
                **_SCHILDE_PLACE,
                "accessibility": "Gelijkvloers, toegankelijk met een rolstoel.",
                "hours": [(2, "13:30", "17:00", "zonder afspraak")],
            },
            {
                "name": "Opvoedingspunt in het Huis van het Kind Brecht",
                **_BRECHT_PLACE,
                "accessibility": "Ingang zonder trappen, speelhoek voor kinderen.",
                "hours": [(3, "17:00", "19:30", "op afspraak")],
            },
        ],
    },
    {
        "name": "Huiswerkklas De Leerbrug",
        "kind": "education",
        "description": (
            "In De Leerbrug helpen vrijwilligers kinderen van de lagere school en jongeren uit "
            "het middelbaar na school met hun huiswerk, in een rustige ruimte en met een "
            "vieruurtje. Kinderen die thuis een andere taal spreken of extra hulp nodig hebben, "
            "krijgen extra aandacht. Meedoen is gratis."
        ),
        "website": "https://www.example.be/de-leerbrug",
        "email": "de-leerbrug@example.org",
        "phone": "03 000 02 13",
        "enterprise_number": "0772664089",
        "domains": ["onderwijs", "kinderarmoede"],
        "age_groups": ["6-12", "12-18"],
        "municipalities": ["Wijnegem", "Schilde"],
        "houses": [REGION],
        "locations": [
            {
                "name": "Huiswerkklas De Leerbrug",
                "street": "Schoolstraat 9",
                "postcode": "2110",
                "municipality": "Wijnegem",
                "accessibility": (
                    "Klaslokaal op het gelijkvloers. Fietsenstalling op de speelplaats."
                ),
                "hours": [
                    (0, "15:45", "17:30", "tijdens het schooljaar"),
                    (1, "15:45", "17:30", "tijdens het schooljaar"),
                    (3, "15:45", "17:30", "tijdens het schooljaar"),
                ],
            },
        ],
    },
    {
        "name": "Kinderopvang De Sterrenpluk",
        "kind": "childcare",
        "description": (
            "De Sterrenpluk heeft een kinderdagverblijf voor baby's en peuters en een "
            "buitenschoolse opvang voor kleuters en lagereschoolkinderen. Je betaalt volgens je "
            "inkomen, zodat opvang voor elk gezin betaalbaar is. We houden een paar plaatsen vrij "
            "voor dringende opvangvragen."
        ),
        "website": "https://www.example.be/de-sterrenpluk",
        "email": "de-sterrenpluk@example.be",
        "phone": "03 000 02 14",
        "enterprise_number": "0792346577",
        "domains": ["kinderopvang"],
        "age_groups": ["0-3", "3-6", "6-12"],
        "municipalities": ["Zoersel", "Zandhoven"],
        "houses": [REGION],
        "locations": [
            {
                "name": "Kinderopvang De Sterrenpluk",
                "street": "Boslaan 52",
                "postcode": "2980",
                "municipality": "Zoersel",
                "accessibility": (
                    "Gelijkvloers met een afgesloten tuin. Kortparkeren om kinderen af te zetten."
                ),
                "hours": _weekdays("06:45", "18:30"),
            },
        ],
    },
    {
        "name": "CGG Voorkempen, team kinderen en jongeren",
        "kind": "youthcare",
        "description": (
            "Het centrum voor geestelijke gezondheidszorg (CGG) helpt kinderen en jongeren tot "
            "23 jaar met psychische problemen, zoals angst, somberheid, een trauma of een "
            "ontwikkelingsprobleem. Na een eerste gesprek bekijken we samen welke hulp past: "
            "gesprekken met je kind, met het hele gezin of met jou als ouder. Je hebt geen "
            "verwijsbrief nodig."
        ),
        "website": "https://www.example.be/cgg-voorkempen",
        "email": "cgg-voorkempen@example.be",
        "phone": "03 000 02 15",
        "enterprise_number": "0794830173",
        "domains": ["welbevinden-jeugdhulp"],
        "age_groups": ["0-3", "3-6", "6-12", "12-18", "18-25"],
        "municipalities": [*REGION_MUNICIPALITIES, "Malle", "Ranst"],
        "houses": [REGION],
        "locations": [
            {
                "name": "CGG Voorkempen",
                "street": "Turnhoutsebaan 12",
                "postcode": "2970",
                "municipality": "Schilde",
                "accessibility": (
                    "Gespreksruimtes op het gelijkvloers en de eerste verdieping met lift. "
                    "Speelkamer voor jonge kinderen."
                ),
                "hours": _weekdays("09:00", "17:00", "op afspraak"),
            },
        ],
    },
]


PEOPLE = [
    {
        "first_name": "Els",
        "last_name": "Van den Broeck",
        "email": "coordinator@kalmthout.example.be",
        "role": "coordinator",
        "house": KALMTHOUT,
    },
    {
        "first_name": "Pieter",
        "last_name": "Verlinden",
        "email": "coordinator@zbzws.example.be",
        "role": "coordinator",
        "house": REGION,
    },
    {
        "first_name": "Sofie",
        "last_name": "Mertens",
        "email": "opvoedingspunt@kalmthout.example.be",
        "role": "org_admin",
        "organisation": "Opvoedingspunt Kalmthout",
    },
    {
        "first_name": "Jonas",
        "last_name": "Goossens",
        "email": "jonas.goossens@kalmthout.example.be",
        "role": "org_worker",
        "organisation": "Opvoedingspunt Kalmthout",
    },
    {
        "first_name": "Nathalie",
        "last_name": "Wouters",
        "email": "kinderopvang@kalmthout.example.be",
        "role": "org_admin",
        "organisation": "Lokaal Loket Kinderopvang Kalmthout",
    },
    {
        "first_name": "Lien",
        "last_name": "Claes",
        "email": "lien.claes@kind-en-gezin.example.be",
        "role": "org_worker",
        "organisation": "Kind en Gezin",
    },
    {
        "first_name": "Koen",
        "last_name": "Aerts",
        "email": "opvoedingspunt@zbzws.example.be",
        "role": "org_admin",
        "organisation": "Opvoedingspunt Voorkempen",
    },
]


PENDING_APPLICATIONS = [
    {
        "house": KALMTHOUT,
        "organisation_name": "Speel-o-theek De Knikker",
        "kind": "leisure",
        "enterprise_number": "0814282633",
        "description": (
            "In onze speel-o-theek lenen gezinnen voor een klein bedrag speelgoed en "
            "gezelschapsspelen, net zoals boeken in de bibliotheek. Elke maand is er een "
            "speelnamiddag waar ouders en kinderen samen nieuwe spelletjes ontdekken."
        ),
        "website": "https://www.example.be/speelotheek-de-knikker",
        "email": "de-knikker@example.org",
        "phone": "03 000 03 01",
        "domains": ["vrije-tijd-ontmoeting", "opvoedingsondersteuning", "kinderarmoede"],
        "municipalities": ["Kalmthout"],
        "contact_name": "Hilde Smets",
        "contact_email": "hilde.smets@example.be",
        "motivation": (
            "We willen samen met de Speelbabbel en de bibliotheek meer gezinnen bereiken, ook "
            "gezinnen die thuis weinig speelgoed hebben. Via het Huis van het Kind hopen we een "
            "kansentarief uit te werken met het OCMW."
        ),
    },
    {
        "house": REGION,
        "organisation_name": "Praktijk Draagzacht",
        "kind": "health",
        "enterprise_number": "",
        "description": (
            "Ik ben draagconsulente en babymassagelesgever. Ik help ouders om hun baby veilig "
            "en comfortabel te dragen en leer hen hoe ze met massage hun baby kunnen kalmeren."
        ),
        "website": "https://www.example.be/draagzacht",
        "email": "draagzacht@example.be",
        "phone": "03 000 03 02",
        "domains": ["gezondheid", "opvoedingsondersteuning"],
        "municipalities": ["Zandhoven", "Zoersel", "Ranst"],
        "contact_name": "Ine Dierckx",
        "contact_email": "ine.dierckx@example.be",
        "motivation": (
            "Ik zou graag mijn workshops draagdoek en babymassage aanbieden in de "
            "ontmoetingsplekken van het Huis van het Kind, zodat ook jonge ouders die de weg "
            "naar een praktijk niet vinden, ervan kunnen genieten."
        ),
    },
]
