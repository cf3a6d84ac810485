"""Demo data for the offer (aanbod): the services the demo partners offer families.

Plain Python data only; the `seed_demo` command turns each dict into a `Service` row and links
it to its organisation, domains, age groups, target groups, municipalities and locations by name
or slug (see `huisvanhetkind/network/demo_data.py` for the organisations and their locations).
Everything users see is in Dutch. All people, phone numbers, e-mail addresses and websites are
fictitious. Prices are strings with two decimals (euro) or None.
"""

REGION_FIVE = ["Brecht", "Schilde", "Wijnegem", "Zandhoven", "Zoersel"]
ALL_SIX = ["Kalmthout", *REGION_FIVE]

# Location names of the two houses (see HOUSES in network/demo_data.py).
HVHK_KALMTHOUT = "Huis van het Kind Kalmthout"
HVHK_ZOERSEL = "Huis van het Kind Zoersel"
HVHK_BRECHT = "Huis van het Kind Brecht"
HVHK_ZANDHOVEN = "Huis van het Kind Zandhoven"
HVHK_WIJNEGEM = "Huis van het Kind Wijnegem"
HVHK_SCHILDE = "Huis van het Kind Schilde"
REGION_HOUSE_PLACES = [HVHK_ZOERSEL, HVHK_BRECHT, HVHK_ZANDHOVEN, HVHK_WIJNEGEM, HVHK_SCHILDE]

KALMTHOUT_HOUSE_ACCESS = (
    "Alles op het gelijkvloers en toegankelijk met een rolstoel. Er is plaats voor kinderwagens, "
    "een verzorgingstafel en een rustige hoek om borstvoeding te geven."
)
REGION_HOUSE_ACCESS = (
    "De ontmoetingsplekken van het Huis van het Kind zijn toegankelijk met een rolstoel of een "
    "kinderwagen (in Wijnegem met een lift). Vraag gerust naar de mogelijkheden."
)
AT_HOME = "De hulp gebeurt bij je thuis. Je hoeft je niet te verplaatsen."

SERVICES = [
    # --- Partners of both houses ---------------------------------------------------------
    {
        "organisation": "Kind en Gezin",
        "name": "Consultatiebureau Kalmthout",
        "alternate_name": "Consult voor baby's en peuters",
        "summary": (
            "Ga gratis met je baby of peuter op consultatie. Een arts en een verpleegkundige "
            "wegen en meten je kind, geven de vaccinaties en beantwoorden je vragen over "
            "voeding, slapen en ontwikkeling."
        ),
        "description": (
            "In het consultatiebureau volgen we de groei en de ontwikkeling van je kind op, van "
            "de eerste weken tot 3 jaar. Je kind krijgt er gratis alle aanbevolen vaccinaties "
            "(inentingen). We kijken ook naar de ogen, het gehoor en de motoriek van je kind. "
            "Je kan er terecht met al je vragen over borst- of flesvoeding, huilen, slapen of "
            "opvoeden, en je krijgt tips op maat."
        ),
        "domains": ["gezondheid", "opvoedingsondersteuning"],
        "age_groups": ["0-3"],
        "target_groups": [],
        "for_expecting_parents": False,
        "minimum_age": 0,
        "maximum_age": 3,
        "eligibility_description": (
            "Voor alle kinderen van 0 tot 3 jaar die in Kalmthout wonen. Je hebt geen "
            "verwijzing nodig."
        ),
        "application_process": (
            "Na de geboorte krijg je de eerste afspraak vanzelf. Daarna maak je een afspraak via "
            "de Kind en Gezin-Lijn, via de app van Kind en Gezin of aan het onthaal van het Huis "
            "van het Kind."
        ),
        "schedule_description": (
            "Dinsdagnamiddag van 13.30 tot 16.30 uur en donderdagvoormiddag van 9 tot 12 uur, "
            "op afspraak."
        ),
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Kalmthout"],
        "locations": ["Consultatiebureau Kind en Gezin Kalmthout"],
        "languages": ["nl", "fr", "en"],
        "url": "https://www.example.be/kind-en-gezin/consultatiebureau-kalmthout",
        "email": "consultatiebureau.kalmthout@kindengezin.example.be",
        "phone": "03 000 01 01",
        "contact_name": "Lien Claes",
        "contact_title": "Regioverpleegkundige",
        "contact_email": "lien.claes@kindengezin.example.be",
        "accessibility": KALMTHOUT_HOUSE_ACCESS,
        "referral_criteria": (
            "Verwijs gezinnen met een kind jonger dan 3 jaar die nog niet op consultatie komen, "
            "of die twijfelen over vaccinaties, groei of voeding."
        ),
        "status": "published",
    },
    {
        "organisation": "Kind en Gezin",
        "name": "Huisbezoek na de geboorte",
        "alternate_name": "Verpleegkundige aan huis",
        "summary": (
            "Kort na de geboorte komt een verpleegkundige van Kind en Gezin gratis bij je thuis. "
            "Ze kijkt hoe het met je baby en met jou gaat en helpt je op weg met voeding, "
            "slapen en verzorging."
        ),
        "description": (
            "Een paar weken na de bevalling komt een verpleegkundige bij je thuis langs. Ze "
            "weegt je baby, kijkt hoe de voeding loopt en luistert naar hoe jij je voelt. Je "
            "krijgt uitleg over veilig slapen, het consultatiebureau en de vaccinaties. Heb je "
            "het moeilijk, dan mag ze vaker langskomen en zoekt ze mee naar steun in je buurt."
        ),
        "domains": ["gezondheid", "opvoedingsondersteuning"],
        "age_groups": ["0-3"],
        "target_groups": ["kwetsbare-gezinnen", "anderstalige-gezinnen", "alleenstaande-ouders"],
        "for_expecting_parents": False,
        "minimum_age": 0,
        "maximum_age": 1,
        "eligibility_description": "Voor alle gezinnen met een pasgeboren baby.",
        "application_process": (
            "Je hoeft niets te doen: het ziekenhuis of de vroedvrouw geeft je geboorte door en "
            "de verpleegkundige belt je voor een afspraak. Wil je een extra huisbezoek, bel dan "
            "de Kind en Gezin-Lijn."
        ),
        "schedule_description": "Op een afgesproken moment in de eerste weken na de geboorte.",
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ALL_SIX,
        "locations": [],
        "languages": ["nl", "fr", "en"],
        "url": "https://www.example.be/kind-en-gezin/huisbezoek",
        "email": "huisbezoek@kindengezin.example.be",
        "phone": "03 000 01 01",
        "contact_name": "Lien Claes",
        "contact_title": "Regioverpleegkundige",
        "contact_email": "lien.claes@kindengezin.example.be",
        "accessibility": AT_HOME,
        "referral_criteria": (
            "Vraag een extra huisbezoek aan als een jong gezin geïsoleerd lijkt, als de moeder "
            "somber is of als de voeding moeizaam loopt."
        ),
        "status": "published",
    },
    {
        "organisation": "Kind en Gezin",
        "name": "Groepssessie veilig slapen",
        "alternate_name": "Infosessie veilig slapen voor baby's",
        "summary": (
            "Hoe laat je je baby veilig slapen? In deze gratis groepssessie leer je alles over "
            "de rugligging, het juiste bedje en een slaapzak, en over wat je doet als je baby "
            "'s nachts vaak wakker wordt."
        ),
        "description": (
            "Een verpleegkundige van Kind en Gezin legt uit hoe je het risico op wiegendood "
            "kleiner maakt. Je leert waarom je baby op de rug slaapt, welke slaapzak en welk "
            "matras veilig zijn en waarom knuffels en dekentjes beter uit bed blijven. Er is "
            "tijd voor al je vragen en je ontmoet andere (aanstaande) ouders. Je baby mag mee."
        ),
        "domains": ["gezondheid", "opvoedingsondersteuning"],
        "age_groups": ["aanstaand", "0-3"],
        "target_groups": ["aanstaande-ouders", "grootouders"],
        "for_expecting_parents": True,
        "minimum_age": 0,
        "maximum_age": 1,
        "eligibility_description": (
            "Voor aanstaande ouders, ouders van een baby tot 1 jaar en grootouders of onthaal"
            "ouders die voor een baby zorgen."
        ),
        "application_process": (
            "Schrijf je in via de website of aan het onthaal van het Huis van het Kind. Er zijn "
            "twaalf plaatsen per sessie."
        ),
        "schedule_description": (
            "Elke tweede maandag van de maand van 13.30 tot 15.00 uur, in het Huis van het Kind."
        ),
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Kalmthout"],
        "locations": [HVHK_KALMTHOUT],
        "languages": ["nl"],
        "url": "https://www.example.be/kind-en-gezin/veilig-slapen",
        "email": "groepssessies@kindengezin.example.be",
        "phone": "03 000 01 01",
        "contact_name": "Hanne De Smet",
        "contact_title": "Verpleegkundige",
        "contact_email": "hanne.desmet@kindengezin.example.be",
        "accessibility": KALMTHOUT_HOUSE_ACCESS,
        "referral_criteria": (
            "Nuttig voor alle aanstaande ouders, en zeker als je merkt dat een baby op de buik "
            "of in het bed van de ouders slaapt."
        ),
        "status": "published",
    },
    {
        "organisation": "Kind en Gezin",
        "name": "Kind en Gezin-Lijn",
        "alternate_name": "Telefonische vragenlijn voor ouders",
        "summary": (
            "Heb je een vraag over je baby of peuter, over zwanger zijn of over kinderopvang? "
            "Bel, mail of chat gratis met de Kind en Gezin-Lijn. Ze helpen je ook een afspraak "
            "te maken op het consultatiebureau."
        ),
        "description": (
            "De Kind en Gezin-Lijn beantwoordt vragen van ouders en aanstaande ouders over "
            "gezondheid, voeding, slapen, huilen en opvoeden. Je kan er ook terecht om een "
            "afspraak te maken of te verplaatsen op het consultatiebureau. Zoek je "
            "kinderopvang, dan leggen ze uit hoe je een plaats vindt en wat het kost. Je krijgt "
            "antwoord in eenvoudige taal, en indien nodig met een tolk."
        ),
        "domains": ["gezondheid", "opvoedingsondersteuning", "kinderopvang"],
        "age_groups": ["aanstaand", "0-3"],
        "target_groups": ["aanstaande-ouders", "anderstalige-gezinnen"],
        "for_expecting_parents": True,
        "minimum_age": 0,
        "maximum_age": 3,
        "eligibility_description": (
            "Voor alle (aanstaande) ouders en iedereen die voor een jong kind zorgt."
        ),
        "application_process": "Bel, mail of chat; je hoeft je niet in te schrijven.",
        "schedule_description": "Elke werkdag van 8 tot 20 uur, ook de chat.",
        "is_free": True,
        "price": None,
        "price_description": "Bellen kost het gewone tarief van je telefoonabonnement.",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ALL_SIX,
        "locations": [],
        "languages": ["nl", "fr", "en", "ar", "tr"],
        "url": "https://www.example.be/kind-en-gezin/lijn",
        "email": "lijn@kindengezin.example.be",
        "phone": "03 000 01 00",
        "contact_name": "",
        "contact_title": "",
        "contact_email": "",
        "accessibility": (
            "Telefonisch, per e-mail of via chat. Gesprekken met een tolk zijn mogelijk."
        ),
        "referral_criteria": (
            "Geef het nummer aan ouders van jonge kinderen die niet weten waar ze met een vraag "
            "terecht kunnen, ook buiten de openingsuren van het Huis van het Kind."
        ),
        "status": "published",
    },
    {
        "organisation": "Kraamzorg Landelijke Thuiszorg",
        "name": "Kraamzorg aan huis",
        "alternate_name": "Kraamhulp na de bevalling",
        "summary": (
            "Na de bevalling komt een kraamverzorgster bij je thuis. Ze helpt met de verzorging "
            "van je baby en van jou, geeft tips over borst- of flesvoeding en neemt wat "
            "huishoudelijk werk over."
        ),
        "description": (
            "De eerste weken met een baby zijn mooi, maar ook vermoeiend. Een kraamverzorgster "
            "komt een aantal dagdelen bij je thuis en helpt bij het badje, de voeding en de "
            "verzorging van je wonde of hechtingen. Ze kookt een maaltijd, doet een was en zorgt "
            "dat jij kan rusten. Vraag kraamzorg best aan vanaf de vijfde maand van je "
            "zwangerschap, zodat er zeker iemand vrij is."
        ),
        "domains": ["gezondheid", "opvoedingsondersteuning"],
        "age_groups": ["aanstaand", "0-3"],
        "target_groups": ["aanstaande-ouders", "alleenstaande-ouders"],
        "for_expecting_parents": True,
        "minimum_age": 0,
        "maximum_age": 1,
        "eligibility_description": (
            "Voor gezinnen met een pasgeboren baby, tot zes maanden na de geboorte. Ook na een "
            "adoptie of bij een meerling."
        ),
        "application_process": (
            "Vraag kraamzorg aan tijdens je zwangerschap: bel, mail of kom naar het infomoment "
            "in het Huis van het Kind Kalmthout. Een medewerker komt bij je thuis om alles af "
            "te spreken."
        ),
        "schedule_description": "Op afspraak, overdag op weekdagen; in overleg ook op zaterdag.",
        "is_free": False,
        "price": "9.80",
        "price_description": (
            "Per uur; je betaalt volgens je inkomen. Je ziekenfonds betaalt vaak een deel terug."
        ),
        "social_tariff": True,
        "social_tariff_price": "2.50",
        "social_tariff_description": (
            "Met een verhoogde tegemoetkoming of een laag inkomen betaal je 2,50 euro per uur."
        ),
        "service_areas": [*ALL_SIX, "Essen", "Wuustwezel"],
        "locations": [],
        "languages": ["nl", "en"],
        "url": "https://www.example.be/kraamzorg-landelijke-thuiszorg/kraamzorg",
        "email": "aanvraag@kraamzorg.example.be",
        "phone": "03 000 01 02",
        "contact_name": "Greet Van Gool",
        "contact_title": "Teamleider kraamzorg",
        "contact_email": "greet.vangool@kraamzorg.example.be",
        "accessibility": AT_HOME,
        "referral_criteria": (
            "Verwijs aanstaande ouders met weinig steun thuis, bij een meerling, een keizersnede "
            "of een moeilijke start met borstvoeding."
        ),
        "status": "published",
    },
    {
        "organisation": "Kraamzorg Landelijke Thuiszorg",
        "name": "Infomoment kraamzorg",
        "alternate_name": "",
        "summary": (
            "Ben je zwanger en wil je weten wat kraamzorg is, wat het kost en hoe je het "
            "aanvraagt? Loop gratis binnen op het infomoment in het Huis van het Kind Kalmthout."
        ),
        "description": (
            "Op het infomoment vertelt een kraamverzorgster wat ze voor je gezin kan doen na de "
            "bevalling. Je hoort hoeveel uren je kan krijgen, wat je ziekenfonds terugbetaalt "
            "en hoe je aanvraagt. Je kan je meteen laten inschrijven. Je partner of een andere "
            "steunfiguur is ook welkom."
        ),
        "domains": ["gezondheid"],
        "age_groups": ["aanstaand"],
        "target_groups": ["aanstaande-ouders"],
        "for_expecting_parents": True,
        "minimum_age": None,
        "maximum_age": None,
        "eligibility_description": "Voor aanstaande ouders.",
        "application_process": "Je hoeft geen afspraak te maken; loop gewoon binnen.",
        "schedule_description": "Elke vrijdag van 9 tot 11 uur, zonder afspraak.",
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Kalmthout", "Essen", "Wuustwezel"],
        "locations": ["Kraamzorg in het Huis van het Kind Kalmthout"],
        "languages": ["nl"],
        "url": "https://www.example.be/kraamzorg-landelijke-thuiszorg/infomoment",
        "email": "aanvraag@kraamzorg.example.be",
        "phone": "03 000 01 02",
        "contact_name": "Greet Van Gool",
        "contact_title": "Teamleider kraamzorg",
        "contact_email": "greet.vangool@kraamzorg.example.be",
        "accessibility": KALMTHOUT_HOUSE_ACCESS,
        "referral_criteria": "Voor zwangere vrouwen die nog geen kraamzorg aangevraagd hebben.",
        "status": "published",
    },
    {
        "organisation": "Vrij CLB Antwerpse Kempen",
        "name": "Leerlingenbegeleiding door het CLB",
        "alternate_name": "CLB-begeleiding",
        "summary": (
            "Loopt het niet goed op school, twijfel je over een studiekeuze of zit je kind niet "
            "goed in zijn vel? Het CLB luistert, zoekt mee naar een oplossing en werkt samen met "
            "de school. Gratis en vertrouwelijk."
        ),
        "description": (
            "Het centrum voor leerlingenbegeleiding (CLB) is er voor leerlingen, ouders en "
            "scholen. Je kan er terecht met vragen over leren en studeren, de keuze van een "
            "school of richting, gedrag, pesten, gezondheid of als je kind zich niet goed voelt. "
            "Een CLB-medewerker praat met jou en je kind en zoekt samen met de school wat helpt. "
            "Waar nodig onderzoekt het CLB of je kind extra zorg of aangepast onderwijs nodig "
            "heeft."
        ),
        "domains": ["onderwijs", "welbevinden-jeugdhulp"],
        "age_groups": ["3-6", "6-12", "12-18", "18-25"],
        "target_groups": ["jongeren", "ouders-kind-beperking"],
        "for_expecting_parents": False,
        "minimum_age": 2,
        "maximum_age": 25,
        "eligibility_description": (
            "Voor leerlingen van de scholen die met dit CLB samenwerken, van de kleuterschool "
            "tot het secundair, en voor hun ouders."
        ),
        "application_process": (
            "Bel of mail het CLB, vraag het aan de zorgcoördinator van de school of chat "
            "anoniem met CLBch@t. Leerlingen vanaf 12 jaar mogen zelf contact opnemen."
        ),
        "schedule_description": (
            "Elke werkdag van 8.30 tot 12 uur en op maandag, dinsdag en donderdag ook van 13 "
            "tot 17 uur. Gesprekken op afspraak, ook op school."
        ),
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": [*ALL_SIX, "Brasschaat", "Essen", "Wuustwezel"],
        "locations": ["Vrij CLB Antwerpse Kempen, vestiging Brecht"],
        "languages": ["nl", "fr", "en"],
        "url": "https://www.example.be/vrij-clb-antwerpse-kempen/leerlingenbegeleiding",
        "email": "onthaal@vrijclb.example.be",
        "phone": "03 000 01 03",
        "contact_name": "Bart Peeters",
        "contact_title": "Onthaalmedewerker",
        "contact_email": "bart.peeters@vrijclb.example.be",
        "accessibility": (
            "Gelijkvloers onthaal en gespreksruimtes in Brecht. Gesprekken kunnen ook op school "
            "of online."
        ),
        "referral_criteria": (
            "Verwijs bij leerproblemen, schoolmoeheid, spijbelen of twijfel over de schoolkeuze, "
            "en als je vermoedt dat een kind extra zorg op school nodig heeft."
        ),
        "status": "published",
    },
    {
        "organisation": "Vrij CLB Antwerpse Kempen",
        "name": "Preventief consult voor kleuters",
        "alternate_name": "Medisch onderzoek in de kleuterklas",
        "summary": (
            "Kleuters van 3 en 5 jaar komen op gratis preventief consult bij de schoolarts of "
            "-verpleegkundige. Die kijkt naar groei, ogen, oren, taal en beweging, en jij mag "
            "erbij zijn."
        ),
        "description": (
            "In de eerste en de derde kleuterklas krijgt je kind een uitnodiging voor een "
            "preventief consult van het CLB. De verpleegkundige en de arts meten en wegen je "
            "kind, testen de ogen en het gehoor en kijken hoe je kind praat en beweegt. Voor "
            "kleuters uit Kalmthout gebeurt dat in het Huis van het Kind, zodat je als ouder "
            "makkelijk mee kan komen. Is er iets dat opvolging vraagt, dan bespreekt de arts "
            "het meteen met jou."
        ),
        "domains": ["gezondheid", "onderwijs"],
        "age_groups": ["3-6"],
        "target_groups": [],
        "for_expecting_parents": False,
        "minimum_age": 3,
        "maximum_age": 6,
        "eligibility_description": (
            "Voor kleuters in de eerste en de derde kleuterklas van scholen die met het Vrij "
            "CLB Antwerpse Kempen samenwerken."
        ),
        "application_process": (
            "Je hoeft niets te doen: je krijgt een uitnodiging via de school. Past het moment "
            "niet, bel dan het CLB om te verplaatsen."
        ),
        "schedule_description": "Vrijdagnamiddag van 13.30 tot 16.30 uur, op uitnodiging.",
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Kalmthout"],
        "locations": ["CLB-kleuteronderzoek in het Huis van het Kind Kalmthout"],
        "languages": ["nl"],
        "url": "https://www.example.be/vrij-clb-antwerpse-kempen/kleuteronderzoek",
        "email": "medisch@vrijclb.example.be",
        "phone": "03 000 01 03",
        "contact_name": "Ann Vermeulen",
        "contact_title": "Schoolverpleegkundige",
        "contact_email": "ann.vermeulen@vrijclb.example.be",
        "accessibility": KALMTHOUT_HOUSE_ACCESS,
        "referral_criteria": (
            "Wijs ouders op het consult als je twijfelt over het zicht, het gehoor of de "
            "taalontwikkeling van een kleuter."
        ),
        "status": "published",
    },
    {
        "organisation": "Vrij CLB Antwerpse Kempen",
        "name": "Vaccinaties op school",
        "alternate_name": "Inentingen door het CLB",
        "summary": (
            "Het CLB geeft je kind op school gratis de aanbevolen vaccinaties, bijvoorbeeld "
            "tegen mazelen, kinkhoest en HPV. Jij geeft vooraf toestemming."
        ),
        "description": (
            "Vanaf het eerste leerjaar neemt het CLB de vaccinaties over van het "
            "consultatiebureau. Je kind krijgt de inentingen op school, tijdens een medisch "
            "consult of een vaccinatiemoment. Je krijgt vooraf een brief met uitleg en een "
            "toestemmingsformulier. Heeft je kind een vaccin gemist, dan kan het CLB dat "
            "inhalen."
        ),
        "domains": ["gezondheid", "onderwijs"],
        "age_groups": ["6-12", "12-18"],
        "target_groups": [],
        "for_expecting_parents": False,
        "minimum_age": 6,
        "maximum_age": 15,
        "eligibility_description": (
            "Voor leerlingen van het eerste leerjaar tot het derde jaar secundair."
        ),
        "application_process": (
            "Je krijgt een brief via de school; geef het formulier ingevuld terug."
        ),
        "schedule_description": "Tijdens de schooluren, op de data die de school doorgeeft.",
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": [*ALL_SIX, "Brasschaat", "Essen", "Wuustwezel"],
        "locations": [],
        "languages": ["nl"],
        "url": "https://www.example.be/vrij-clb-antwerpse-kempen/vaccinaties",
        "email": "medisch@vrijclb.example.be",
        "phone": "03 000 01 03",
        "contact_name": "Ann Vermeulen",
        "contact_title": "Schoolverpleegkundige",
        "contact_email": "ann.vermeulen@vrijclb.example.be",
        "accessibility": (
            "Op school. Het CLB houdt rekening met kinderen die bang zijn van prikken."
        ),
        "referral_criteria": (
            "Verwijs ouders die niet zeker zijn of hun schoolkind alle vaccinaties kreeg, of die "
            "nieuw in België zijn."
        ),
        "status": "published",
    },
    {
        "organisation": "1Gezin-1Plan",
        "name": "Gezinscoaching 1Gezin-1Plan",
        "alternate_name": "Gezinscoach aan huis",
        "summary": (
            "Lopen er veel dingen tegelijk moeilijk en zie je door de vele hulpverleners het bos "
            "niet meer? Een gezinscoach brengt alles samen in één plan dat je zelf mee opstelt. "
            "Gratis."
        ),
        "description": (
            "Een gezinscoach van 1Gezin-1Plan komt bij je thuis en luistert naar wat er speelt: "
            "geldzorgen, wonen, werk, opvoeding of gezondheid. Samen maken jullie één "
            "gezinsplan met doelen die jij belangrijk vindt. De coach brengt alle hulpverleners "
            "rond de tafel, zodat je niet telkens je verhaal opnieuw moet doen. Jij beslist wie "
            "er meedoet."
        ),
        "domains": ["welbevinden-jeugdhulp", "opvoedingsondersteuning", "kinderarmoede"],
        "age_groups": ["aanstaand", "0-3", "3-6", "6-12", "12-18"],
        "target_groups": ["kwetsbare-gezinnen", "alleenstaande-ouders", "anderstalige-gezinnen"],
        "for_expecting_parents": True,
        "minimum_age": 0,
        "maximum_age": 18,
        "eligibility_description": (
            "Voor gezinnen met (aanstaande) kinderen tot 18 jaar die met verschillende vragen "
            "tegelijk zitten."
        ),
        "application_process": (
            "Bel of mail zelf, of vraag een hulpverlener, het OCMW of het Huis van het Kind om "
            "je aan te melden. Een coach neemt binnen twee weken contact op."
        ),
        "schedule_description": "Op afspraak, bij je thuis; ook 's avonds als dat beter past.",
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": [*ALL_SIX, "Brasschaat", "Essen", "Kapellen", "Wuustwezel"],
        "locations": [],
        "languages": ["nl", "fr", "en"],
        "url": "https://www.example.be/1gezin-1plan/gezinscoaching",
        "email": "aanmelding@1gezin1plan.example.be",
        "phone": "03 000 01 04",
        "contact_name": "Yasmina El Amrani",
        "contact_title": "Gezinscoach",
        "contact_email": "yasmina.elamrani@1gezin1plan.example.be",
        "accessibility": AT_HOME,
        "referral_criteria": (
            "Meld een gezin aan als er meerdere problemen tegelijk zijn en al verschillende "
            "diensten betrokken zijn, maar niemand het overzicht heeft. Altijd met akkoord van "
            "het gezin."
        ),
        "status": "published",
    },
    {
        "organisation": "CAW Voorkempen",
        "name": "Onthaal CAW zonder afspraak",
        "alternate_name": "Vrij onthaal",
        "summary": (
            "Zit je met vragen over geld, wonen, je relatie of geweld, of gaat het even niet "
            "meer? Loop zonder afspraak binnen bij het CAW. Een hulpverlener luistert en zoekt "
            "met je mee. Gratis."
        ),
        "description": (
            "Bij het onthaal van het Centrum Algemeen Welzijnswerk kan je met elke vraag "
            "terecht. Een hulpverlener luistert naar je verhaal en zoekt samen met jou wat je "
            "nodig hebt: een antwoord, hulp bij papieren, een paar gesprekken of een "
            "doorverwijzing. Je kan ook komen als je thuis niet veilig bent of als je geen dak "
            "boven je hoofd hebt. Wat je vertelt, blijft tussen jou en de hulpverlener."
        ),
        "domains": ["welbevinden-jeugdhulp", "kinderarmoede"],
        "age_groups": ["aanstaand", "0-3", "3-6", "6-12", "12-18", "18-25"],
        "target_groups": ["kwetsbare-gezinnen", "alleenstaande-ouders", "anderstalige-gezinnen"],
        "for_expecting_parents": True,
        "minimum_age": None,
        "maximum_age": None,
        "eligibility_description": "Voor iedereen, met of zonder kinderen.",
        "application_process": "Loop binnen tijdens de onthaaluren, bel of chat met het CAW.",
        "schedule_description": (
            "Zoersel: maandag- en donderdagvoormiddag en woensdagnamiddag. Brecht: "
            "dinsdagvoormiddag zonder afspraak, donderdagnamiddag op afspraak."
        ),
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": [*ALL_SIX, "Brasschaat", "Malle"],
        "locations": ["CAW Voorkempen, onthaal Zoersel", "CAW Voorkempen, onthaal Brecht"],
        "languages": ["nl", "fr", "en", "ar"],
        "url": "https://www.example.be/caw-voorkempen/onthaal",
        "email": "onthaal@caw-voorkempen.example.be",
        "phone": "03 000 01 05",
        "contact_name": "Tom Jacobs",
        "contact_title": "Onthaalmedewerker",
        "contact_email": "tom.jacobs@caw-voorkempen.example.be",
        "accessibility": (
            "Beide onthaalpunten zijn toegankelijk met een rolstoel. Er is een discrete "
            "wachtruimte."
        ),
        "referral_criteria": (
            "Verwijs bij relatieproblemen, geweld in het gezin, dreigende uithuiszetting of "
            "dakloosheid, of als iemand niet weet waar hij met zijn vraag heen moet."
        ),
        "status": "published",
    },
    {
        "organisation": "CAW Voorkempen",
        "name": "Budgetbegeleiding en schuldhulp",
        "alternate_name": "Hulp bij geldzorgen",
        "summary": (
            "Kom je op het einde van de maand niet rond of stapelen de rekeningen zich op? "
            "Samen met een budgetbegeleider maak je een overzicht, zoek je naar oplossingen "
            "voor schulden en leer je je budget plannen."
        ),
        "description": (
            "Geldzorgen wegen zwaar op een gezin. Een budgetbegeleider van het CAW kijkt samen "
            "met jou naar je inkomsten en uitgaven en zoekt waar je recht op hebt, zoals een "
            "sociaal tarief of een toelage. Heb je schulden, dan neemt het CAW contact op met "
            "je schuldeisers en maakt het een afbetalingsplan. Je blijft zelf baas over je geld."
        ),
        "domains": ["kinderarmoede", "welbevinden-jeugdhulp"],
        "age_groups": ["aanstaand", "0-3", "3-6", "6-12", "12-18", "18-25"],
        "target_groups": ["kwetsbare-gezinnen", "alleenstaande-ouders"],
        "for_expecting_parents": True,
        "minimum_age": None,
        "maximum_age": None,
        "eligibility_description": "Voor iedereen die geldzorgen of schulden heeft.",
        "application_process": (
            "Kom langs op het onthaal of bel voor een eerste gesprek. Breng je laatste "
            "rekeningen en loonbrieven of uitkeringsattesten mee."
        ),
        "schedule_description": "Op afspraak, in Zoersel of Brecht.",
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": [*ALL_SIX, "Brasschaat", "Malle"],
        "locations": ["CAW Voorkempen, onthaal Zoersel", "CAW Voorkempen, onthaal Brecht"],
        "languages": ["nl", "fr", "en"],
        "url": "https://www.example.be/caw-voorkempen/budgetbegeleiding",
        "email": "budget@caw-voorkempen.example.be",
        "phone": "03 000 01 05",
        "contact_name": "Inge Michiels",
        "contact_title": "Budgetbegeleider",
        "contact_email": "inge.michiels@caw-voorkempen.example.be",
        "accessibility": "Beide onthaalpunten zijn toegankelijk met een rolstoel.",
        "referral_criteria": (
            "Verwijs gezinnen met onbetaalde facturen (ook schoolfacturen), betalingsachterstand "
            "of deurwaarders, bij voorkeur voor de schulden te hoog oplopen."
        ),
        "status": "published",
    },
    {
        "organisation": "CAW Voorkempen",
        "name": "JAC Voorkempen: praten met een jongerenwerker",
        "alternate_name": "Jongerenadviescentrum",
        "summary": (
            "Ben je tussen 12 en 25 jaar en zit je met iets over thuis, school, liefde, geld of "
            "hoe je je voelt? Bij het JAC praat je gratis en anoniem met een jongerenwerker, "
            "ook via chat."
        ),
        "description": (
            "Het JAC is het jongerenadviescentrum van het CAW. Je kan er binnenlopen, bellen of "
            "chatten met een jongerenwerker die naar je luistert zonder te oordelen. Samen "
            "zoeken jullie naar een oplossing, bijvoorbeeld als je thuis wil weggaan, ruzie "
            "hebt of schulden maakt. Je ouders hoeven het niet te weten als je dat niet wil."
        ),
        "domains": ["welbevinden-jeugdhulp"],
        "age_groups": ["12-18", "18-25"],
        "target_groups": ["jongeren"],
        "for_expecting_parents": False,
        "minimum_age": 12,
        "maximum_age": 25,
        "eligibility_description": "Voor jongeren van 12 tot 25 jaar.",
        "application_process": "Loop binnen, bel of chat. Je hoeft je naam niet te zeggen.",
        "schedule_description": (
            "Woensdagnamiddag van 13.30 tot 16.30 uur in Zoersel; de chat is elke werkdag open "
            "van 16 tot 21 uur."
        ),
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": [*REGION_FIVE, "Malle"],
        "locations": ["CAW Voorkempen, onthaal Zoersel"],
        "languages": ["nl", "en"],
        "url": "https://www.example.be/caw-voorkempen/jac",
        "email": "jac@caw-voorkempen.example.be",
        "phone": "03 000 01 25",
        "contact_name": "Lotte Hermans",
        "contact_title": "Jongerenwerker",
        "contact_email": "lotte.hermans@caw-voorkempen.example.be",
        "accessibility": "Gelijkvloers, toegankelijk met een rolstoel. Ook anoniem via chat.",
        "referral_criteria": (
            "Verwijs jongeren die thuis vastlopen, dreigen weg te lopen of niet weten bij wie ze "
            "terechtkunnen, ook als ze hun ouders er (nog) niet bij willen."
        ),
        "status": "published",
    },
    # --- Partners of Huis van het Kind Kalmthout ------------------------------------------
    {
        "organisation": "Kind en Preventie",
        "name": "Consultatiebureau Kind en Preventie",
        "alternate_name": "Woensdagconsult voor baby's en peuters",
        "summary": (
            "Op woensdagvoormiddag kan je met je baby of peuter gratis op consultatie bij een "
            "arts van Kind en Preventie. Je kind wordt gewogen, gemeten en gevaccineerd."
        ),
        "description": (
            "Kind en Preventie organiseert samen met Kind en Gezin een extra consultatiemoment "
            "in het Huis van het Kind Kalmthout. Een arts volgt de groei en de ontwikkeling van "
            "je kind op en geeft de vaccinaties volgens het basisschema. Vrijwilligers ontvangen "
            "je en wegen en meten je kind. In de wachtruimte kan je een babbel slaan met andere "
            "ouders, terwijl de kinderen spelen."
        ),
        "domains": ["gezondheid"],
        "age_groups": ["0-3"],
        "target_groups": [],
        "for_expecting_parents": False,
        "minimum_age": 0,
        "maximum_age": 3,
        "eligibility_description": "Voor alle kinderen van 0 tot 3 jaar uit Kalmthout.",
        "application_process": (
            "Maak een afspraak via de Kind en Gezin-Lijn of aan het onthaal van het Huis van "
            "het Kind."
        ),
        "schedule_description": "Woensdag van 9 tot 11.30 uur, op afspraak.",
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Kalmthout"],
        "locations": ["Consultatiebureau Kind en Preventie Kalmthout"],
        "languages": ["nl", "en"],
        "url": "https://www.example.be/kind-en-preventie/consultatie",
        "email": "kalmthout@kindenpreventie.example.be",
        "phone": "03 000 01 06",
        "contact_name": "Dr. Marleen Verhaegen",
        "contact_title": "Consultatiearts",
        "contact_email": "marleen.verhaegen@kindenpreventie.example.be",
        "accessibility": KALMTHOUT_HOUSE_ACCESS,
        "referral_criteria": (
            "Voor ouders die op dinsdag of donderdag niet kunnen; verwijs gezinnen die nog niet "
            "op consultatie komen."
        ),
        "status": "published",
    },
    {
        "organisation": "Kind en Preventie",
        "name": "Speelbabbel",
        "alternate_name": "Ontmoetingsmoment voor ouders met kinderen van 0 tot 3 jaar",
        "summary": (
            "Kom met je kindje van 0 tot 3 jaar spelen en babbelen met andere ouders, bij een "
            "tas koffie. Gratis en zonder inschrijven, ook met een broertje of zusje."
        ),
        "description": (
            "De Speelbabbel is een gezellig ontmoetingsmoment in het Huis van het Kind. Terwijl "
            "de kleintjes spelen in een veilige speelhoek, praat je met andere ouders over wat "
            "je bezighoudt: slapen, eten, huilen of gewoon hoe het met je gaat. Een vrijwilliger "
            "en een medewerker van het Huis van het Kind zijn er altijd bij en helpen je verder "
            "als je een vraag hebt. Ook grootouders, onthaalouders en aanstaande ouders zijn "
            "welkom."
        ),
        "domains": ["vrije-tijd-ontmoeting", "opvoedingsondersteuning", "huis"],
        "age_groups": ["aanstaand", "0-3"],
        "target_groups": ["aanstaande-ouders", "grootouders", "anderstalige-gezinnen"],
        "for_expecting_parents": True,
        "minimum_age": 0,
        "maximum_age": 3,
        "eligibility_description": (
            "Voor iedereen die zorgt voor een kind van 0 tot 3 jaar, en voor aanstaande ouders."
        ),
        "application_process": "Je hoeft je niet in te schrijven; kom gewoon binnen.",
        "schedule_description": "De eerste zaterdag van de maand van 9.30 tot 11.30 uur.",
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Kalmthout"],
        "locations": [HVHK_KALMTHOUT],
        "languages": ["nl", "en"],
        "url": "https://www.example.be/huis-van-het-kind-kalmthout/speelbabbel",
        "email": "speelbabbel@kalmthout.example.be",
        "phone": "03 000 00 10",
        "contact_name": "Els Van den Broeck",
        "contact_title": "Coördinator Huis van het Kind Kalmthout",
        "contact_email": "coordinator@kalmthout.example.be",
        "accessibility": KALMTHOUT_HOUSE_ACCESS,
        "referral_criteria": (
            "Nodig jonge ouders uit die zich alleen voelen, nieuw zijn in de gemeente of weinig "
            "contact hebben met andere gezinnen."
        ),
        "status": "published",
    },
    {
        "organisation": "Kind en Preventie",
        "name": "Babymassage",
        "alternate_name": "Workshop babymassage",
        "summary": (
            "Leer je baby masseren in vier rustige sessies. Massage helpt bij krampjes en "
            "onrust en is een mooi moment van contact met je kindje."
        ),
        "description": (
            "Een begeleider met een opleiding babymassage toont je stap voor stap hoe je je "
            "baby masseert: de beentjes, het buikje, de rug en het gezichtje. Je leert ook hoe "
            "je de signalen van je baby leest en wanneer je beter stopt. Massage kan helpen "
            "bij krampjes, huilen en slapen. Breng een handdoek en een extra luier mee; de "
            "olie krijg je van ons."
        ),
        "domains": ["gezondheid", "opvoedingsondersteuning", "vrije-tijd-ontmoeting"],
        "age_groups": ["0-3"],
        "target_groups": [],
        "for_expecting_parents": False,
        "minimum_age": 0,
        "maximum_age": 1,
        "eligibility_description": "Voor ouders met een baby van 6 weken tot 6 maanden.",
        "application_process": (
            "Schrijf je in aan het onthaal van het Huis van het Kind of via de website. Je "
            "schrijft je in voor de vier sessies samen."
        ),
        "schedule_description": "Vier woensdagnamiddagen na elkaar, van 13.30 tot 14.30 uur.",
        "is_free": False,
        "price": "20.00",
        "price_description": "Voor de reeks van vier sessies, massageolie inbegrepen.",
        "social_tariff": True,
        "social_tariff_price": "4.00",
        "social_tariff_description": "Met een UiTPAS met kansentarief betaal je 4 euro.",
        "service_areas": ["Kalmthout"],
        "locations": [HVHK_KALMTHOUT],
        "languages": ["nl"],
        "url": "https://www.example.be/kind-en-preventie/babymassage",
        "email": "kalmthout@kindenpreventie.example.be",
        "phone": "03 000 01 06",
        "contact_name": "Kathleen Smets",
        "contact_title": "Vrijwilliger en begeleider babymassage",
        "contact_email": "kathleen.smets@kindenpreventie.example.be",
        "accessibility": KALMTHOUT_HOUSE_ACCESS,
        "referral_criteria": (
            "Een aanrader bij huilbaby's, krampjes of als het contact tussen ouder en baby wat "
            "moeizaam loopt."
        ),
        "status": "published",
    },
    {
        "organisation": "Lokaal Loket Kinderopvang Kalmthout",
        "name": "Hulp bij het zoeken naar kinderopvang",
        "alternate_name": "Lokaal Loket Kinderopvang",
        "summary": (
            "Zoek je een crèche, een kinderdagverblijf of een onthaalouder voor je baby of "
            "peuter, of opvang voor je schoolkind? Het Lokaal Loket zoekt gratis met je mee naar "
            "een plaats die bij je gezin past."
        ),
        "description": (
            "Het Lokaal Loket Kinderopvang geeft je een overzicht van alle kinderopvang in "
            "Kalmthout: kinderdagverblijven, onthaalouders en buitenschoolse opvang. Je vult "
            "één aanvraag in en wij zoeken samen met de opvanglocaties naar een vrije plaats. "
            "We leggen uit hoeveel opvang kost en hoe het inkomenstarief werkt. Zoek je opvang "
            "omdat je werk zoekt of een opleiding start, dan krijg je voorrang. Zoek best al "
            "vanaf je derde maand zwangerschap."
        ),
        "domains": ["kinderopvang", "kinderarmoede"],
        "age_groups": ["aanstaand", "0-3", "3-6", "6-12"],
        "target_groups": ["aanstaande-ouders", "kwetsbare-gezinnen", "alleenstaande-ouders"],
        "for_expecting_parents": True,
        "minimum_age": 0,
        "maximum_age": 12,
        "eligibility_description": (
            "Voor (aanstaande) ouders die in Kalmthout wonen of werken en opvang zoeken voor een "
            "kind tot 12 jaar."
        ),
        "application_process": (
            "Vul het aanvraagformulier in op de website of kom langs tijdens de permanentie. "
            "Hulp nodig bij het invullen? Een medewerker doet het samen met jou."
        ),
        "schedule_description": (
            "Permanentie in het Huis van het Kind op maandag en woensdag van 9 tot 12 uur en "
            "op donderdag van 16 tot 19 uur."
        ),
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Kalmthout"],
        "locations": ["Lokaal Loket Kinderopvang in het Huis van het Kind Kalmthout"],
        "languages": ["nl", "fr", "en"],
        "url": "https://www.example.be/lokaal-loket-kinderopvang-kalmthout",
        "email": "kinderopvang@kalmthout.example.be",
        "phone": "03 000 01 07",
        "contact_name": "Nathalie Wouters",
        "contact_title": "Coördinator Lokaal Loket Kinderopvang",
        "contact_email": "kinderopvang@kalmthout.example.be",
        "accessibility": KALMTHOUT_HOUSE_ACCESS,
        "referral_criteria": (
            "Verwijs alle (aanstaande) ouders die opvang zoeken, en zeker ouders die werk zoeken, "
            "een opleiding volgen of het Nederlands nog niet goed beheersen."
        ),
        "status": "published",
    },
    {
        "organisation": "Lokaal Loket Kinderopvang Kalmthout",
        "name": "Dringende kinderopvang",
        "alternate_name": "Noodopvang",
        "summary": (
            "Heb je plots opvang nodig, omdat je werk vindt, een opleiding start of in een "
            "crisis zit? Het Lokaal Loket zoekt snel een tijdelijke plaats bij een "
            "kinderdagverblijf of onthaalouder."
        ),
        "description": (
            "De kinderopvanglocaties in Kalmthout houden samen een paar plaatsen vrij voor "
            "dringende opvangvragen. Het Lokaal Loket bekijkt met jou wat je nodig hebt en "
            "zoekt binnen enkele dagen een plaats. De opvang is tijdelijk; ondertussen zoeken "
            "we mee naar een vaste plaats. Ook hulpverleners kunnen een dringende vraag "
            "doorgeven."
        ),
        "domains": ["kinderopvang", "kinderarmoede"],
        "age_groups": ["0-3", "3-6"],
        "target_groups": ["kwetsbare-gezinnen", "alleenstaande-ouders"],
        "for_expecting_parents": False,
        "minimum_age": 0,
        "maximum_age": 6,
        "eligibility_description": (
            "Voor gezinnen uit Kalmthout die om een dringende reden snel opvang nodig hebben, "
            "bijvoorbeeld werk, een opleiding, ziekte of een crisis in het gezin."
        ),
        "application_process": (
            "Bel het Lokaal Loket of vraag je hulpverlener om dat te doen. Vertel waarom de "
            "opvang dringend is."
        ),
        "schedule_description": "Elke werkdag bereikbaar van 9 tot 12 uur.",
        "is_free": False,
        "price": "34.26",
        "price_description": (
            "Per volle dag; je betaalt volgens je inkomen, vanaf 5,92 euro per dag."
        ),
        "social_tariff": True,
        "social_tariff_price": "3.85",
        "social_tariff_description": (
            "Het OCMW kan een verlaagd tarief of de volledige kost betalen als je het financieel "
            "moeilijk hebt."
        ),
        "service_areas": ["Kalmthout"],
        "locations": ["Lokaal Loket Kinderopvang in het Huis van het Kind Kalmthout"],
        "languages": ["nl", "fr", "en"],
        "url": "https://www.example.be/lokaal-loket-kinderopvang-kalmthout/dringende-opvang",
        "email": "kinderopvang@kalmthout.example.be",
        "phone": "03 000 01 07",
        "contact_name": "Nathalie Wouters",
        "contact_title": "Coördinator Lokaal Loket Kinderopvang",
        "contact_email": "kinderopvang@kalmthout.example.be",
        "accessibility": KALMTHOUT_HOUSE_ACCESS,
        "referral_criteria": (
            "Bel zelf het Lokaal Loket als een gezin door een crisis, een opname of een "
            "onverwachte job binnen enkele dagen opvang nodig heeft."
        ),
        "status": "published",
    },
    {
        "organisation": "Landelijke Kinderopvang Stekelbees",
        "name": "Opvang bij een onthaalouder of in een kleine groep",
        "alternate_name": "Gezinsopvang Stekelbees",
        "summary": (
            "Warme opvang voor je baby of peuter bij een onthaalouder thuis of in een "
            "kinderdagverblijf met een kleine groep. Je betaalt volgens je inkomen."
        ),
        "description": (
            "Bij Stekelbees zorgen onthaalouders voor hooguit acht kinderen in een huiselijke "
            "sfeer, bij hen thuis. In de opvang aan de Kapellensteenweg zijn er kleine groepen "
            "met vaste begeleiders. Je kind krijgt een rustige wenperiode en een vaste "
            "dagindeling. Een consulent van Stekelbees begeleidt de onthaalouders en is er ook "
            "voor jouw vragen."
        ),
        "domains": ["kinderopvang"],
        "age_groups": ["0-3"],
        "target_groups": [],
        "for_expecting_parents": True,
        "minimum_age": 0,
        "maximum_age": 3,
        "eligibility_description": (
            "Voor kinderen van enkele maanden oud tot ze naar de kleuterschool gaan."
        ),
        "application_process": (
            "Vraag een plaats aan via het Lokaal Loket Kinderopvang of kom langs bij het "
            "onthaal van Stekelbees in het Huis van het Kind."
        ),
        "schedule_description": "Op weekdagen van 7 tot 18.30 uur, behalve op feestdagen.",
        "is_free": False,
        "price": "34.26",
        "price_description": (
            "Per volle dag; inkomenstarief tussen 5,92 en 34,26 euro. Halve dagen kosten 60 "
            "procent."
        ),
        "social_tariff": True,
        "social_tariff_price": "3.85",
        "social_tariff_description": (
            "Met een attest van het OCMW of een verhoogde tegemoetkoming betaal je een "
            "individueel verlaagd tarief."
        ),
        "service_areas": ["Kalmthout"],
        "locations": [
            "Kinderopvang Stekelbees",
            "Onthaal Stekelbees in het Huis van het Kind Kalmthout",
        ],
        "languages": ["nl"],
        "url": "https://www.example.be/stekelbees/onthaalouders",
        "email": "info@stekelbees.example.be",
        "phone": "03 000 01 08",
        "contact_name": "Marijke Van Looy",
        "contact_title": "Consulent gezinsopvang",
        "contact_email": "marijke.vanlooy@stekelbees.example.be",
        "accessibility": (
            "De groepsopvang is gelijkvloers. Onthaalouders werken bij hen thuis; vraag naar "
            "de toegankelijkheid als je kind extra zorg nodig heeft."
        ),
        "referral_criteria": (
            "Verwijs gezinnen die een kleinschalige, huiselijke opvang zoeken, ook voor kinderen "
            "die extra zorg nodig hebben."
        ),
        "status": "published",
    },
    {
        "organisation": "Landelijke Kinderopvang Stekelbees",
        "name": "Vakantieopvang voor kleuters en lagereschoolkinderen",
        "alternate_name": "",
        "summary": (
            "Tijdens de schoolvakanties en op vrije dagen vangt Stekelbees kleuters en kinderen "
            "van de lagere school op, met spel, uitstappen en een rustige hoek."
        ),
        "description": (
            "Als de school dicht is en je moet werken, kan je kind bij Stekelbees terecht. Er "
            "is elke dag een activiteit: knutselen, bos- en speelspelen of een uitstap in de "
            "buurt. Kinderen die willen rusten, vinden een rustige hoek. Je schrijft in per dag "
            "en betaalt alleen de dagen die je kind komt."
        ),
        "domains": ["kinderopvang", "vrije-tijd-ontmoeting"],
        "age_groups": ["3-6", "6-12"],
        "target_groups": [],
        "for_expecting_parents": False,
        "minimum_age": 3,
        "maximum_age": 12,
        "eligibility_description": "Voor kinderen van de kleuter- en de lagere school.",
        "application_process": (
            "Schrijf in via het ouderportaal van Stekelbees, vanaf zes weken voor de vakantie."
        ),
        "schedule_description": (
            "Op werkdagen tijdens de schoolvakanties en op vrije dagen, van 7 tot 18.30 uur."
        ),
        "is_free": False,
        "price": "14.00",
        "price_description": "Per dag; voor een halve dag betaal je 8 euro.",
        "social_tariff": True,
        "social_tariff_price": "3.50",
        "social_tariff_description": "Met een UiTPAS met kansentarief betaal je 3,50 euro per dag.",
        "service_areas": ["Kalmthout"],
        "locations": ["Kinderopvang Stekelbees"],
        "languages": ["nl"],
        "url": "https://www.example.be/stekelbees/vakantieopvang",
        "email": "vakantie@stekelbees.example.be",
        "phone": "03 000 01 08",
        "contact_name": "Marijke Van Looy",
        "contact_title": "Consulent gezinsopvang",
        "contact_email": "marijke.vanlooy@stekelbees.example.be",
        "accessibility": "Gelijkvloers met een aangepast toilet.",
        "referral_criteria": ("Voor werkende ouders die tijdens de vakanties geen opvang vinden."),
        "status": "published",
    },
    {
        "organisation": "Opvoedingswinkel OLO Brasschaat",
        "name": "Spreekuur van de Opvoedingswinkel",
        "alternate_name": "Opvoedingsgesprek zonder afspraak",
        "summary": (
            "Zit je met een vraag over opvoeden, zoals driftbuien, slapen, eten of schermtijd? "
            "Kom gratis langs op het spreekuur. Een opvoedingsondersteuner luistert en denkt met "
            "je mee."
        ),
        "description": (
            "Elke woensdag houdt de Opvoedingswinkel spreekuur in het Huis van het Kind "
            "Kalmthout. Je kan er zonder afspraak binnenlopen met elke vraag over het opvoeden "
            "van je kind, van baby tot puber. Samen kijken jullie wat er speelt en wat je kan "
            "proberen. Als je wil, volgen er een paar gesprekken; je kan ook bellen of mailen."
        ),
        "domains": ["opvoedingsondersteuning"],
        "age_groups": ["0-3", "3-6", "6-12", "12-18"],
        "target_groups": ["grootouders", "alleenstaande-ouders"],
        "for_expecting_parents": False,
        "minimum_age": 0,
        "maximum_age": 18,
        "eligibility_description": ("Voor ouders, grootouders en iedereen die een kind opvoedt."),
        "application_process": "Zonder afspraak; bellen of mailen mag ook.",
        "schedule_description": "Elke woensdag van 13.30 tot 17 uur in Kalmthout.",
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Kalmthout", "Brasschaat", "Kapellen", "Essen", "Wuustwezel"],
        "locations": [
            "Spreekuur Opvoedingswinkel in het Huis van het Kind Kalmthout",
            "Opvoedingswinkel OLO Brasschaat",
        ],
        "languages": ["nl", "en"],
        "url": "https://www.example.be/opvoedingswinkel-olo/spreekuur",
        "email": "vragen@opvoedingswinkel.example.be",
        "phone": "03 000 01 09",
        "contact_name": "Griet Wuyts",
        "contact_title": "Opvoedingsondersteuner",
        "contact_email": "griet.wuyts@opvoedingswinkel.example.be",
        "accessibility": KALMTHOUT_HOUSE_ACCESS,
        "referral_criteria": (
            "Voor alledaagse opvoedingsvragen die wat aandacht nodig hebben, maar (nog) geen "
            "hulpverlening."
        ),
        "status": "published",
    },
    {
        "organisation": "Opvoedingswinkel OLO Brasschaat",
        "name": "Groepssessie slaapproblemen bij peuters",
        "alternate_name": "Oudergroep: mijn peuter slaapt niet",
        "summary": (
            "Wil je peuter niet gaan slapen of wordt hij 's nachts vaak wakker? In deze "
            "groepssessie krijg je uitleg en praktische tips en wissel je ervaringen uit met "
            "andere ouders."
        ),
        "description": (
            "Slaapproblemen bij peuters komen veel voor en kunnen een heel gezin uitputten. Een "
            "opvoedingsondersteuner legt uit hoe de slaap van jonge kinderen werkt en waarom "
            "een vast ritueel helpt. Je krijgt tips voor het inslapen, het doorslapen en "
            "nachtmerries. Je maakt een eigen plan voor thuis en kan een maand later terugkomen "
            "om te vertellen hoe het gaat."
        ),
        "domains": ["opvoedingsondersteuning", "gezondheid"],
        "age_groups": ["0-3", "3-6"],
        "target_groups": [],
        "for_expecting_parents": False,
        "minimum_age": 1,
        "maximum_age": 4,
        "eligibility_description": "Voor ouders van kinderen van 1 tot 4 jaar.",
        "application_process": (
            "Schrijf je in via de website of aan het onthaal van het Huis van het Kind. "
            "Maximum twaalf ouders per sessie."
        ),
        "schedule_description": (
            "Twee keer per jaar, op een donderdagavond van 19.30 tot 21.30 uur, met een "
            "terugkommoment een maand later."
        ),
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Kalmthout", "Brasschaat", "Kapellen", "Essen", "Wuustwezel"],
        "locations": [HVHK_KALMTHOUT],
        "languages": ["nl"],
        "url": "https://www.example.be/opvoedingswinkel-olo/slaapproblemen",
        "email": "vragen@opvoedingswinkel.example.be",
        "phone": "03 000 01 09",
        "contact_name": "Griet Wuyts",
        "contact_title": "Opvoedingsondersteuner",
        "contact_email": "griet.wuyts@opvoedingswinkel.example.be",
        "accessibility": KALMTHOUT_HOUSE_ACCESS,
        "referral_criteria": (
            "Verwijs ouders die uitgeput zijn door het slaapgedrag van hun peuter. Bij "
            "medische klachten eerst naar de huisarts of het consultatiebureau."
        ),
        "status": "published",
    },
    {
        "organisation": "Opvoedingswinkel OLO Brasschaat",
        "name": "Cursus Pubers in huis",
        "alternate_name": "Oudercursus puberteit",
        "summary": (
            "Je kind wordt een puber en alles lijkt te veranderen. In vier avonden leer je hoe "
            "je in verbinding blijft, grenzen stelt en omgaat met ruzies over gsm en uitgaan."
        ),
        "description": (
            "In deze cursus voor ouders van kinderen van 11 tot 16 jaar hoor je wat er in het "
            "hoofd van een puber gebeurt. Je oefent hoe je een gesprek aangaat zonder dat het "
            "op ruzie uitdraait en hoe je afspraken maakt over schermtijd, uitgaan en school. "
            "Je deelt ervaringen met andere ouders die met hetzelfde zitten. De cursus wordt "
            "begeleid door twee opvoedingsondersteuners."
        ),
        "domains": ["opvoedingsondersteuning"],
        "age_groups": ["6-12", "12-18"],
        "target_groups": ["alleenstaande-ouders"],
        "for_expecting_parents": False,
        "minimum_age": 11,
        "maximum_age": 16,
        "eligibility_description": "Voor ouders van kinderen van 11 tot 16 jaar.",
        "application_process": "Schrijf je in via de website; de plaatsen zijn beperkt.",
        "schedule_description": "Vier dinsdagavonden in het voorjaar, van 19.30 tot 22 uur.",
        "is_free": False,
        "price": "30.00",
        "price_description": "Voor de volledige cursus van vier avonden, met cursusmap.",
        "social_tariff": True,
        "social_tariff_price": "6.00",
        "social_tariff_description": "Met een UiTPAS met kansentarief betaal je 6 euro.",
        "service_areas": ["Kalmthout", "Brasschaat", "Kapellen", "Essen", "Wuustwezel"],
        "locations": ["Opvoedingswinkel OLO Brasschaat"],
        "languages": ["nl"],
        "url": "https://www.example.be/opvoedingswinkel-olo/pubers",
        "email": "cursus@opvoedingswinkel.example.be",
        "phone": "03 000 01 09",
        "contact_name": "Dirk Van Camp",
        "contact_title": "Opvoedingsondersteuner",
        "contact_email": "dirk.vancamp@opvoedingswinkel.example.be",
        "accessibility": "Het lokaal is bereikbaar met een lift.",
        "referral_criteria": (
            "Voor ouders die vastlopen in de communicatie met hun tiener, zonder dat er sprake "
            "is van ernstige gedragsproblemen."
        ),
        "status": "published",
    },
    {
        "organisation": "Opvoedingspunt Kalmthout",
        "name": "Opvoedingsgesprekken",
        "alternate_name": "Opvoedingsondersteuning voor ouders van kinderen vanaf 3 jaar",
        "summary": (
            "Maak je je zorgen over het gedrag van je kind, zijn er vaak ruzies of weet je het "
            "even niet meer? Bij het Opvoedingspunt kan je gratis praten en samen zoeken naar "
            "wat werkt."
        ),
        "description": (
            "Het Opvoedingspunt is er voor ouders van kleuters, schoolkinderen en pubers. In een "
            "paar gesprekken kijken we samen naar de situatie thuis en naar wat je al "
            "geprobeerd hebt. Je krijgt praktische tips en we oefenen als je dat wil. Denken we "
            "dat een andere dienst je beter kan helpen, dan zoeken we die samen met jou."
        ),
        "domains": ["opvoedingsondersteuning"],
        "age_groups": ["3-6", "6-12", "12-18"],
        "target_groups": ["alleenstaande-ouders", "grootouders"],
        "for_expecting_parents": False,
        "minimum_age": 3,
        "maximum_age": 18,
        "eligibility_description": "Voor ouders van kinderen van 3 tot 18 jaar uit Kalmthout.",
        "application_process": (
            "Bel of mail voor een afspraak, of spreek ons aan aan de schoolpoort."
        ),
        "schedule_description": (
            "Op afspraak in het Huis van het Kind, ook op donderdagavond tot 19 uur."
        ),
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Kalmthout"],
        "locations": ["Opvoedingspunt in het Huis van het Kind Kalmthout"],
        "languages": ["nl", "en"],
        "url": "https://www.example.be/opvoedingspunt-kalmthout/gesprekken",
        "email": "opvoedingspunt@kalmthout.example.be",
        "phone": "03 000 01 10",
        "contact_name": "Sofie Mertens",
        "contact_title": "Opvoedingsondersteuner",
        "contact_email": "opvoedingspunt@kalmthout.example.be",
        "accessibility": KALMTHOUT_HOUSE_ACCESS,
        "referral_criteria": (
            "Verwijs ouders met opvoedingsvragen die meer vragen dan een tip, zoals "
            "driftbuien, ruzies tussen broers en zussen of weigergedrag."
        ),
        "status": "published",
    },
    {
        "organisation": "Opvoedingspunt Kalmthout",
        "name": "Workshop zindelijk worden",
        "alternate_name": "Potjestraining: afscheid van de pamper",
        "summary": (
            "Wanneer is je kind klaar om zonder pamper te gaan, en hoe pak je het aan? In deze "
            "gratis workshop krijg je tips voor de potjestraining en tips als het niet lukt."
        ),
        "description": (
            "Zindelijk worden is een grote stap, voor je kind en voor jou. In deze workshop hoor "
            "je aan welke signalen je ziet dat je kind er klaar voor is, hoe je het potje of het "
            "toilet leuk maakt en hoe je reageert op ongelukjes. We praten ook over "
            "zindelijkheid 's nachts en over kinderen die terugvallen. Ideaal als je kind "
            "binnenkort naar de kleuterschool gaat."
        ),
        "domains": ["opvoedingsondersteuning", "gezondheid"],
        "age_groups": ["0-3", "3-6"],
        "target_groups": [],
        "for_expecting_parents": False,
        "minimum_age": 2,
        "maximum_age": 4,
        "eligibility_description": "Voor ouders van kinderen van 2 tot 4 jaar.",
        "application_process": (
            "Schrijf je in via de website of aan het onthaal van het Huis van het Kind."
        ),
        "schedule_description": ("Drie keer per jaar op een maandagavond van 19.30 tot 21 uur."),
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Kalmthout"],
        "locations": [HVHK_KALMTHOUT],
        "languages": ["nl"],
        "url": "https://www.example.be/opvoedingspunt-kalmthout/zindelijkheid",
        "email": "opvoedingspunt@kalmthout.example.be",
        "phone": "03 000 01 10",
        "contact_name": "Jonas Goossens",
        "contact_title": "Opvoedingsondersteuner",
        "contact_email": "jonas.goossens@kalmthout.example.be",
        "accessibility": KALMTHOUT_HOUSE_ACCESS,
        "referral_criteria": (
            "Voor ouders met vragen over zindelijkheid voor de start in de kleuterschool. Bij "
            "medische vragen eerst naar de huisarts of het consultatiebureau."
        ),
        "status": "published",
    },
    {
        "organisation": "Opvoedingspunt Kalmthout",
        "name": "Opvoedingspunt aan de schoolpoort",
        "alternate_name": "Ouderavonden op school",
        "summary": (
            "Het Opvoedingspunt komt naar de school van je kind: voor een babbel aan de "
            "schoolpoort of een ouderavond over thema's als slapen, schermtijd en ruzie tussen "
            "broers en zussen."
        ),
        "description": (
            "Een opvoedingsondersteuner staat regelmatig aan de schoolpoort van de basisscholen "
            "in Kalmthout. Je kan er kort een vraag stellen of een afspraak maken voor een "
            "gesprek. Samen met de scholen organiseren we ook ouderavonden over thema's die "
            "ouders zelf kiezen. De avonden zijn gratis en er is opvang voor de kinderen."
        ),
        "domains": ["opvoedingsondersteuning", "onderwijs"],
        "age_groups": ["3-6", "6-12"],
        "target_groups": [],
        "for_expecting_parents": False,
        "minimum_age": 3,
        "maximum_age": 12,
        "eligibility_description": "Voor ouders van kinderen in de basisscholen van Kalmthout.",
        "application_process": (
            "Je hoeft je niet in te schrijven; de school laat weten wanneer we er zijn."
        ),
        "schedule_description": (
            "Om de twee weken aan een andere school; de data staan op de website."
        ),
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Kalmthout"],
        "locations": [],
        "languages": ["nl"],
        "url": "https://www.example.be/opvoedingspunt-kalmthout/schoolpoort",
        "email": "opvoedingspunt@kalmthout.example.be",
        "phone": "03 000 01 10",
        "contact_name": "Jonas Goossens",
        "contact_title": "Opvoedingsondersteuner",
        "contact_email": "jonas.goossens@kalmthout.example.be",
        "accessibility": "Op school, op de speelplaats of in een klaslokaal op het gelijkvloers.",
        "referral_criteria": (
            "Leerkrachten kunnen ouders met een opvoedingsvraag naar de schoolpoortmomenten "
            "verwijzen."
        ),
        "status": "published",
    },
    {
        "organisation": "JAC-punt Kalmthout",
        "name": "Praten met een jongerencoach",
        "alternate_name": "JAC-punt Kalmthout",
        "summary": (
            "Ben je tussen 12 en 25 jaar en zit je ergens mee, over school, vrienden, liefde, "
            "thuis, geld of drugs? Praat gratis en anoniem met een jongerencoach, in het "
            "JAC-punt of via chat."
        ),
        "description": (
            "In het JAC-punt luistert een jongerencoach naar je verhaal, zonder te oordelen. "
            "Samen zoeken jullie uit wat je nodig hebt: info, een paar gesprekken of iemand "
            "die je verder helpt. Je kan ook langskomen met praktische vragen, bijvoorbeeld "
            "over een vakantiejob, op kot gaan of je rechten als je 18 wordt. Je ouders hoeven "
            "niets te weten als jij dat niet wil."
        ),
        "domains": ["welbevinden-jeugdhulp"],
        "age_groups": ["12-18", "18-25"],
        "target_groups": ["jongeren"],
        "for_expecting_parents": False,
        "minimum_age": 12,
        "maximum_age": 25,
        "eligibility_description": "Voor jongeren van 12 tot 25 jaar.",
        "application_process": (
            "Loop binnen tijdens de openingsuren, stuur een bericht of chat. Een afspraak "
            "maken mag, maar hoeft niet."
        ),
        "schedule_description": (
            "Woensdag van 13 tot 18 uur en vrijdag van 15 tot 18 uur; chat op maandag en "
            "donderdag van 18 tot 21 uur."
        ),
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Kalmthout"],
        "locations": ["JAC-punt Kalmthout"],
        "languages": ["nl", "en"],
        "url": "https://www.example.be/jac-punt-kalmthout",
        "email": "praat@jac-kalmthout.example.be",
        "phone": "03 000 01 11",
        "contact_name": "Robbe Van Dyck",
        "contact_title": "Jongerencoach",
        "contact_email": "robbe.vandyck@jac-kalmthout.example.be",
        "accessibility": "Gelijkvloers. Anoniem binnenlopen of chatten kan altijd.",
        "referral_criteria": (
            "Verwijs jongeren die ergens mee zitten maar geen therapie willen, of die praktische "
            "vragen hebben over school, werk, geld of thuis."
        ),
        "status": "published",
    },
    {
        "organisation": "TEJO Kalmthout",
        "name": "Gratis gesprekken met een therapeut voor jongeren",
        "alternate_name": "TEJO (Therapeuten voor Jongeren)",
        "summary": (
            "Zit je niet goed in je vel? Bij TEJO praat je als jongere van 10 tot 20 jaar "
            "gratis en anoniem met een therapeut. Je hebt geen verwijzing nodig en je ouders "
            "hoeven niet mee te komen."
        ),
        "description": (
            "TEJO is een plek waar kinderen en jongeren terechtkunnen met zorgen, stress, "
            "verdriet, angst of problemen thuis of op school. Een vrijwillige therapeut luistert "
            "en helpt je om weer wat meer grip te krijgen. Je kan tot tien gesprekken krijgen. "
            "Is er meer hulp nodig, dan zoeken jullie samen een goede plek, bijvoorbeeld het "
            "CGG."
        ),
        "domains": ["welbevinden-jeugdhulp"],
        "age_groups": ["6-12", "12-18", "18-25"],
        "target_groups": ["jongeren"],
        "for_expecting_parents": False,
        "minimum_age": 10,
        "maximum_age": 20,
        "eligibility_description": "Voor kinderen en jongeren van 10 tot 20 jaar.",
        "application_process": (
            "Kom langs tijdens het inloopmoment of stuur een mail of sms. Je hoeft je naam niet "
            "te geven."
        ),
        "schedule_description": (
            "Inloop op woensdagnamiddag van 14 tot 17 uur; gesprekken op afspraak, ook na "
            "schooltijd."
        ),
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Kalmthout"],
        "locations": ["TEJO Kalmthout"],
        "languages": ["nl", "en"],
        "url": "https://www.example.be/tejo-kalmthout",
        "email": "hallo@tejo-kalmthout.example.be",
        "phone": "03 000 01 12",
        "contact_name": "Charlotte Lemmens",
        "contact_title": "Coördinator",
        "contact_email": "charlotte.lemmens@tejo-kalmthout.example.be",
        "accessibility": "Gelijkvloers, discrete ingang langs de zijkant.",
        "referral_criteria": (
            "Verwijs jongeren met lichte tot matige psychische klachten die snel en laagdrempelig "
            "iemand willen spreken. Bij acuut gevaar of ernstige problemen: CGG of huisarts."
        ),
        "status": "published",
    },
    {
        "organisation": "Kruispunt Kalmthout",
        "name": "Psychologische gesprekken voor ouders",
        "alternate_name": "Luisterend oor voor ouders",
        "summary": (
            "Wegen stress, verdriet, relatieproblemen of geldzorgen zwaar? Bij het Kruispunt "
            "praat je gratis met een psycholoog of een ervaren vrijwilliger. Ook als je zwanger "
            "bent en je niet goed voelt."
        ),
        "description": (
            "Ouder zijn is niet altijd makkelijk, zeker niet als er veel tegelijk op je afkomt. "
            "Bij het Kruispunt luistert iemand zonder oordeel naar wat je bezighoudt. In een "
            "paar gesprekken zoeken jullie wat je helpt om weer wat ademruimte te vinden. Voel je "
            "je somber tijdens of na je zwangerschap, dan ben je ook welkom; we werken samen met "
            "de vroedvrouwen en Kind en Gezin."
        ),
        "domains": ["welbevinden-jeugdhulp", "opvoedingsondersteuning"],
        "age_groups": ["aanstaand", "0-3", "3-6", "6-12", "12-18"],
        "target_groups": ["aanstaande-ouders", "alleenstaande-ouders", "kwetsbare-gezinnen"],
        "for_expecting_parents": True,
        "minimum_age": None,
        "maximum_age": None,
        "eligibility_description": (
            "Voor (aanstaande) ouders uit Kalmthout met zorgen die zwaar wegen."
        ),
        "application_process": (
            "Bel of mail voor een eerste gesprek. Je krijgt meestal binnen een week een afspraak."
        ),
        "schedule_description": "Op afspraak, overdag en op dinsdagavond.",
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Kalmthout"],
        "locations": ["Kruispunt Kalmthout"],
        "languages": ["nl", "en", "fr"],
        "url": "https://www.example.be/kruispunt-kalmthout/gesprekken",
        "email": "afspraak@kruispunt-kalmthout.example.be",
        "phone": "03 000 01 13",
        "contact_name": "Veerle Janssens",
        "contact_title": "Psycholoog",
        "contact_email": "veerle.janssens@kruispunt-kalmthout.example.be",
        "accessibility": "Gelijkvloers, toegankelijk met een rolstoel. Kindjes mogen mee.",
        "referral_criteria": (
            "Verwijs ouders met stress, somberheid of een postnatale depressie die (nog) niet "
            "naar een psycholoog of het CGG willen of kunnen."
        ),
        "status": "published",
    },
    {
        "organisation": "Kruispunt Kalmthout",
        "name": "Praatgroep voor ouders na een scheiding",
        "alternate_name": "",
        "summary": (
            "Ben je gescheiden of uit elkaar, en zoek je hoe je er samen voor je kinderen kan "
            "blijven? In deze praatgroep deel je ervaringen met andere ouders."
        ),
        "description": (
            "Een scheiding zet je hele leven op zijn kop, en ook dat van je kinderen. In deze "
            "praatgroep kom je vijf keer samen met andere ouders in dezelfde situatie. Een "
            "psycholoog begeleidt de groep en brengt thema's aan, zoals praten met je kinderen, "
            "afspraken met je ex-partner en zorgen voor jezelf. Wat in de groep gezegd wordt, "
            "blijft in de groep."
        ),
        "domains": ["welbevinden-jeugdhulp", "opvoedingsondersteuning"],
        "age_groups": ["0-3", "3-6", "6-12", "12-18"],
        "target_groups": ["alleenstaande-ouders"],
        "for_expecting_parents": False,
        "minimum_age": None,
        "maximum_age": None,
        "eligibility_description": "Voor gescheiden ouders met minderjarige kinderen.",
        "application_process": "Meld je aan via e-mail; eerst volgt een kort kennismakingsgesprek.",
        "schedule_description": "Vijf maandagavonden in het najaar, van 19.30 tot 21.30 uur.",
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Kalmthout"],
        "locations": ["Kruispunt Kalmthout"],
        "languages": ["nl"],
        "url": "https://www.example.be/kruispunt-kalmthout/praatgroep-scheiding",
        "email": "afspraak@kruispunt-kalmthout.example.be",
        "phone": "03 000 01 13",
        "contact_name": "Veerle Janssens",
        "contact_title": "Psycholoog",
        "contact_email": "veerle.janssens@kruispunt-kalmthout.example.be",
        "accessibility": "Gelijkvloers, toegankelijk met een rolstoel.",
        "referral_criteria": (
            "Voor ouders die na een scheiding vastlopen in hun rol als ouder, zonder acute "
            "conflicten of geweld."
        ),
        "status": "draft",
    },
    {
        "organisation": "OCMW Kalmthout, sociale dienst",
        "name": "Sociale dienst en leefloon",
        "alternate_name": "Financiële hulp van het OCMW",
        "summary": (
            "Heb je geen of te weinig inkomen, of weet je niet waar je recht op hebt? Een "
            "maatschappelijk werker bekijkt samen met jou of je een leefloon of andere hulp "
            "kan krijgen."
        ),
        "description": (
            "De sociale dienst van het OCMW helpt je als je het financieel moeilijk hebt. Een "
            "maatschappelijk werker onderzoekt of je recht hebt op een leefloon, een "
            "huurtoelage, hulp bij energiefacturen of medische kosten. Je krijgt ook uitleg "
            "over andere voordelen, zoals een verhoogde tegemoetkoming of een sociaal tarief. "
            "Wat je vertelt, blijft vertrouwelijk."
        ),
        "domains": ["kinderarmoede"],
        "age_groups": ["aanstaand", "0-3", "3-6", "6-12", "12-18", "18-25"],
        "target_groups": ["kwetsbare-gezinnen", "alleenstaande-ouders", "anderstalige-gezinnen"],
        "for_expecting_parents": True,
        "minimum_age": None,
        "maximum_age": None,
        "eligibility_description": (
            "Voor inwoners van Kalmthout die onvoldoende inkomen hebben. Het OCMW onderzoekt je "
            "situatie."
        ),
        "application_process": (
            "Kom langs tijdens de zitdag of bel voor een afspraak. Breng je identiteitskaart "
            "en bewijzen van je inkomen mee."
        ),
        "schedule_description": (
            "Zitdag zonder afspraak op maandag en donderdag van 9 tot 12 uur; andere momenten "
            "op afspraak."
        ),
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Kalmthout"],
        "locations": ["Sociaal Huis Kalmthout"],
        "languages": ["nl", "fr", "en"],
        "url": "https://www.example.be/ocmw-kalmthout/sociale-dienst",
        "email": "sociale-dienst@kalmthout.example.be",
        "phone": "03 000 01 14",
        "contact_name": "Wim De Backer",
        "contact_title": "Maatschappelijk werker",
        "contact_email": "wim.debacker@kalmthout.example.be",
        "accessibility": (
            "Het Sociaal Huis is toegankelijk met een rolstoel. Een tolk kan op afspraak."
        ),
        "referral_criteria": (
            "Verwijs gezinnen zonder of met een te laag inkomen, met huurachterstand of "
            "onbetaalde energiefacturen."
        ),
        "status": "published",
    },
    {
        "organisation": "OCMW Kalmthout, sociale dienst",
        "name": "Hulp bij schoolkosten en studietoelage",
        "alternate_name": "Schooltoeslag aanvragen",
        "summary": (
            "Krijg je de schoolfactuur niet betaald? Het OCMW helpt je een schooltoeslag of "
            "studietoelage aan te vragen en kan een deel van de schoolkosten betalen, zoals "
            "schoolreizen of boeken."
        ),
        "description": (
            "Schoolgaan kost geld: boeken, een laptop, uitstappen en schoolreizen. Een "
            "maatschappelijk werker helpt je nakijken of je recht hebt op de schooltoeslag "
            "(vroeger studietoelage) en vult de aanvraag samen met je in. Blijft er een "
            "schoolfactuur open, dan zoeken we samen met de school naar een afbetalingsplan of "
            "betaalt het OCMW een deel. Je kind wordt nooit uitgesloten van een schooluitstap "
            "omdat de rekening nog open staat."
        ),
        "domains": ["kinderarmoede", "onderwijs"],
        "age_groups": ["3-6", "6-12", "12-18", "18-25"],
        "target_groups": ["kwetsbare-gezinnen", "alleenstaande-ouders"],
        "for_expecting_parents": False,
        "minimum_age": 3,
        "maximum_age": 25,
        "eligibility_description": (
            "Voor gezinnen uit Kalmthout met een beperkt inkomen die schoolgaande kinderen "
            "hebben, van de kleuterschool tot het hoger onderwijs."
        ),
        "application_process": (
            "Bel of kom langs voor een afspraak. Breng je schoolfacturen en je laatste "
            "aanslagbiljet mee."
        ),
        "schedule_description": "Op afspraak; in augustus en september zijn er extra zitdagen.",
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Kalmthout"],
        "locations": ["Sociaal Huis Kalmthout"],
        "languages": ["nl", "fr", "en"],
        "url": "https://www.example.be/ocmw-kalmthout/schoolkosten",
        "email": "sociale-dienst@kalmthout.example.be",
        "phone": "03 000 01 14",
        "contact_name": "Wim De Backer",
        "contact_title": "Maatschappelijk werker",
        "contact_email": "wim.debacker@kalmthout.example.be",
        "accessibility": "Het Sociaal Huis is toegankelijk met een rolstoel.",
        "referral_criteria": (
            "Scholen en CLB's kunnen verwijzen bij onbetaalde schoolfacturen of als een kind "
            "niet meegaat op uitstap omwille van de kosten."
        ),
        "status": "published",
    },
    {
        "organisation": "OCMW Kalmthout, sociale dienst",
        "name": "UiTPAS met kansentarief",
        "alternate_name": "Korting op vrije tijd",
        "summary": (
            "Met een UiTPAS met kansentarief betaal je maar 20 procent van de prijs voor "
            "speelpleinwerking, kampen, sportclubs, muziekschool of zwembad. De pas is gratis "
            "voor je hele gezin."
        ),
        "description": (
            "Iedereen verdient een leuke vrije tijd. Met de UiTPAS krijgen gezinnen met een "
            "beperkt inkomen een grote korting bij de jeugddienst, de sportdienst, de "
            "bibliotheek en veel verenigingen. Het OCMW kijkt na of je recht hebt en maakt de "
            "pas meteen voor alle gezinsleden. Je spaart met de pas ook punten voor een "
            "voordeel."
        ),
        "domains": ["kinderarmoede", "vrije-tijd-ontmoeting"],
        "age_groups": ["3-6", "6-12", "12-18", "18-25"],
        "target_groups": ["kwetsbare-gezinnen", "alleenstaande-ouders"],
        "for_expecting_parents": False,
        "minimum_age": None,
        "maximum_age": None,
        "eligibility_description": (
            "Voor gezinnen uit Kalmthout met een verhoogde tegemoetkoming, een leefloon, "
            "schuldbemiddeling of een laag inkomen."
        ),
        "application_process": (
            "Kom langs bij de sociale dienst met je identiteitskaart. Je krijgt de pas meteen mee."
        ),
        "schedule_description": "Tijdens de openingsuren van het Sociaal Huis.",
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": True,
        "social_tariff_price": None,
        "social_tariff_description": (
            "Je betaalt 20 procent van de gewone prijs bij alle deelnemende aanbieders."
        ),
        "service_areas": ["Kalmthout"],
        "locations": ["Sociaal Huis Kalmthout"],
        "languages": ["nl", "fr", "en"],
        "url": "https://www.example.be/ocmw-kalmthout/uitpas",
        "email": "uitpas@kalmthout.example.be",
        "phone": "03 000 01 14",
        "contact_name": "Wim De Backer",
        "contact_title": "Maatschappelijk werker",
        "contact_email": "wim.debacker@kalmthout.example.be",
        "accessibility": "Het Sociaal Huis is toegankelijk met een rolstoel.",
        "referral_criteria": (
            "Wijs elk gezin met een beperkt inkomen op de UiTPAS, zeker als kinderen niet "
            "meedoen met speelplein, kamp of een vereniging."
        ),
        "status": "published",
    },
    {
        "organisation": "Jeugddienst Kalmthout",
        "name": "Speelpleinwerking Kalmthout",
        "alternate_name": "Speelplein in de zomervakantie",
        "summary": (
            "In de zomervakantie kan je kind elke weekdag spelen op het speelplein, met "
            "animatoren, grote spelen en uitstappen. Je schrijft in per dag, en er is een "
            "sociaal tarief."
        ),
        "description": (
            "Op het speelplein van Kalmthout spelen kinderen van 3 tot 14 jaar in groepjes per "
            "leeftijd. Enthousiaste animatoren zorgen voor knutselen, sport, waterspelletjes en "
            "een grote uitstap per week. Er is voor- en naopvang voor werkende ouders. Heeft je "
            "kind extra zorg nodig, dan bekijken we samen met Cadweazle hoe het toch kan "
            "meedoen."
        ),
        "domains": ["vrije-tijd-ontmoeting", "kinderopvang"],
        "age_groups": ["3-6", "6-12", "12-18"],
        "target_groups": ["ouders-kind-beperking"],
        "for_expecting_parents": False,
        "minimum_age": 3,
        "maximum_age": 14,
        "eligibility_description": "Voor kinderen van 3 tot 14 jaar, uit Kalmthout en omstreken.",
        "application_process": (
            "Schrijf in via het online inschrijvingsplatform van de gemeente, vanaf 1 mei. "
            "Geen computer? Kom langs bij de jeugddienst."
        ),
        "schedule_description": (
            "In juli en augustus, op weekdagen van 9.30 tot 16.30 uur; opvang vanaf 8 uur en "
            "tot 17.30 uur."
        ),
        "is_free": False,
        "price": "6.00",
        "price_description": "Per dag, vieruurtje inbegrepen. Voor- en naopvang kost 1 euro.",
        "social_tariff": True,
        "social_tariff_price": "1.20",
        "social_tariff_description": "Met een UiTPAS met kansentarief betaal je 1,20 euro per dag.",
        "service_areas": ["Kalmthout"],
        "locations": ["Speelplein Kalmthout"],
        "languages": ["nl"],
        "url": "https://www.example.be/jeugddienst-kalmthout/speelplein",
        "email": "speelplein@kalmthout.example.be",
        "phone": "03 000 01 15",
        "contact_name": "Stijn Maes",
        "contact_title": "Jeugdconsulent",
        "contact_email": "stijn.maes@kalmthout.example.be",
        "accessibility": (
            "Het terrein is grotendeels verhard en toegankelijk met een rolstoel; er is een "
            "rustige prikkelarme ruimte."
        ),
        "referral_criteria": (
            "Voor gezinnen die in de zomer betaalbare opvang en vrije tijd zoeken; wijs op het "
            "kansentarief."
        ),
        "status": "published",
    },
    {
        "organisation": "Jeugddienst Kalmthout",
        "name": "Vakantiekampen en workshops",
        "alternate_name": "Grabbelpas",
        "summary": (
            "Tijdens de kortere schoolvakanties kan je kind meedoen aan sportkampen, "
            "knutselworkshops, koken of theater. Voor elk wat wils, met een sociaal tarief."
        ),
        "description": (
            "In de krokus-, paas- en herfstvakantie organiseert de jeugddienst met de "
            "verenigingen een aanbod van kampen en workshops van een halve tot vijf dagen. Er "
            "zijn activiteiten voor kleuters, lagereschoolkinderen en tieners. Je kiest per "
            "activiteit en schrijft online in. Wie een UiTPAS met kansentarief heeft, betaalt "
            "maar een vijfde van de prijs."
        ),
        "domains": ["vrije-tijd-ontmoeting"],
        "age_groups": ["3-6", "6-12", "12-18"],
        "target_groups": [],
        "for_expecting_parents": False,
        "minimum_age": 3,
        "maximum_age": 16,
        "eligibility_description": "Voor kinderen en jongeren van 3 tot 16 jaar.",
        "application_process": "Online inschrijven vanaf vier weken voor de vakantie.",
        "schedule_description": "In de krokus-, paas- en herfstvakantie.",
        "is_free": False,
        "price": "75.00",
        "price_description": "Voor een kamp van vijf dagen; workshops vanaf 5 euro.",
        "social_tariff": True,
        "social_tariff_price": "15.00",
        "social_tariff_description": "Met een UiTPAS met kansentarief betaal je 20 procent.",
        "service_areas": ["Kalmthout"],
        "locations": [],
        "languages": ["nl"],
        "url": "https://www.example.be/jeugddienst-kalmthout/kampen",
        "email": "jeugddienst@kalmthout.example.be",
        "phone": "03 000 01 15",
        "contact_name": "Stijn Maes",
        "contact_title": "Jeugdconsulent",
        "contact_email": "stijn.maes@kalmthout.example.be",
        "accessibility": "Verschillende locaties; de toegankelijkheid staat bij elke activiteit.",
        "referral_criteria": "",
        "status": "published",
    },
    {
        "organisation": "Cadweazle Kalmthoutse Heide",
        "name": "Natuuractiviteiten op de Kalmthoutse Heide",
        "alternate_name": "Cadweazle natuurnamiddagen",
        "summary": (
            "Ontdek de heide met Cadweazle: hutten bouwen, diertjes zoeken en spelen in het "
            "bos. Kinderen met en zonder beperking spelen hier samen, met begeleiders die tijd "
            "voor hen maken."
        ),
        "description": (
            "Elke maand trekt Cadweazle met kinderen de Kalmthoutse Heide in. Ze leren sporen "
            "lezen, bouwen hutten en zoeken waterdiertjes in de vennen. De groepen zijn klein "
            "en er zijn genoeg begeleiders, zodat ook kinderen met een beperking of extra "
            "zorg kunnen meedoen. Laarzen en kleren die vuil mogen worden, zijn een must."
        ),
        "domains": ["vrije-tijd-ontmoeting", "welbevinden-jeugdhulp"],
        "age_groups": ["3-6", "6-12"],
        "target_groups": ["ouders-kind-beperking"],
        "for_expecting_parents": False,
        "minimum_age": 4,
        "maximum_age": 12,
        "eligibility_description": (
            "Voor kinderen van 4 tot 12 jaar, met of zonder beperking of extra zorgvraag."
        ),
        "application_process": (
            "Schrijf in via de website. Heeft je kind extra zorg nodig, vertel het dan bij de "
            "inschrijving; we bellen je om alles goed voor te bereiden."
        ),
        "schedule_description": "De derde zaterdag van de maand van 14 tot 17 uur.",
        "is_free": False,
        "price": "5.00",
        "price_description": "Per namiddag, vieruurtje inbegrepen.",
        "social_tariff": True,
        "social_tariff_price": "1.00",
        "social_tariff_description": "Met een UiTPAS met kansentarief betaal je 1 euro.",
        "service_areas": ["Kalmthout", "Essen", "Wuustwezel"],
        "locations": ["Cadweazle speelterrein"],
        "languages": ["nl", "sgn"],
        "url": "https://www.example.be/cadweazle/natuuractiviteiten",
        "email": "info@cadweazle.example.be",
        "phone": "03 000 01 16",
        "contact_name": "Bram Willems",
        "contact_title": "Coördinator",
        "contact_email": "bram.willems@cadweazle.example.be",
        "accessibility": (
            "Een deel van de wandelingen is met een rolstoel of buggy te doen. Er is een "
            "terreinrolstoel te leen."
        ),
        "referral_criteria": (
            "Verwijs gezinnen van kinderen met een beperking of een zorgvraag die moeilijk "
            "aansluiting vinden bij het gewone vrijetijdsaanbod."
        ),
        "status": "published",
    },
    {
        "organisation": "Cadweazle Kalmthoutse Heide",
        "name": "Inclusieve zomerkampen",
        "alternate_name": "",
        "summary": (
            "Een week spelen, sporten en ravotten op en rond de heide, samen met kinderen met "
            "en zonder beperking. Met extra begeleiders en een sociaal tarief."
        ),
        "description": (
            "In de zomervakantie organiseert Cadweazle dagkampen op het eigen speelterrein aan "
            "de rand van de Kalmthoutse Heide. Elke dag is er een thema, met spelen in het bos, "
            "zwemmen en kampvuur. Voor kinderen die extra zorg nodig hebben, is er een vaste "
            "begeleider. Zo kan elk kind meedoen op zijn eigen tempo."
        ),
        "domains": ["vrije-tijd-ontmoeting"],
        "age_groups": ["6-12", "12-18"],
        "target_groups": ["ouders-kind-beperking"],
        "for_expecting_parents": False,
        "minimum_age": 6,
        "maximum_age": 16,
        "eligibility_description": "Voor kinderen en jongeren van 6 tot 16 jaar.",
        "application_process": "Inschrijven via de website vanaf 1 maart.",
        "schedule_description": (
            "Vier weken in juli en augustus, op weekdagen van 9 tot 16.30 uur."
        ),
        "is_free": False,
        "price": "110.00",
        "price_description": "Per week, inclusief middagmaal en vieruurtje.",
        "social_tariff": True,
        "social_tariff_price": "22.00",
        "social_tariff_description": "Met een UiTPAS met kansentarief betaal je 22 euro per week.",
        "service_areas": ["Kalmthout", "Essen", "Wuustwezel"],
        "locations": ["Cadweazle speelterrein"],
        "languages": ["nl"],
        "url": "https://www.example.be/cadweazle/zomerkampen",
        "email": "kampen@cadweazle.example.be",
        "phone": "03 000 01 16",
        "contact_name": "Bram Willems",
        "contact_title": "Coördinator",
        "contact_email": "bram.willems@cadweazle.example.be",
        "accessibility": (
            "Aangepast sanitair en een rustige ruimte; een terreinrolstoel is beschikbaar."
        ),
        "referral_criteria": (
            "Voor kinderen met een beperking die in een gewoon kamp niet de begeleiding krijgen "
            "die ze nodig hebben."
        ),
        "status": "published",
    },
    {
        "organisation": "Bibliotheek Kalmthout",
        "name": "Voorlezen in de bibliotheek",
        "alternate_name": "Voorleesmoment voor peuters en kleuters",
        "summary": (
            "Elke woensdag lezen vrijwilligers prentenboeken voor aan peuters en kleuters, met "
            "een liedje en een knutselwerkje. Gratis en zonder inschrijven; ouders en "
            "grootouders zijn welkom."
        ),
        "description": (
            "Voorlezen is goed voor de taal, de fantasie en de band met je kind. In de "
            "voorleeshoek van de bibliotheek leest een vrijwilliger twee of drie prentenboeken "
            "voor, met aandacht voor de allerkleinsten. Daarna is er tijd om samen boekjes uit "
            "te kiezen om mee naar huis te nemen. Eén keer per maand is er een voorleesmoment "
            "in het Arabisch en het Nederlands."
        ),
        "domains": ["vrije-tijd-ontmoeting", "onderwijs"],
        "age_groups": ["0-3", "3-6"],
        "target_groups": ["anderstalige-gezinnen", "grootouders"],
        "for_expecting_parents": False,
        "minimum_age": 2,
        "maximum_age": 6,
        "eligibility_description": "Voor kinderen van 2 tot 6 jaar, met een ouder of grootouder.",
        "application_process": "Je hoeft niet in te schrijven; kom gewoon naar de kinderafdeling.",
        "schedule_description": (
            "Elke woensdag van 14.30 tot 15.15 uur, behalve in juli en augustus."
        ),
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Kalmthout"],
        "locations": ["Bibliotheek Kalmthout"],
        "languages": ["nl", "ar"],
        "url": "https://www.example.be/bibliotheek-kalmthout/voorlezen",
        "email": "jeugd@bibliotheek-kalmthout.example.be",
        "phone": "03 000 01 17",
        "contact_name": "Evelien Peeters",
        "contact_title": "Jeugdbibliothecaris",
        "contact_email": "evelien.peeters@bibliotheek-kalmthout.example.be",
        "accessibility": (
            "De kinderafdeling is gelijkvloers; er is plaats voor buggy's en een verzorgingstafel."
        ),
        "referral_criteria": (
            "Wijs gezinnen die thuis weinig voorlezen of een andere taal spreken op dit gratis "
            "moment; het stimuleert de taalontwikkeling."
        ),
        "status": "published",
    },
    {
        "organisation": "Bibliotheek Kalmthout",
        "name": "Boekstart: gratis boekenpakket voor baby's",
        "alternate_name": "Boekstartpakket",
        "summary": (
            "Je baby krijgt een gratis Boekstartpakket met een eerste boekje en tips om samen "
            "te lezen. Met de bon van het consultatiebureau haal je het op in de bibliotheek."
        ),
        "description": (
            "Het is nooit te vroeg om samen boekjes te ontdekken. Via Kind en Gezin krijg je bij "
            "het consultatiebureau een bon voor een Boekstartpakket, eerst rond 6 maanden en "
            "later rond 15 maanden. In de bibliotheek ruil je de bon in voor een tasje met een "
            "stoffen of kartonnen boekje en tips voor ouders. Meteen maken we een gratis "
            "bibliotheekkaart voor je kindje."
        ),
        "domains": ["vrije-tijd-ontmoeting", "onderwijs", "opvoedingsondersteuning"],
        "age_groups": ["0-3"],
        "target_groups": ["anderstalige-gezinnen"],
        "for_expecting_parents": False,
        "minimum_age": 0,
        "maximum_age": 3,
        "eligibility_description": "Voor alle baby's en peuters uit Kalmthout.",
        "application_process": (
            "Breng de bon van het consultatiebureau mee naar de bibliotheek. Geen bon gekregen? "
            "Vraag er gerust naar aan de balie."
        ),
        "schedule_description": "Tijdens de openingsuren van de bibliotheek.",
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Kalmthout"],
        "locations": ["Bibliotheek Kalmthout"],
        "languages": ["nl"],
        "url": "https://www.example.be/bibliotheek-kalmthout/boekstart",
        "email": "jeugd@bibliotheek-kalmthout.example.be",
        "phone": "03 000 01 17",
        "contact_name": "Evelien Peeters",
        "contact_title": "Jeugdbibliothecaris",
        "contact_email": "evelien.peeters@bibliotheek-kalmthout.example.be",
        "accessibility": "De kinderafdeling is gelijkvloers en toegankelijk met een buggy.",
        "referral_criteria": "Geef de Boekstartbon mee tijdens het consult op 6 en 15 maanden.",
        "status": "published",
    },
    {
        "organisation": "Bibliotheek Kalmthout",
        "name": "Huiswerkhulp in de bibliotheek",
        "alternate_name": "Huiswerkbegeleiding en computers",
        "summary": (
            "Heeft je kind een rustige plek of een computer nodig voor huiswerk? In de "
            "bibliotheek helpen vrijwilligers op maandag en donderdag na school. Gratis."
        ),
        "description": (
            "Niet elk kind heeft thuis een rustige plek of een computer om huiswerk te maken. In "
            "de bibliotheek kunnen kinderen van de lagere school en het eerste middelbaar na "
            "school terecht. Vrijwilligers helpen met plannen, lezen en opzoekwerk en leggen "
            "uit wat niet duidelijk is. De computers en de printer zijn gratis voor schoolwerk."
        ),
        "domains": ["onderwijs", "kinderarmoede"],
        "age_groups": ["6-12", "12-18"],
        "target_groups": ["anderstalige-gezinnen", "kwetsbare-gezinnen"],
        "for_expecting_parents": False,
        "minimum_age": 6,
        "maximum_age": 14,
        "eligibility_description": "Voor kinderen van de lagere school en het eerste middelbaar.",
        "application_process": (
            "Kom gewoon langs; voor vaste begeleiding vraag je het aan de balie."
        ),
        "schedule_description": "Maandag en donderdag van 16 tot 18 uur, tijdens het schooljaar.",
        "is_free": True,
        "price": None,
        "price_description": "Printen voor schoolwerk is gratis.",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Kalmthout"],
        "locations": ["Bibliotheek Kalmthout"],
        "languages": ["nl", "en"],
        "url": "https://www.example.be/bibliotheek-kalmthout/huiswerkhulp",
        "email": "huiswerk@bibliotheek-kalmthout.example.be",
        "phone": "03 000 01 17",
        "contact_name": "Evelien Peeters",
        "contact_title": "Jeugdbibliothecaris",
        "contact_email": "evelien.peeters@bibliotheek-kalmthout.example.be",
        "accessibility": "Gelijkvloers studieruimte, toegankelijk met een rolstoel.",
        "referral_criteria": (
            "Voor kinderen die thuis geen rustige plek, computer of hulp hebben bij hun huiswerk."
        ),
        "status": "published",
    },
    {
        "organisation": "Gemeentelijke Basisschool De Heikrekel",
        "name": "Peuterspeelpunt De Heikrekel",
        "alternate_name": "Instapmoment en taalstimulering voor peuters",
        "summary": (
            "Laat je peuter al eens proeven van de kleuterschool. Op het peuterspeelpunt speel "
            "je samen met je kind in de klas, en spelenderwijs oefent je kind Nederlands. Gratis."
        ),
        "description": (
            "Het peuterspeelpunt is een speelmoment voor peuters van 2 tot 3 jaar en hun ouders "
            "in de instapklas van De Heikrekel. Je kind leert de juf, de klas en andere kinderen "
            "kennen, zodat de eerste schooldag minder spannend is. Een kleuterjuf zorgt voor "
            "liedjes, verhaaltjes en spelletjes die de taal stimuleren, ook voor kinderen die "
            "thuis een andere taal spreken. Ouders kunnen intussen een koffie drinken en vragen "
            "stellen."
        ),
        "domains": ["onderwijs", "vrije-tijd-ontmoeting", "opvoedingsondersteuning"],
        "age_groups": ["0-3", "3-6"],
        "target_groups": ["anderstalige-gezinnen", "kwetsbare-gezinnen"],
        "for_expecting_parents": False,
        "minimum_age": 2,
        "maximum_age": 3,
        "eligibility_description": "Voor peuters van 2 tot 3 jaar met een ouder of grootouder.",
        "application_process": (
            "Je hoeft niet in te schrijven; kom gewoon binnen langs de kleuterpoort."
        ),
        "schedule_description": "Elke vrijdag van 9 tot 11 uur, tijdens het schooljaar.",
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Kalmthout"],
        "locations": ["Basisschool De Heikrekel"],
        "languages": ["nl"],
        "url": "https://www.example.be/de-heikrekel/peuterspeelpunt",
        "email": "peuters@de-heikrekel.example.be",
        "phone": "03 000 01 18",
        "contact_name": "Katrien Dierckx",
        "contact_title": "Kleuterjuf instapklas",
        "contact_email": "katrien.dierckx@de-heikrekel.example.be",
        "accessibility": "De kleuterklassen zijn gelijkvloers; buggy's kunnen in de gang.",
        "referral_criteria": (
            "Verwijs gezinnen van peuters die geen kinderopvang gebruiken of thuis weinig "
            "Nederlands horen, als voorbereiding op de kleuterschool."
        ),
        "status": "published",
    },
    {
        "organisation": "Gemeentelijke Basisschool De Heikrekel",
        "name": "Huiswerkklas De Heikrekel",
        "alternate_name": "Huiswerkbegeleiding na school",
        "summary": (
            "Na school maken kinderen van het derde tot het zesde leerjaar hun huiswerk in de "
            "huiswerkklas, met hulp van een leerkracht. Gratis voor alle leerlingen."
        ),
        "description": (
            "In de huiswerkklas werken kinderen in een rustige klas aan hun huiswerk en lessen. "
            "Een leerkracht helpt waar nodig en leert hen plannen. Ouders krijgen via de agenda "
            "een seintje hoe het ging. Wie wil, blijft daarna naar de buitenschoolse opvang."
        ),
        "domains": ["onderwijs"],
        "age_groups": ["6-12"],
        "target_groups": [],
        "for_expecting_parents": False,
        "minimum_age": 8,
        "maximum_age": 12,
        "eligibility_description": (
            "Voor leerlingen van het derde tot het zesde leerjaar van De Heikrekel."
        ),
        "application_process": "Vraag het aan de klasleerkracht of op het secretariaat.",
        "schedule_description": "Maandag, dinsdag en donderdag van 15.45 tot 16.30 uur.",
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Kalmthout"],
        "locations": ["Basisschool De Heikrekel"],
        "languages": ["nl"],
        "url": "https://www.example.be/de-heikrekel/huiswerkklas",
        "email": "secretariaat@de-heikrekel.example.be",
        "phone": "03 000 01 18",
        "contact_name": "Peter Geerts",
        "contact_title": "Zorgcoördinator",
        "contact_email": "peter.geerts@de-heikrekel.example.be",
        "accessibility": "Klaslokaal op het gelijkvloers.",
        "referral_criteria": "",
        "status": "published",
    },
    {
        "organisation": "Buitenschoolse Kinderopvang De Speelvogel",
        "name": "Buitenschoolse opvang De Speelvogel",
        "alternate_name": "Voor- en naschoolse opvang, woensdagnamiddag",
        "summary": (
            "Opvang voor kleuters en lagereschoolkinderen voor en na school, op "
            "woensdagnamiddag en op vrije dagen. Je kind speelt, rust of maakt huiswerk in een "
            "huiselijke sfeer."
        ),
        "description": (
            "De Speelvogel haalt de kinderen op aan de scholen van Kalmthout en brengt ze 's "
            "ochtends weer naar de klas. Na school is er een vieruurtje, een huiswerkhoek en "
            "veel ruimte om buiten te spelen. Op woensdagnamiddag en vrije dagen is er een "
            "activiteit. Je betaalt per begonnen halfuur, en voor het tweede kind is er korting."
        ),
        "domains": ["kinderopvang", "vrije-tijd-ontmoeting"],
        "age_groups": ["3-6", "6-12"],
        "target_groups": [],
        "for_expecting_parents": False,
        "minimum_age": 2,
        "maximum_age": 12,
        "eligibility_description": (
            "Voor kinderen van de kleuter- en de lagere scholen van Kalmthout."
        ),
        "application_process": (
            "Schrijf je kind in via het ouderportaal of op het onthaal van De Speelvogel. Daarna "
            "kan je elke dag opvang gebruiken."
        ),
        "schedule_description": (
            "Schooldagen van 7 tot 8.30 uur en van 15.30 tot 18.30 uur; woensdag vanaf 12 uur."
        ),
        "is_free": False,
        "price": "1.10",
        "price_description": "Per begonnen halfuur; 25 procent korting vanaf het tweede kind.",
        "social_tariff": True,
        "social_tariff_price": "0.55",
        "social_tariff_description": (
            "Met een attest van het OCMW of een UiTPAS met kansentarief betaal je de helft."
        ),
        "service_areas": ["Kalmthout"],
        "locations": ["Buitenschoolse Kinderopvang De Speelvogel"],
        "languages": ["nl"],
        "url": "https://www.example.be/de-speelvogel/buitenschoolse-opvang",
        "email": "de-speelvogel@kalmthout.example.be",
        "phone": "03 000 01 19",
        "contact_name": "Sarah Bogaerts",
        "contact_title": "Verantwoordelijke buitenschoolse opvang",
        "contact_email": "sarah.bogaerts@kalmthout.example.be",
        "accessibility": "Gelijkvloers met een aangepast toilet en een grote tuin.",
        "referral_criteria": "",
        "status": "published",
    },
    {
        "organisation": "Buitenschoolse Kinderopvang De Speelvogel",
        "name": "Vakantieopvang voor tieners van 12 tot 14 jaar",
        "alternate_name": "Tienerwerking De Speelvogel",
        "summary": (
            "Te oud voor de opvang, te jong om alleen thuis te blijven? In de vakanties kunnen "
            "jongeren van 12 tot 14 jaar bij De Speelvogel terecht, met een eigen ruimte en "
            "eigen activiteiten."
        ),
        "description": (
            "Tieners van 12 tot 14 jaar hebben hun eigen lokaal en een eigen begeleider. Ze "
            "kiezen mee wat ze doen: fietstochten, koken, sport, gamen of een uitstap naar het "
            "zwembad. Er is ook ruimte om gewoon te chillen. Ouders weten dat hun kind in goede "
            "handen is, terwijl de jongere zich niet 'bij de kleintjes' voelt."
        ),
        "domains": ["kinderopvang", "vrije-tijd-ontmoeting"],
        "age_groups": ["12-18"],
        "target_groups": ["jongeren"],
        "for_expecting_parents": False,
        "minimum_age": 12,
        "maximum_age": 14,
        "eligibility_description": "Voor jongeren van 12 tot 14 jaar uit Kalmthout.",
        "application_process": (
            "Inschrijven per dag via het ouderportaal, vanaf vier weken voor de vakantie."
        ),
        "schedule_description": "Op werkdagen tijdens de schoolvakanties, van 8 tot 17.30 uur.",
        "is_free": False,
        "price": "12.00",
        "price_description": "Per dag; uitstappen inbegrepen.",
        "social_tariff": True,
        "social_tariff_price": "2.40",
        "social_tariff_description": "Met een UiTPAS met kansentarief betaal je 2,40 euro per dag.",
        "service_areas": ["Kalmthout"],
        "locations": ["Buitenschoolse Kinderopvang De Speelvogel"],
        "languages": ["nl"],
        "url": "https://www.example.be/de-speelvogel/tieners",
        "email": "de-speelvogel@kalmthout.example.be",
        "phone": "03 000 01 19",
        "contact_name": "Sarah Bogaerts",
        "contact_title": "Verantwoordelijke buitenschoolse opvang",
        "contact_email": "sarah.bogaerts@kalmthout.example.be",
        "accessibility": "Gelijkvloers met een aangepast toilet.",
        "referral_criteria": (
            "Voor werkende ouders van jonge tieners die in de vakantie niet alleen thuis kunnen "
            "of willen blijven."
        ),
        "status": "published",
    },
    {
        "organisation": "Vroedvrouwenpraktijk De Wieg",
        "name": "Zwangerschapsbegeleiding en voorbereiding op de bevalling",
        "alternate_name": "Prenatale consulten en bevallingsvoorbereiding",
        "summary": (
            "Een vroedvrouw volgt je zwangerschap op, bereidt je voor op de bevalling en komt "
            "na de geboorte bij je thuis. Je ziekenfonds betaalt bijna alles terug."
        ),
        "description": (
            "De vroedvrouwen van De Wieg begeleiden je van de eerste weken van je zwangerschap "
            "tot een paar weken na de bevalling. Tijdens de prenatale consulten volgen ze je "
            "gezondheid en die van je baby op. In de voorbereiding op de bevalling leer je "
            "ademhalen, houdingen en wat je kan verwachten, samen met je partner. Na de "
            "geboorte komt de vroedvrouw bij je thuis voor de zorg voor jou en je baby."
        ),
        "domains": ["gezondheid"],
        "age_groups": ["aanstaand", "0-3"],
        "target_groups": ["aanstaande-ouders", "anderstalige-gezinnen"],
        "for_expecting_parents": True,
        "minimum_age": None,
        "maximum_age": None,
        "eligibility_description": (
            "Voor zwangere vrouwen en hun partner, en na de geboorte voor moeder en baby."
        ),
        "application_process": (
            "Bel of mail voor een eerste afspraak, liefst voor de twaalfde week."
        ),
        "schedule_description": (
            "Consulten op afspraak op weekdagen; voorbereiding in groep op zaterdag."
        ),
        "is_free": False,
        "price": None,
        "price_description": (
            "De vroedvrouwen zijn geconventioneerd: je ziekenfonds betaalt bijna alles terug. "
            "Je betaalt alleen een klein remgeld."
        ),
        "social_tariff": True,
        "social_tariff_price": None,
        "social_tariff_description": (
            "Met een verhoogde tegemoetkoming betaal je nog minder remgeld."
        ),
        "service_areas": ["Kalmthout", "Essen", "Kapellen", "Wuustwezel"],
        "locations": ["Vroedvrouwenpraktijk De Wieg"],
        "languages": ["nl", "fr", "en"],
        "url": "https://www.example.be/vroedvrouwen-de-wieg/zwangerschap",
        "email": "afspraak@de-wieg.example.be",
        "phone": "03 000 01 20",
        "contact_name": "Ilse Van Hoof",
        "contact_title": "Vroedvrouw",
        "contact_email": "ilse.vanhoof@de-wieg.example.be",
        "accessibility": "Praktijk op het gelijkvloers; huisbezoeken na de geboorte.",
        "referral_criteria": (
            "Verwijs zwangere vrouwen zonder vaste opvolging, met weinig steun of met "
            "vragen over de bevalling en de eerste weken thuis."
        ),
        "status": "published",
    },
    {
        "organisation": "Vroedvrouwenpraktijk De Wieg",
        "name": "Borstvoedingsondersteuning",
        "alternate_name": "Lactatiekundige aan huis",
        "summary": (
            "Loopt borstvoeding moeizaam, heb je pijn of twijfel je of je baby genoeg drinkt? "
            "Een vroedvrouw-lactatiekundige komt bij je thuis en helpt je op weg."
        ),
        "description": (
            "Borstvoeding is natuurlijk, maar niet altijd vanzelfsprekend. De lactatiekundige "
            "kijkt hoe je baby aanhapt en drinkt, helpt bij pijnlijke tepels of een "
            "borstontsteking en geeft tips over afkolven als je weer gaat werken. Eén keer per "
            "maand is er ook een borstvoedingscafé in het Huis van het Kind, waar je andere "
            "mama's ontmoet. Ook tijdens je zwangerschap kan je al een gesprek aanvragen."
        ),
        "domains": ["gezondheid"],
        "age_groups": ["aanstaand", "0-3"],
        "target_groups": ["aanstaande-ouders"],
        "for_expecting_parents": True,
        "minimum_age": 0,
        "maximum_age": 2,
        "eligibility_description": (
            "Voor aanstaande en nieuwe moeders die borstvoeding geven of willen geven."
        ),
        "application_process": (
            "Bel voor een huisbezoek; bij problemen kan het meestal binnen 48 uur."
        ),
        "schedule_description": (
            "Huisbezoeken op afspraak; borstvoedingscafé de laatste vrijdag van de maand van "
            "10 tot 11.30 uur."
        ),
        "is_free": False,
        "price": None,
        "price_description": (
            "Tot twee consulten na de geboorte worden terugbetaald door je ziekenfonds; het "
            "borstvoedingscafé is gratis."
        ),
        "social_tariff": True,
        "social_tariff_price": None,
        "social_tariff_description": "Met een verhoogde tegemoetkoming betaal je geen remgeld.",
        "service_areas": ["Kalmthout", "Essen", "Kapellen", "Wuustwezel"],
        "locations": ["Vroedvrouwenpraktijk De Wieg", HVHK_KALMTHOUT],
        "languages": ["nl", "en"],
        "url": "https://www.example.be/vroedvrouwen-de-wieg/borstvoeding",
        "email": "borstvoeding@de-wieg.example.be",
        "phone": "03 000 01 21",
        "contact_name": "Nele Aerts",
        "contact_title": "Vroedvrouw en lactatiekundige",
        "contact_email": "nele.aerts@de-wieg.example.be",
        "accessibility": (
            "Bij je thuis, of in het Huis van het Kind (gelijkvloers, borstvoedingshoek)."
        ),
        "referral_criteria": (
            "Verwijs bij pijn bij het voeden, weinig gewichtstoename van de baby of een moeder "
            "die overweegt te stoppen terwijl ze dat eigenlijk niet wil."
        ),
        "status": "published",
    },
    # --- Partners of Huis van het Kind Zoersel-Brecht-Zandhoven-Wijnegem-Schilde ------------
    {
        "organisation": "Consultatiebureau Kind en Gezin Brecht",
        "name": "Consultatiebureau Brecht",
        "alternate_name": "Vaccinaties en groei opvolgen voor baby's en peuters",
        "summary": (
            "Ga gratis met je baby of peuter op consultatie in Brecht. Een arts en een "
            "verpleegkundige volgen groei en ontwikkeling op, geven de vaccinaties en "
            "beantwoorden je vragen over voeding, slapen en huilen."
        ),
        "description": (
            "In het consultatiebureau van Brecht wordt je kind gewogen en gemeten, en kijkt de "
            "arts naar de ontwikkeling, de ogen en het gehoor. Je kind krijgt er gratis de "
            "aanbevolen vaccinaties. De verpleegkundige neemt tijd voor je vragen over "
            "borstvoeding, vaste voeding, slapen of opvoeden. Je kind blijft er tot 3 jaar "
            "welkom."
        ),
        "domains": ["gezondheid", "opvoedingsondersteuning"],
        "age_groups": ["0-3"],
        "target_groups": [],
        "for_expecting_parents": False,
        "minimum_age": 0,
        "maximum_age": 3,
        "eligibility_description": (
            "Voor alle kinderen van 0 tot 3 jaar uit Brecht, Sint-Job en Sint-Lenaarts."
        ),
        "application_process": (
            "Maak een afspraak via de Kind en Gezin-Lijn of de app van Kind en Gezin."
        ),
        "schedule_description": (
            "Maandagnamiddag van 13.30 tot 16.30 uur en donderdagvoormiddag van 9 tot 12 uur, "
            "op afspraak."
        ),
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Brecht"],
        "locations": ["Consultatiebureau Brecht"],
        "languages": ["nl", "fr", "en"],
        "url": "https://www.example.be/consultatiebureau-brecht",
        "email": "consultatiebureau-brecht@kindengezin.example.be",
        "phone": "03 000 02 01",
        "contact_name": "Sien Verstraeten",
        "contact_title": "Verpleegkundige",
        "contact_email": "sien.verstraeten@kindengezin.example.be",
        "accessibility": REGION_HOUSE_ACCESS,
        "referral_criteria": (
            "Verwijs gezinnen met een kind onder 3 jaar die nog niet op consultatie komen of "
            "vaccinaties gemist hebben."
        ),
        "status": "published",
    },
    {
        "organisation": "Consultatiebureau Kind en Gezin Brecht",
        "name": "Groepssessie veilig slapen in Brecht",
        "alternate_name": "Infosessie veilig slapen",
        "summary": (
            "Leer in een gratis groepssessie hoe je baby veilig slaapt: op de rug, in een "
            "slaapzak, zonder knuffels in bed. Voor aanstaande ouders, ouders en grootouders."
        ),
        "description": (
            "Een verpleegkundige van het consultatiebureau vertelt wat je kan doen om "
            "wiegendood te voorkomen en hoe je een veilige slaapplek inricht. Je krijgt tips "
            "over slaapritme, inbakeren en wat je doet als je baby veel huilt. Er is tijd voor "
            "vragen en een babbel met andere ouders. Je baby mag mee."
        ),
        "domains": ["gezondheid", "opvoedingsondersteuning"],
        "age_groups": ["aanstaand", "0-3"],
        "target_groups": ["aanstaande-ouders", "grootouders"],
        "for_expecting_parents": True,
        "minimum_age": 0,
        "maximum_age": 1,
        "eligibility_description": (
            "Voor aanstaande ouders, ouders van baby's tot 1 jaar en grootouders."
        ),
        "application_process": "Schrijf je in via de website of aan het consultatiebureau.",
        "schedule_description": "De eerste dinsdag van elke even maand, van 19 tot 20.30 uur.",
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": REGION_FIVE,
        "locations": [HVHK_BRECHT],
        "languages": ["nl"],
        "url": "https://www.example.be/consultatiebureau-brecht/veilig-slapen",
        "email": "consultatiebureau-brecht@kindengezin.example.be",
        "phone": "03 000 02 01",
        "contact_name": "Sien Verstraeten",
        "contact_title": "Verpleegkundige",
        "contact_email": "sien.verstraeten@kindengezin.example.be",
        "accessibility": REGION_HOUSE_ACCESS,
        "referral_criteria": (
            "Voor alle aanstaande ouders en hun omgeving, liefst voor de geboorte."
        ),
        "status": "published",
    },
    {
        "organisation": "Consultatiebureau Kind en Gezin Zoersel-Zandhoven",
        "name": "Consultatiebureau Zoersel en Zandhoven",
        "alternate_name": "Consult voor baby's en peuters",
        "summary": (
            "Gratis consultatie voor je baby of peuter in Zoersel of Zandhoven: wegen en meten, "
            "vaccinaties en tips op maat. Je kiest zelf de plaats die het best past."
        ),
        "description": (
            "Het consultatiebureau heeft twee plaatsen, in het Huis van het Kind Zoersel en in "
            "Zandhoven. Een arts en een verpleegkundige volgen de groei en de ontwikkeling van "
            "je kind op en geven de vaccinaties. Je kan er ook terecht met vragen over voeding, "
            "tandjes, slapen en opvoeden. Op elke zitdag is er een speelhoek voor broertjes en "
            "zusjes."
        ),
        "domains": ["gezondheid", "opvoedingsondersteuning"],
        "age_groups": ["0-3"],
        "target_groups": [],
        "for_expecting_parents": False,
        "minimum_age": 0,
        "maximum_age": 3,
        "eligibility_description": "Voor alle kinderen van 0 tot 3 jaar uit Zoersel en Zandhoven.",
        "application_process": (
            "Maak een afspraak via de Kind en Gezin-Lijn of de app van Kind en Gezin."
        ),
        "schedule_description": (
            "Zoersel: dinsdagvoormiddag en donderdagnamiddag. Zandhoven: vrijdagvoormiddag. "
            "Altijd op afspraak."
        ),
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Zoersel", "Zandhoven"],
        "locations": ["Consultatiebureau Zoersel", "Consultatiebureau Zandhoven"],
        "languages": ["nl", "en"],
        "url": "https://www.example.be/consultatiebureau-zoersel-zandhoven",
        "email": "consultatiebureau-zoersel-zandhoven@kindengezin.example.be",
        "phone": "03 000 02 02",
        "contact_name": "Ellen Van Roey",
        "contact_title": "Verpleegkundige",
        "contact_email": "ellen.vanroey@kindengezin.example.be",
        "accessibility": REGION_HOUSE_ACCESS,
        "referral_criteria": (
            "Verwijs gezinnen met een kind onder 3 jaar die nog niet op consultatie komen."
        ),
        "status": "published",
    },
    {
        "organisation": "Consultatiebureau Kind en Gezin Zoersel-Zandhoven",
        "name": "Groepssessie eerste hapjes",
        "alternate_name": "Infosessie vaste voeding",
        "summary": (
            "Wanneer start je met vaste voeding, en hoe? In deze gratis groepssessie leer je "
            "alles over fruit- en groentepap, allergieën en zelf leren eten."
        ),
        "description": (
            "Rond 4 tot 6 maanden begint je baby met vaste voeding. Een verpleegkundige legt "
            "uit welke voeding wanneer past, hoe je pap maakt en wat je doet als je baby niet "
            "wil eten. Ook 'baby led weaning' en het voorkomen van allergieën komen aan bod. Je "
            "mag proeven en krijgt recepten mee naar huis."
        ),
        "domains": ["gezondheid", "opvoedingsondersteuning"],
        "age_groups": ["0-3"],
        "target_groups": [],
        "for_expecting_parents": False,
        "minimum_age": 0,
        "maximum_age": 1,
        "eligibility_description": "Voor ouders van baby's van 3 tot 9 maanden.",
        "application_process": "Schrijf je in aan het consultatiebureau of via de website.",
        "schedule_description": "Om de twee maanden op een woensdagnamiddag van 13.30 tot 15 uur.",
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Zoersel", "Zandhoven"],
        "locations": [HVHK_ZOERSEL],
        "languages": ["nl"],
        "url": "https://www.example.be/consultatiebureau-zoersel-zandhoven/eerste-hapjes",
        "email": "consultatiebureau-zoersel-zandhoven@kindengezin.example.be",
        "phone": "03 000 02 02",
        "contact_name": "Ellen Van Roey",
        "contact_title": "Verpleegkundige",
        "contact_email": "ellen.vanroey@kindengezin.example.be",
        "accessibility": REGION_HOUSE_ACCESS,
        "referral_criteria": "",
        "status": "published",
    },
    {
        "organisation": "Consultatiebureau Kind en Gezin Schilde-Wijnegem",
        "name": "Consultatiebureau Schilde en Wijnegem",
        "alternate_name": "Consult voor baby's en peuters",
        "summary": (
            "Ga gratis met je baby of peuter op consultatie in het Huis van het Kind Schilde of "
            "Wijnegem. Je kind wordt gewogen, gemeten en gevaccineerd, en je krijgt tips op maat."
        ),
        "description": (
            "Ouders uit Schilde, 's-Gravenwezel en Wijnegem kunnen met hun kind tot 3 jaar op "
            "consultatie in het Huis van het Kind van hun gemeente. De arts onderzoekt je kind "
            "en geeft de vaccinaties volgens het basisschema. De verpleegkundige helpt je met "
            "vragen over voeding, slapen, huilen en zindelijkheid. Na het consult kan je blijven "
            "voor het speelmoment in de ontmoetingsplek."
        ),
        "domains": ["gezondheid", "opvoedingsondersteuning"],
        "age_groups": ["0-3"],
        "target_groups": [],
        "for_expecting_parents": False,
        "minimum_age": 0,
        "maximum_age": 3,
        "eligibility_description": "Voor alle kinderen van 0 tot 3 jaar uit Schilde en Wijnegem.",
        "application_process": (
            "Maak een afspraak via de Kind en Gezin-Lijn of de app van Kind en Gezin."
        ),
        "schedule_description": (
            "Schilde: maandagvoormiddag en woensdagnamiddag. Wijnegem: woensdagvoormiddag. Op "
            "afspraak."
        ),
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Schilde", "Wijnegem"],
        "locations": ["Consultatiebureau Schilde", "Consultatiebureau Wijnegem"],
        "languages": ["nl", "fr", "en"],
        "url": "https://www.example.be/consultatiebureau-schilde-wijnegem",
        "email": "consultatiebureau-schilde-wijnegem@kindengezin.example.be",
        "phone": "03 000 02 03",
        "contact_name": "Leen Cuypers",
        "contact_title": "Verpleegkundige",
        "contact_email": "leen.cuypers@kindengezin.example.be",
        "accessibility": REGION_HOUSE_ACCESS,
        "referral_criteria": (
            "Verwijs gezinnen met een kind onder 3 jaar die nog niet op consultatie komen."
        ),
        "status": "published",
    },
    {
        "organisation": "Consultatiebureau Kind en Gezin Schilde-Wijnegem",
        "name": "Babymassage in Schilde",
        "alternate_name": "Maandelijkse babymassage-sessie",
        "summary": (
            "Eén keer per maand leer je in een gratis sessie je baby masseren. Goed tegen "
            "krampjes en onrust, en een fijn moment samen."
        ),
        "description": (
            "Een verpleegkundige met een opleiding babymassage toont hoe je je baby rustig en "
            "veilig masseert. Je oefent op je eigen baby en leert zijn signalen lezen. Massage "
            "kan helpen bij krampjes, huilen en inslapen. Na de sessie is er tijd voor een "
            "babbel met andere ouders. Breng een handdoek mee."
        ),
        "domains": ["gezondheid", "opvoedingsondersteuning", "vrije-tijd-ontmoeting"],
        "age_groups": ["0-3"],
        "target_groups": [],
        "for_expecting_parents": False,
        "minimum_age": 0,
        "maximum_age": 1,
        "eligibility_description": "Voor ouders met een baby van 6 weken tot 8 maanden.",
        "application_process": (
            "Schrijf je in aan het consultatiebureau; maximaal acht ouders per sessie."
        ),
        "schedule_description": "De laatste woensdag van de maand van 10 tot 11.30 uur.",
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Schilde", "Wijnegem"],
        "locations": [HVHK_SCHILDE],
        "languages": ["nl"],
        "url": "https://www.example.be/consultatiebureau-schilde-wijnegem/babymassage",
        "email": "consultatiebureau-schilde-wijnegem@kindengezin.example.be",
        "phone": "03 000 02 03",
        "contact_name": "Leen Cuypers",
        "contact_title": "Verpleegkundige",
        "contact_email": "leen.cuypers@kindengezin.example.be",
        "accessibility": REGION_HOUSE_ACCESS,
        "referral_criteria": (
            "Een aanrader bij huilbaby's en krampjes, en voor ouders die het contact met hun "
            "baby willen versterken."
        ),
        "status": "published",
    },
    {
        "organisation": "Jeugddienst Zoersel",
        "name": "Speelpleinwerking Zoersel",
        "alternate_name": "Speelplein De Kabouterberg",
        "summary": (
            "Elke weekdag in de zomervakantie spelen op het speelplein van Zoersel, met "
            "animatoren, grote spelen en een uitstap. Je schrijft in per dag; met de "
            "vrijetijdspas betaal je het kansentarief."
        ),
        "description": (
            "Op het speelplein spelen kinderen van 3 tot 14 jaar in leeftijdsgroepen. "
            "Animatoren zorgen voor sport, knutselen, waterspelen en een themaweek met een "
            "grote uitstap. Er is voor- en naopvang voor werkende ouders. Kinderen die extra "
            "zorg nodig hebben, krijgen een vaste begeleider; vertel het bij de inschrijving."
        ),
        "domains": ["vrije-tijd-ontmoeting", "kinderopvang"],
        "age_groups": ["3-6", "6-12", "12-18"],
        "target_groups": ["ouders-kind-beperking"],
        "for_expecting_parents": False,
        "minimum_age": 3,
        "maximum_age": 14,
        "eligibility_description": "Voor kinderen van 3 tot 14 jaar.",
        "application_process": (
            "Online inschrijven vanaf 1 mei; hulp nodig, kom dan langs in het Vrijetijdshuis."
        ),
        "schedule_description": (
            "In juli en augustus, op weekdagen van 9 tot 16.30 uur; opvang van 7.30 tot 18 uur."
        ),
        "is_free": False,
        "price": "6.00",
        "price_description": "Per dag, vieruurtje inbegrepen.",
        "social_tariff": True,
        "social_tariff_price": "1.50",
        "social_tariff_description": (
            "Met de vrijetijdspas met kansentarief betaal je 1,50 euro per dag."
        ),
        "service_areas": ["Zoersel"],
        "locations": ["Vrijetijdshuis Zoersel"],
        "languages": ["nl"],
        "url": "https://www.example.be/jeugddienst-zoersel/speelplein",
        "email": "speelplein@zoersel.example.be",
        "phone": "03 000 02 04",
        "contact_name": "Niels Van Gorp",
        "contact_title": "Jeugdconsulent",
        "contact_email": "niels.vangorp@zoersel.example.be",
        "accessibility": "Het speelplein is grotendeels verhard; er is een aangepast toilet.",
        "referral_criteria": (
            "Voor gezinnen die in de zomer betaalbare opvang en vrije tijd zoeken; wijs op het "
            "kansentarief."
        ),
        "status": "published",
    },
    {
        "organisation": "Jeugddienst Zoersel",
        "name": "Tienerwerking in de vakanties",
        "alternate_name": "Tienerkampen en uitstappen",
        "summary": (
            "Ben je tussen 12 en 16 jaar? In de vakanties kan je mee op uitstap, workshops "
            "volgen of zelf iets organiseren met de tienerwerking van Zoersel."
        ),
        "description": (
            "De tienerwerking organiseert in elke schoolvakantie uitstappen, sportdagen en "
            "workshops zoals graffiti, koken of DJ'en. Je kiest zelf aan welke dagen je "
            "meedoet. Tieners kunnen ook zelf voorstellen doen en mee organiseren. Het is een "
            "goede manier om nieuwe vrienden te maken."
        ),
        "domains": ["vrije-tijd-ontmoeting"],
        "age_groups": ["12-18"],
        "target_groups": ["jongeren"],
        "for_expecting_parents": False,
        "minimum_age": 12,
        "maximum_age": 16,
        "eligibility_description": "Voor jongeren van 12 tot 16 jaar.",
        "application_process": "Online inschrijven per activiteit.",
        "schedule_description": "In de krokus-, paas-, zomer- en herfstvakantie.",
        "is_free": False,
        "price": "10.00",
        "price_description": "Per activiteit; uitstappen kosten meer.",
        "social_tariff": True,
        "social_tariff_price": "2.00",
        "social_tariff_description": "Met de vrijetijdspas met kansentarief betaal je 20 procent.",
        "service_areas": ["Zoersel"],
        "locations": ["Vrijetijdshuis Zoersel"],
        "languages": ["nl"],
        "url": "https://www.example.be/jeugddienst-zoersel/tieners",
        "email": "jeugddienst@zoersel.example.be",
        "phone": "03 000 02 04",
        "contact_name": "Niels Van Gorp",
        "contact_title": "Jeugdconsulent",
        "contact_email": "niels.vangorp@zoersel.example.be",
        "accessibility": "Het Vrijetijdshuis is toegankelijk met een rolstoel.",
        "referral_criteria": (
            "Voor tieners die in de vakantie weinig te doen hebben of weinig contacten hebben."
        ),
        "status": "published",
    },
    {
        "organisation": "Jeugddienst Zoersel",
        "name": "Vrijetijdspas met kansentarief",
        "alternate_name": "UiTPAS Zoersel",
        "summary": (
            "Met de vrijetijdspas met kansentarief betalen gezinnen met een beperkt inkomen "
            "maar 20 procent voor speelplein, kampen, sportclubs, jeugdbeweging en academie. "
            "Gratis aan te vragen."
        ),
        "description": (
            "Iedereen moet kunnen meedoen. Met de vrijetijdspas krijgen kinderen en ouders een "
            "grote korting bij de jeugddienst, de sportdienst en heel wat verenigingen in "
            "Zoersel. De pas werkt zoals een UiTPAS: je toont hem bij de inschrijving. De "
            "jeugddienst bekijkt met jou of je recht hebt en maakt de pas meteen voor je hele "
            "gezin."
        ),
        "domains": ["kinderarmoede", "vrije-tijd-ontmoeting"],
        "age_groups": ["3-6", "6-12", "12-18", "18-25"],
        "target_groups": ["kwetsbare-gezinnen", "alleenstaande-ouders"],
        "for_expecting_parents": False,
        "minimum_age": None,
        "maximum_age": None,
        "eligibility_description": (
            "Voor inwoners van Zoersel met een verhoogde tegemoetkoming, een leefloon of in "
            "schuldbemiddeling."
        ),
        "application_process": "Kom langs in het Vrijetijdshuis met je identiteitskaart.",
        "schedule_description": "Tijdens de openingsuren van het Vrijetijdshuis.",
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": True,
        "social_tariff_price": None,
        "social_tariff_description": (
            "Je betaalt 20 procent van de gewone prijs bij deelnemende aanbieders."
        ),
        "service_areas": ["Zoersel"],
        "locations": ["Vrijetijdshuis Zoersel"],
        "languages": ["nl", "fr", "en"],
        "url": "https://www.example.be/jeugddienst-zoersel/vrijetijdspas",
        "email": "vrijetijdspas@zoersel.example.be",
        "phone": "03 000 02 04",
        "contact_name": "Niels Van Gorp",
        "contact_title": "Jeugdconsulent",
        "contact_email": "niels.vangorp@zoersel.example.be",
        "accessibility": "Het Vrijetijdshuis is toegankelijk met een rolstoel.",
        "referral_criteria": (
            "Wijs gezinnen met een beperkt inkomen op de pas, zeker als hun kinderen niet "
            "meedoen aan activiteiten omwille van de kostprijs."
        ),
        "status": "published",
    },
    {
        "organisation": "Jeugddienst Brecht",
        "name": "Speelpleinwerking Brecht",
        "alternate_name": "Speelplein Sint-Job en Brecht",
        "summary": (
            "Spelen, ravotten en vrienden maken in de zomer: op het speelplein van Brecht kan "
            "je kind elke weekdag terecht. Er is een kansentarief voor gezinnen met een kleiner "
            "budget."
        ),
        "description": (
            "In de zomervakantie is er speelpleinwerking op twee plaatsen, in Brecht en in "
            "Sint-Job. Animatoren zorgen voor spelletjes, knutselen, sport en themadagen. Je "
            "kind kan komen wanneer het wil; je schrijft in per dag. Er is voor- en naopvang "
            "voor werkende ouders."
        ),
        "domains": ["vrije-tijd-ontmoeting", "kinderopvang"],
        "age_groups": ["3-6", "6-12"],
        "target_groups": [],
        "for_expecting_parents": False,
        "minimum_age": 3,
        "maximum_age": 12,
        "eligibility_description": "Voor kinderen van 3 tot 12 jaar.",
        "application_process": (
            "Online inschrijven vanaf half mei, of aan het loket van de jeugddienst."
        ),
        "schedule_description": "In juli en augustus, op weekdagen van 9 tot 17 uur.",
        "is_free": False,
        "price": "5.00",
        "price_description": "Per dag; voor- en naopvang kost 1 euro.",
        "social_tariff": True,
        "social_tariff_price": "1.00",
        "social_tariff_description": "Met het kansentarief betaal je 1 euro per dag.",
        "service_areas": ["Brecht"],
        "locations": [],
        "languages": ["nl"],
        "url": "https://www.example.be/jeugddienst-brecht/speelplein",
        "email": "speelplein@brecht.example.be",
        "phone": "03 000 02 05",
        "contact_name": "Jolien Verbeeck",
        "contact_title": "Jeugdconsulent",
        "contact_email": "jolien.verbeeck@brecht.example.be",
        "accessibility": "Beide terreinen hebben een aangepast toilet.",
        "referral_criteria": (
            "Voor gezinnen die in de zomer betaalbare opvang en vrije tijd zoeken."
        ),
        "status": "published",
    },
    {
        "organisation": "Jeugd- en sportdienst Zandhoven",
        "name": "G-sport voor kinderen en jongeren",
        "alternate_name": "Aangepast sporten",
        "summary": (
            "Sporten op je eigen tempo: G-sport is er voor kinderen en jongeren met een "
            "beperking. Elke week zwemmen, balsporten of turnen, met ervaren begeleiders."
        ),
        "description": (
            "In de G-sportwerking sporten kinderen en jongeren met een fysieke of verstandelijke "
            "beperking, autisme of een andere zorgvraag. De trainers passen de oefeningen aan "
            "zodat iedereen kan meedoen en plezier heeft. Er zijn groepen voor zwemmen, "
            "balsporten en turnen. Een proefles is gratis; kom gerust eerst kijken."
        ),
        "domains": ["vrije-tijd-ontmoeting", "gezondheid"],
        "age_groups": ["6-12", "12-18", "18-25"],
        "target_groups": ["ouders-kind-beperking"],
        "for_expecting_parents": False,
        "minimum_age": 6,
        "maximum_age": 21,
        "eligibility_description": (
            "Voor kinderen en jongeren met een beperking, van 6 tot 21 jaar."
        ),
        "application_process": "Bel of mail de sportdienst voor een gratis proefles.",
        "schedule_description": "Elke zaterdag van 10 tot 11.30 uur, tijdens het schooljaar.",
        "is_free": False,
        "price": "60.00",
        "price_description": "Voor een volledig seizoen, verzekering inbegrepen.",
        "social_tariff": True,
        "social_tariff_price": "12.00",
        "social_tariff_description": "Met het sociaal tarief betaal je 12 euro per seizoen.",
        "service_areas": ["Zandhoven", "Zoersel", "Ranst"],
        "locations": ["Sportpark Zandhoven"],
        "languages": ["nl", "sgn"],
        "url": "https://www.example.be/jeugd-sport-zandhoven/g-sport",
        "email": "g-sport@zandhoven.example.be",
        "phone": "03 000 02 06",
        "contact_name": "Kristof Nuyts",
        "contact_title": "Sportfunctionaris",
        "contact_email": "kristof.nuyts@zandhoven.example.be",
        "accessibility": (
            "Sporthal en zwembad zijn toegankelijk met een rolstoel; aangepaste kleedkamers "
            "en een tillift in het zwembad."
        ),
        "referral_criteria": (
            "Voor kinderen met een beperking die in een gewone sportclub niet (meer) aan hun "
            "trekken komen."
        ),
        "status": "published",
    },
    {
        "organisation": "Jeugd- en sportdienst Zandhoven",
        "name": "Kleutersport",
        "alternate_name": "Bewegingslessen voor kleuters",
        "summary": (
            "Rollen, klimmen, springen en balanceren: in de kleutersport ontdekken kleuters "
            "spelenderwijs hoe hun lichaam werkt. Elke woensdagnamiddag in de sporthal."
        ),
        "description": (
            "Bewegen is belangrijk voor de ontwikkeling van jonge kinderen. In de kleutersport "
            "bouwen de lesgevers een parcours op met matten, ballen en klimtoestellen. Kleuters "
            "oefenen hun evenwicht en coördinatie en leren samen spelen. Er wordt veel "
            "gelachen en niemand moet presteren."
        ),
        "domains": ["vrije-tijd-ontmoeting", "gezondheid"],
        "age_groups": ["3-6"],
        "target_groups": [],
        "for_expecting_parents": False,
        "minimum_age": 3,
        "maximum_age": 6,
        "eligibility_description": "Voor kleuters van 3 tot 6 jaar.",
        "application_process": "Online inschrijven per reeks van tien lessen.",
        "schedule_description": "Woensdag van 14 tot 15 uur, tijdens het schooljaar.",
        "is_free": False,
        "price": "35.00",
        "price_description": "Per reeks van tien lessen.",
        "social_tariff": True,
        "social_tariff_price": "7.00",
        "social_tariff_description": "Met het sociaal tarief betaal je 7 euro per reeks.",
        "service_areas": ["Zandhoven"],
        "locations": ["Sportpark Zandhoven"],
        "languages": ["nl"],
        "url": "https://www.example.be/jeugd-sport-zandhoven/kleutersport",
        "email": "sport@zandhoven.example.be",
        "phone": "03 000 02 06",
        "contact_name": "Kristof Nuyts",
        "contact_title": "Sportfunctionaris",
        "contact_email": "kristof.nuyts@zandhoven.example.be",
        "accessibility": "De sporthal is gelijkvloers en toegankelijk met een rolstoel.",
        "referral_criteria": "",
        "status": "published",
    },
    {
        "organisation": "Jeugd- en sportdienst Zandhoven",
        "name": "Speelpleinwerking en sportkampen Zandhoven",
        "alternate_name": "Zomerwerking",
        "summary": (
            "In de zomer kan je kind naar het speelplein of een sportkamp in Zandhoven. Je kiest "
            "per dag of per week, en met het sociaal tarief kan elk kind meedoen."
        ),
        "description": (
            "De speelpleinwerking is er elke weekdag in juli en augustus voor kinderen van 3 "
            "tot 12 jaar. Voor sportievelingen zijn er weekkampen met voetbal, dans, "
            "avontuurlijke sporten of een mix. Er is voor- en naopvang, zodat de uren passen "
            "voor werkende ouders. Kinderen met een beperking zijn welkom; overleg vooraf met "
            "de sportdienst."
        ),
        "domains": ["vrije-tijd-ontmoeting", "kinderopvang"],
        "age_groups": ["3-6", "6-12", "12-18"],
        "target_groups": ["ouders-kind-beperking"],
        "for_expecting_parents": False,
        "minimum_age": 3,
        "maximum_age": 14,
        "eligibility_description": "Speelplein van 3 tot 12 jaar; sportkampen van 6 tot 14 jaar.",
        "application_process": "Online inschrijven vanaf 1 april.",
        "schedule_description": (
            "In juli en augustus, op weekdagen van 9 tot 16 uur; opvang vanaf 8 uur."
        ),
        "is_free": False,
        "price": "65.00",
        "price_description": "Per sportkamp van vijf dagen; het speelplein kost 5 euro per dag.",
        "social_tariff": True,
        "social_tariff_price": "13.00",
        "social_tariff_description": (
            "Met het sociaal tarief betaal je 20 procent: 13 euro per kamp of 1 euro per "
            "speelpleindag."
        ),
        "service_areas": ["Zandhoven"],
        "locations": ["Sportpark Zandhoven"],
        "languages": ["nl"],
        "url": "https://www.example.be/jeugd-sport-zandhoven/zomer",
        "email": "jeugd@zandhoven.example.be",
        "phone": "03 000 02 06",
        "contact_name": "Joke Van den Bergh",
        "contact_title": "Jeugdconsulent",
        "contact_email": "joke.vandenbergh@zandhoven.example.be",
        "accessibility": "Het sportpark is toegankelijk met een rolstoel.",
        "referral_criteria": (
            "Voor gezinnen die in de zomer betaalbare opvang en vrije tijd zoeken."
        ),
        "status": "published",
    },
    {
        "organisation": "Jeugddienst Wijnegem",
        "name": "Vakantiewerking voor lagereschoolkinderen",
        "alternate_name": "Grabbelpas Wijnegem",
        "summary": (
            "Tijdens de schoolvakanties organiseert de jeugddienst van Wijnegem speelweken, "
            "uitstappen en workshops voor kinderen van de lagere school. Met korting voor "
            "gezinnen met een beperkt inkomen."
        ),
        "description": (
            "In de vakanties kunnen kinderen van 6 tot 12 jaar meedoen aan speelweken met een "
            "thema, een dagje naar de zee of workshops zoals bakken en bouwen. Monitoren zorgen "
            "voor een leuke en veilige dag. Je schrijft per dag of per week in. Er is opvang "
            "voor en na de activiteiten."
        ),
        "domains": ["vrije-tijd-ontmoeting", "kinderopvang"],
        "age_groups": ["6-12"],
        "target_groups": [],
        "for_expecting_parents": False,
        "minimum_age": 6,
        "maximum_age": 12,
        "eligibility_description": "Voor kinderen van het eerste tot het zesde leerjaar.",
        "application_process": "Online inschrijven, of aan het loket in het gemeentehuis.",
        "schedule_description": (
            "In de paas-, zomer- en herfstvakantie, op weekdagen van 9 tot 16 uur."
        ),
        "is_free": False,
        "price": "7.00",
        "price_description": "Per dag; uitstappen kosten 12 euro.",
        "social_tariff": True,
        "social_tariff_price": "1.40",
        "social_tariff_description": "Gezinnen met een beperkt inkomen betalen 20 procent.",
        "service_areas": ["Wijnegem"],
        "locations": [],
        "languages": ["nl"],
        "url": "https://www.example.be/jeugddienst-wijnegem/vakantiewerking",
        "email": "jeugddienst@wijnegem.example.be",
        "phone": "03 000 02 07",
        "contact_name": "Hamza Bouzid",
        "contact_title": "Jeugdconsulent",
        "contact_email": "hamza.bouzid@wijnegem.example.be",
        "accessibility": "In de gemeentelijke sporthal, toegankelijk met een rolstoel.",
        "referral_criteria": (
            "Voor gezinnen die tijdens de vakanties betaalbare activiteiten zoeken."
        ),
        "status": "published",
    },
    {
        "organisation": "Jeugddienst Wijnegem",
        "name": "Speelstraat aanvragen",
        "alternate_name": "",
        "summary": (
            "Wil je met de buren de straat een paar dagen autovrij maken, zodat de kinderen er "
            "kunnen spelen? De jeugddienst helpt je een speelstraat aan te vragen en leent "
            "speelmateriaal uit."
        ),
        "description": (
            "Een speelstraat is een straat die tijdens de zomervakantie een paar uur per dag "
            "afgesloten wordt voor auto's. Kinderen kunnen er veilig spelen en buren leren "
            "elkaar kennen. De jeugddienst helpt met de aanvraag, de hekken en de borden, en "
            "leent een speelkoffer uit. Je hebt de handtekening van de meeste bewoners nodig."
        ),
        "domains": ["vrije-tijd-ontmoeting"],
        "age_groups": ["3-6", "6-12"],
        "target_groups": [],
        "for_expecting_parents": False,
        "minimum_age": None,
        "maximum_age": None,
        "eligibility_description": "Voor bewoners van een straat in Wijnegem.",
        "application_process": (
            "Vraag aan via het formulier op de website, ten laatste zes weken vooraf."
        ),
        "schedule_description": "In de zomervakantie, op momenten die de straat zelf kiest.",
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Wijnegem"],
        "locations": [],
        "languages": ["nl"],
        "url": "https://www.example.be/jeugddienst-wijnegem/speelstraat",
        "email": "jeugddienst@wijnegem.example.be",
        "phone": "03 000 02 07",
        "contact_name": "Hamza Bouzid",
        "contact_title": "Jeugdconsulent",
        "contact_email": "hamza.bouzid@wijnegem.example.be",
        "accessibility": "",
        "referral_criteria": "",
        "status": "draft",
    },
    {
        "organisation": "Jeugddienst Schilde",
        "name": "Speelpleinwerking Schilde en 's-Gravenwezel",
        "alternate_name": "Speelplein in de zomer",
        "summary": (
            "Op het speelplein van Schilde spelen kinderen van 3 tot 12 jaar elke weekdag in de "
            "zomer, met animatoren en grote spelen. Er is een sociaal tarief voor wie het nodig "
            "heeft."
        ),
        "description": (
            "De speelpleinwerking vindt plaats rond het Jeugdcentrum in Schilde, met een busje "
            "vanuit 's-Gravenwezel. Animatoren zorgen voor spel, sport en knutselen in groepjes "
            "per leeftijd. Er is voor- en naopvang. Kinderen met extra zorg krijgen waar "
            "mogelijk een eigen begeleider."
        ),
        "domains": ["vrije-tijd-ontmoeting", "kinderopvang"],
        "age_groups": ["3-6", "6-12"],
        "target_groups": ["ouders-kind-beperking"],
        "for_expecting_parents": False,
        "minimum_age": 3,
        "maximum_age": 12,
        "eligibility_description": "Voor kinderen van 3 tot 12 jaar.",
        "application_process": (
            "Online inschrijven vanaf 1 mei; hulp bij het inschrijven kan in het Jeugdcentrum."
        ),
        "schedule_description": (
            "In juli en de eerste helft van augustus, op weekdagen van 9 tot 16.30 uur."
        ),
        "is_free": False,
        "price": "5.50",
        "price_description": "Per dag, vieruurtje inbegrepen.",
        "social_tariff": True,
        "social_tariff_price": "1.10",
        "social_tariff_description": "Met het sociaal tarief betaal je 1,10 euro per dag.",
        "service_areas": ["Schilde"],
        "locations": ["Jeugdcentrum Schilde"],
        "languages": ["nl"],
        "url": "https://www.example.be/jeugddienst-schilde/speelplein",
        "email": "speelplein@schilde.example.be",
        "phone": "03 000 02 08",
        "contact_name": "Femke De Wit",
        "contact_title": "Jeugdconsulent",
        "contact_email": "femke.dewit@schilde.example.be",
        "accessibility": "Het Jeugdcentrum is gelijkvloers met een aangepast toilet.",
        "referral_criteria": (
            "Voor gezinnen die in de zomer betaalbare opvang en vrije tijd zoeken."
        ),
        "status": "published",
    },
    {
        "organisation": "Gezinsondersteuning Voorkempen",
        "name": "Gezinsbegeleiding aan huis",
        "alternate_name": "Thuisbegeleiding",
        "summary": (
            "Valt het opvoeden even zwaar, bijvoorbeeld na een tweeling, bij ziekte of in een "
            "moeilijke periode? Een gezinsbegeleider komt bij je thuis en helpt met structuur, "
            "papierwerk en de zorg voor de kinderen."
        ),
        "description": (
            "Een gezinsbegeleider komt een paar maanden lang wekelijks bij je thuis. Samen kijken "
            "jullie wat er nodig is: een dagritme, afspraken rond bedtijd, hulp bij brieven en "
            "papieren of tips als de kinderen niet luisteren. De begeleider werkt aan wat jij "
            "belangrijk vindt en helpt je de weg te vinden naar andere hulp in de buurt. De "
            "begeleiding is gratis."
        ),
        "domains": ["opvoedingsondersteuning", "kinderarmoede"],
        "age_groups": ["aanstaand", "0-3", "3-6", "6-12"],
        "target_groups": ["kwetsbare-gezinnen", "alleenstaande-ouders", "anderstalige-gezinnen"],
        "for_expecting_parents": True,
        "minimum_age": 0,
        "maximum_age": 12,
        "eligibility_description": (
            "Voor gezinnen met (aanstaande) kinderen tot 12 jaar uit Brecht, Schilde, Wijnegem, "
            "Zandhoven en Zoersel."
        ),
        "application_process": (
            "Bel zelf of vraag het consultatiebureau, het CAW of het Huis van het Kind om je "
            "aan te melden. Een begeleider komt eerst kennismaken."
        ),
        "schedule_description": "Op afspraak bij je thuis, meestal één keer per week.",
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": REGION_FIVE,
        "locations": [],
        "languages": ["nl", "fr", "en", "ar"],
        "url": "https://www.example.be/gezinsondersteuning-voorkempen/thuisbegeleiding",
        "email": "aanmelding@gezinsondersteuning.example.be",
        "phone": "03 000 02 09",
        "contact_name": "An Bosmans",
        "contact_title": "Gezinsbegeleider",
        "contact_email": "an.bosmans@gezinsondersteuning.example.be",
        "accessibility": AT_HOME,
        "referral_criteria": (
            "Verwijs gezinnen die overbelast zijn door de zorg voor jonge kinderen, bij ziekte "
            "van een ouder, een meerling of weinig netwerk."
        ),
        "status": "published",
    },
    {
        "organisation": "Gezinsondersteuning Voorkempen",
        "name": "Steun voor ouders van een meerling",
        "alternate_name": "Tweelingwerking",
        "summary": (
            "Een tweeling of drieling krijgen is dubbel zo mooi, maar ook dubbel zo druk. Een "
            "begeleider helpt je thuis de eerste maanden door, en je ontmoet andere "
            "meerlingouders."
        ),
        "description": (
            "De eerste maanden met een meerling zijn intens: voedingen, luiers en weinig slaap. "
            "Een gezinsbegeleider komt bij je thuis om mee een ritme te zoeken en zorgt voor "
            "praktische tips. Elke twee maanden is er een ontmoetingsmoment met andere ouders "
            "van een meerling, in het Huis van het Kind Zoersel. Je kan ook al tijdens de "
            "zwangerschap een gesprek aanvragen."
        ),
        "domains": ["opvoedingsondersteuning", "vrije-tijd-ontmoeting"],
        "age_groups": ["aanstaand", "0-3"],
        "target_groups": ["aanstaande-ouders"],
        "for_expecting_parents": True,
        "minimum_age": 0,
        "maximum_age": 3,
        "eligibility_description": "Voor (aanstaande) ouders van een tweeling, drieling of meer.",
        "application_process": "Bel of mail; een begeleider komt langs voor een kennismaking.",
        "schedule_description": (
            "Huisbezoeken op afspraak; ontmoeting om de twee maanden op zaterdagvoormiddag."
        ),
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": REGION_FIVE,
        "locations": [HVHK_ZOERSEL],
        "languages": ["nl", "en"],
        "url": "https://www.example.be/gezinsondersteuning-voorkempen/meerlingen",
        "email": "meerlingen@gezinsondersteuning.example.be",
        "phone": "03 000 02 09",
        "contact_name": "An Bosmans",
        "contact_title": "Gezinsbegeleider",
        "contact_email": "an.bosmans@gezinsondersteuning.example.be",
        "accessibility": "Bij je thuis, of in het Huis van het Kind Zoersel (gelijkvloers).",
        "referral_criteria": (
            "Verwijs zwangere vrouwen van een meerling en ouders van een jonge meerling."
        ),
        "status": "published",
    },
    {
        "organisation": "Inloopteam De Klimop",
        "name": "Inloopmomenten De Klimop",
        "alternate_name": "Open huis voor jonge gezinnen",
        "summary": (
            "Loop binnen voor een tas koffie, een babbel, tweedehands kinderkleren of hulp bij "
            "papierwerk. De Klimop is een open huis voor gezinnen met jonge kinderen. Gratis en "
            "zonder afspraak."
        ),
        "description": (
            "In het inloopteam De Klimop ben je welkom zoals je bent. Terwijl de kinderen "
            "spelen, kan je bijpraten met andere ouders en met de medewerkers. Je kan er "
            "kinderkleren, luiers en speelgoed krijgen en hulp vragen bij brieven, formulieren "
            "of afspraken. Wie een vraag heeft die we zelf niet kunnen oplossen, brengen we "
            "persoonlijk in contact met de juiste dienst."
        ),
        "domains": ["kinderarmoede", "vrije-tijd-ontmoeting", "opvoedingsondersteuning"],
        "age_groups": ["aanstaand", "0-3", "3-6"],
        "target_groups": ["kwetsbare-gezinnen", "alleenstaande-ouders", "anderstalige-gezinnen"],
        "for_expecting_parents": True,
        "minimum_age": 0,
        "maximum_age": 6,
        "eligibility_description": (
            "Voor (aanstaande) gezinnen met kinderen tot 6 jaar die het financieel of sociaal "
            "moeilijk hebben."
        ),
        "application_process": "Je hoeft je niet aan te melden; kom gewoon binnen.",
        "schedule_description": "Dinsdag en donderdag van 9 tot 12 uur.",
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Brecht", "Zoersel"],
        "locations": ["Inloopteam De Klimop"],
        "languages": ["nl", "fr", "en", "ar", "ro"],
        "url": "https://www.example.be/inloopteam-de-klimop",
        "email": "welkom@de-klimop.example.be",
        "phone": "03 000 02 10",
        "contact_name": "Mieke Vos",
        "contact_title": "Medewerker inloopteam",
        "contact_email": "mieke.vos@de-klimop.example.be",
        "accessibility": "Gelijkvloers met plaats voor kinderwagens en een speelhoek.",
        "referral_criteria": (
            "Verwijs jonge gezinnen in armoede, met weinig netwerk of die de weg naar "
            "hulpverlening niet vinden. Je mag gerust eens mee binnenstappen."
        ),
        "status": "published",
    },
    {
        "organisation": "Inloopteam De Klimop",
        "name": "Speel- en taalmomenten voor peuters",
        "alternate_name": "Peuterspeelpunt De Klimop",
        "summary": (
            "Samen met je peuter spelen, zingen en voorlezen, zodat je kindje spelenderwijs "
            "Nederlands leert voor het naar de kleuterschool gaat. Gratis, en ouders blijven "
            "erbij."
        ),
        "description": (
            "In het peuterspeelpunt van De Klimop spelen peuters van 18 maanden tot 3 jaar "
            "samen met hun ouder. Een kleuterleidster zorgt voor liedjes, prentenboeken en "
            "spelletjes die de taal stimuleren. Ouders leren hoe ze thuis op een speelse manier "
            "met hun kind kunnen praten, ook als thuis een andere taal gesproken wordt. Het is "
            "een zachte overgang naar de kleuterschool."
        ),
        "domains": ["onderwijs", "opvoedingsondersteuning", "kinderarmoede"],
        "age_groups": ["0-3"],
        "target_groups": ["anderstalige-gezinnen", "kwetsbare-gezinnen"],
        "for_expecting_parents": False,
        "minimum_age": 1,
        "maximum_age": 3,
        "eligibility_description": "Voor peuters van 18 maanden tot 3 jaar met een ouder.",
        "application_process": "Kom langs tijdens een inloopmoment om kennis te maken.",
        "schedule_description": "Woensdag van 9.30 tot 11 uur, tijdens het schooljaar.",
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Brecht", "Zoersel"],
        "locations": ["Inloopteam De Klimop"],
        "languages": ["nl"],
        "url": "https://www.example.be/inloopteam-de-klimop/peuters",
        "email": "welkom@de-klimop.example.be",
        "phone": "03 000 02 10",
        "contact_name": "Mieke Vos",
        "contact_title": "Medewerker inloopteam",
        "contact_email": "mieke.vos@de-klimop.example.be",
        "accessibility": "Gelijkvloers met plaats voor kinderwagens.",
        "referral_criteria": (
            "Voor peuters die weinig Nederlands horen of niet naar de kinderopvang gaan, als "
            "voorbereiding op de kleuterschool."
        ),
        "status": "published",
    },
    {
        "organisation": "Inloopteam De Klimop",
        "name": "Oudergroep De Klimop",
        "alternate_name": "Praten over opvoeden met andere ouders",
        "summary": (
            "Eén keer per maand praten ouders samen over een thema dat ze zelf kiezen, zoals "
            "eten, slapen, grenzen stellen of het budget. Met kinderopvang ter plaatse."
        ),
        "description": (
            "In de oudergroep delen ouders hun ervaringen en tips, begeleid door een "
            "medewerker van De Klimop. Soms komt er iemand van het consultatiebureau of het "
            "Opvoedingspunt vertellen. Terwijl de ouders praten, spelen de kinderen in de "
            "kamer ernaast onder begeleiding. Er is soep en brood voor iedereen."
        ),
        "domains": ["opvoedingsondersteuning", "vrije-tijd-ontmoeting", "kinderarmoede"],
        "age_groups": ["0-3", "3-6"],
        "target_groups": ["kwetsbare-gezinnen", "alleenstaande-ouders"],
        "for_expecting_parents": False,
        "minimum_age": 0,
        "maximum_age": 6,
        "eligibility_description": "Voor ouders van kinderen tot 6 jaar.",
        "application_process": "Laat het weten tijdens een inloopmoment of bel ons.",
        "schedule_description": "De laatste donderdag van de maand van 12 tot 14 uur.",
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Brecht", "Zoersel"],
        "locations": ["Inloopteam De Klimop"],
        "languages": ["nl"],
        "url": "https://www.example.be/inloopteam-de-klimop/oudergroep",
        "email": "welkom@de-klimop.example.be",
        "phone": "03 000 02 10",
        "contact_name": "Mieke Vos",
        "contact_title": "Medewerker inloopteam",
        "contact_email": "mieke.vos@de-klimop.example.be",
        "accessibility": "Gelijkvloers met plaats voor kinderwagens.",
        "referral_criteria": (
            "Voor ouders die steun zoeken bij andere ouders in een gelijkaardige situatie."
        ),
        "status": "published",
    },
    {
        "organisation": "De Stem, vereniging waar armen het woord nemen",
        "name": "Ontmoetingsnamiddag en gezinsuitstappen",
        "alternate_name": "",
        "summary": (
            "Kom samen met mensen die weten hoe het is om weinig geld te hebben. Op de "
            "ontmoetingsnamiddagen praat je, steun je elkaar en plannen we samen uitstappen met "
            "het hele gezin."
        ),
        "description": (
            "In De Stem nemen mensen met armoede-ervaring zelf het woord. Op de "
            "ontmoetingsnamiddag drink je een koffie, vertel je je verhaal of luister je gewoon. "
            "We praten over wat beter kan in de gemeente en brengen dat naar het beleid en het "
            "Huis van het Kind. Een paar keer per jaar gaan we samen op uitstap, bijvoorbeeld "
            "naar de zee of een pretpark, tegen een kleine prijs."
        ),
        "domains": ["kinderarmoede", "vrije-tijd-ontmoeting"],
        "age_groups": ["aanstaand", "0-3", "3-6", "6-12", "12-18", "18-25"],
        "target_groups": ["kwetsbare-gezinnen", "alleenstaande-ouders"],
        "for_expecting_parents": True,
        "minimum_age": None,
        "maximum_age": None,
        "eligibility_description": (
            "Voor iedereen die in armoede leeft of leefde, met of zonder kinderen."
        ),
        "application_process": (
            "Kom gewoon langs; voor de uitstappen schrijf je in tijdens een namiddag."
        ),
        "schedule_description": "Elke tweede en vierde maandag van de maand van 13.30 tot 16 uur.",
        "is_free": True,
        "price": None,
        "price_description": (
            "De ontmoetingen zijn gratis; voor uitstappen vragen we 2 euro per persoon."
        ),
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Zoersel", "Zandhoven", "Brecht", "Malle"],
        "locations": ["De Stem"],
        "languages": ["nl"],
        "url": "https://www.example.be/de-stem/ontmoeting",
        "email": "contact@destem.example.be",
        "phone": "03 000 02 11",
        "contact_name": "Rudi Claessens",
        "contact_title": "Opbouwwerker",
        "contact_email": "rudi.claessens@destem.example.be",
        "accessibility": "Gelijkvloers; vervoer kan geregeld worden als je niet zelf kan komen.",
        "referral_criteria": (
            "Voor mensen in armoede die zich geïsoleerd voelen of hun stem willen laten horen."
        ),
        "status": "published",
    },
    {
        "organisation": "Opvoedingspunt Voorkempen",
        "name": "Opvoedingsgesprekken in je eigen gemeente",
        "alternate_name": "Opvoedingsvragen van baby tot puber",
        "summary": (
            "Heb je een vraag over opvoeden, van huilen en driftbuien tot pubers en "
            "schermtijd? Praat gratis met een opvoedingsondersteuner in het Huis van het Kind "
            "van je gemeente, aan de telefoon of via e-mail."
        ),
        "description": (
            "Het Opvoedingspunt Voorkempen beantwoordt alle vragen over opvoeden, groot of "
            "klein. Je kiest zelf hoe: een gesprek in het Huis van het Kind in Brecht of "
            "Schilde, een telefoontje of een mail. Samen kijken jullie naar wat er speelt en "
            "wat je al probeerde, en je gaat naar huis met concrete tips. Als het nodig is, "
            "volgen er een paar gesprekken of zoeken we samen de juiste hulp."
        ),
        "domains": ["opvoedingsondersteuning"],
        "age_groups": ["0-3", "3-6", "6-12", "12-18"],
        "target_groups": ["alleenstaande-ouders", "grootouders", "anderstalige-gezinnen"],
        "for_expecting_parents": False,
        "minimum_age": 0,
        "maximum_age": 18,
        "eligibility_description": (
            "Voor ouders, grootouders en iedereen die kinderen opvoedt in Brecht, Schilde, "
            "Wijnegem, Zandhoven of Zoersel."
        ),
        "application_process": "Bel of mail voor een afspraak; meestal kan het binnen de week.",
        "schedule_description": (
            "Brecht: maandagnamiddag en donderdagvoormiddag. Schilde: maandagvoormiddag. "
            "Telefonisch elke werkdag van 9 tot 17 uur."
        ),
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": REGION_FIVE,
        "locations": [
            "Opvoedingspunt in het Huis van het Kind Brecht",
            "Opvoedingspunt in het Huis van het Kind Schilde",
        ],
        "languages": ["nl", "en", "fr"],
        "url": "https://www.example.be/opvoedingspunt-voorkempen/gesprekken",
        "email": "opvoedingspunt@zbzws.example.be",
        "phone": "03 000 02 12",
        "contact_name": "Koen Aerts",
        "contact_title": "Opvoedingsondersteuner",
        "contact_email": "opvoedingspunt@zbzws.example.be",
        "accessibility": REGION_HOUSE_ACCESS,
        "referral_criteria": (
            "Verwijs ouders met opvoedingsvragen die meer nodig hebben dan een tip, maar geen "
            "gespecialiseerde hulpverlening."
        ),
        "status": "published",
    },
    {
        "organisation": "Opvoedingspunt Voorkempen",
        "name": "Oudergroep slapen bij peuters en kleuters",
        "alternate_name": "Groepssessie slaapproblemen",
        "summary": (
            "Wil je kind 's avonds niet slapen, komt het elke nacht in je bed of wordt het heel "
            "vroeg wakker? In deze oudergroep krijg je uitleg en tips en maak je een plan voor "
            "thuis."
        ),
        "description": (
            "In twee avonden leer je hoe de slaap van jonge kinderen werkt en waarom ze 's "
            "nachts wakker worden. Je krijgt tips over bedrituelen, inslapen zonder jou erbij "
            "en omgaan met nachtmerries en angst in het donker. Samen met andere ouders maak je "
            "een stappenplan dat bij jouw gezin past. Op de tweede avond bespreken we hoe het "
            "thuis gaat."
        ),
        "domains": ["opvoedingsondersteuning", "gezondheid"],
        "age_groups": ["0-3", "3-6"],
        "target_groups": [],
        "for_expecting_parents": False,
        "minimum_age": 1,
        "maximum_age": 6,
        "eligibility_description": "Voor ouders van kinderen van 1 tot 6 jaar.",
        "application_process": "Schrijf je in via de website; maximum twaalf ouders per groep.",
        "schedule_description": (
            "Twee dinsdagavonden met drie weken ertussen, van 19.30 tot 21.30 uur."
        ),
        "is_free": False,
        "price": "10.00",
        "price_description": "Voor de twee avonden samen.",
        "social_tariff": True,
        "social_tariff_price": "2.00",
        "social_tariff_description": (
            "Met een UiTPAS of vrijetijdspas met kansentarief betaal je 2 euro."
        ),
        "service_areas": REGION_FIVE,
        "locations": [HVHK_WIJNEGEM],
        "languages": ["nl"],
        "url": "https://www.example.be/opvoedingspunt-voorkempen/slapen",
        "email": "opvoedingspunt@zbzws.example.be",
        "phone": "03 000 02 12",
        "contact_name": "Koen Aerts",
        "contact_title": "Opvoedingsondersteuner",
        "contact_email": "opvoedingspunt@zbzws.example.be",
        "accessibility": "Eerste verdieping met lift; tram- en bushalte op wandelafstand.",
        "referral_criteria": (
            "Verwijs ouders die uitgeput zijn door het slaapgedrag van hun kind. Bij medische "
            "klachten eerst naar de huisarts of het consultatiebureau."
        ),
        "status": "published",
    },
    {
        "organisation": "Opvoedingspunt Voorkempen",
        "name": "Workshop zindelijkheid",
        "alternate_name": "Potjestraining en toilettraining",
        "summary": (
            "Is je peuter klaar om de pamper of luier achter te laten? In deze workshop hoor je "
            "hoe je zindelijkheidstraining speels aanpakt en wat je doet bij ongelukjes of "
            "terugval."
        ),
        "description": (
            "Zindelijk worden gaat bij elk kind anders. In deze workshop leer je de signalen "
            "herkennen dat je kind eraan toe is en krijg je tips om het potje of het toilet "
            "aantrekkelijk te maken. We praten over belonen, over ongelukjes en over kinderen "
            "die 's nachts nog niet droog zijn. Er is ruim tijd voor jouw vragen."
        ),
        "domains": ["opvoedingsondersteuning", "gezondheid"],
        "age_groups": ["0-3", "3-6"],
        "target_groups": [],
        "for_expecting_parents": False,
        "minimum_age": 2,
        "maximum_age": 4,
        "eligibility_description": "Voor ouders van kinderen van ongeveer 2 tot 4 jaar.",
        "application_process": "Schrijf je in via de website.",
        "schedule_description": (
            "Vier keer per jaar op een zaterdagvoormiddag van 10 tot 11.30 uur, beurtelings in "
            "Zoersel en Zandhoven. Kinderopvang ter plaatse."
        ),
        "is_free": False,
        "price": "5.00",
        "price_description": "Per workshop, kinderopvang inbegrepen.",
        "social_tariff": True,
        "social_tariff_price": "1.00",
        "social_tariff_description": (
            "Met een UiTPAS of vrijetijdspas met kansentarief betaal je 1 euro."
        ),
        "service_areas": REGION_FIVE,
        "locations": [HVHK_ZOERSEL, HVHK_ZANDHOVEN],
        "languages": ["nl"],
        "url": "https://www.example.be/opvoedingspunt-voorkempen/zindelijkheid",
        "email": "opvoedingspunt@zbzws.example.be",
        "phone": "03 000 02 12",
        "contact_name": "Tine Huybrechts",
        "contact_title": "Opvoedingsondersteuner",
        "contact_email": "tine.huybrechts@opvoedingspunt-voorkempen.example.be",
        "accessibility": REGION_HOUSE_ACCESS,
        "referral_criteria": (
            "Voor ouders met vragen over zindelijkheid, zeker voor de start in de kleuterschool."
        ),
        "status": "published",
    },
    {
        "organisation": "Opvoedingspunt Voorkempen",
        "name": "Cursus Pubers: loslaten en verbinden",
        "alternate_name": "Oudercursus puberteit",
        "summary": (
            "Deuren die dichtslaan, discussies over de gsm en weinig praten: in deze cursus "
            "voor ouders van pubers leer je hoe je in contact blijft en toch grenzen stelt."
        ),
        "description": (
            "In drie avonden ontdek je wat er verandert in de puberteit en waarom je tiener "
            "doet wat hij doet. Je oefent gesprekken die niet in ruzie eindigen en maakt "
            "afspraken over schermtijd, uitgaan en school. Ook thema's als alcohol, sociale "
            "media en eerste liefdes komen aan bod. Je deelt ervaringen met andere ouders en "
            "krijgt een werkboekje mee."
        ),
        "domains": ["opvoedingsondersteuning"],
        "age_groups": ["6-12", "12-18"],
        "target_groups": ["alleenstaande-ouders"],
        "for_expecting_parents": False,
        "minimum_age": 11,
        "maximum_age": 17,
        "eligibility_description": "Voor ouders van kinderen van 11 tot 17 jaar.",
        "application_process": "Schrijf je in via de website.",
        "schedule_description": (
            "Drie donderdagavonden in het najaar, van 19.30 tot 22 uur, in Schilde."
        ),
        "is_free": False,
        "price": "25.00",
        "price_description": "Voor de drie avonden, werkboekje inbegrepen.",
        "social_tariff": True,
        "social_tariff_price": "5.00",
        "social_tariff_description": (
            "Met een UiTPAS of vrijetijdspas met kansentarief betaal je 5 euro."
        ),
        "service_areas": REGION_FIVE,
        "locations": ["Opvoedingspunt in het Huis van het Kind Schilde"],
        "languages": ["nl"],
        "url": "https://www.example.be/opvoedingspunt-voorkempen/pubers",
        "email": "opvoedingspunt@zbzws.example.be",
        "phone": "03 000 02 12",
        "contact_name": "Koen Aerts",
        "contact_title": "Opvoedingsondersteuner",
        "contact_email": "opvoedingspunt@zbzws.example.be",
        "accessibility": "Gelijkvloers, toegankelijk met een rolstoel.",
        "referral_criteria": (
            "Voor ouders die vastlopen in de communicatie met hun tiener, zonder ernstige "
            "gedragsproblemen of crisis."
        ),
        "status": "published",
    },
    {
        "organisation": "Huiswerkklas De Leerbrug",
        "name": "Huiswerkbegeleiding De Leerbrug",
        "alternate_name": "Huiswerkklas na school",
        "summary": (
            "Na school helpen vrijwilligers kinderen van de lagere school en jongeren uit het "
            "middelbaar met hun huiswerk, in een rustige ruimte en met een vieruurtje. Gratis."
        ),
        "description": (
            "In De Leerbrug maken kinderen en jongeren hun huiswerk en studeren ze hun lessen, "
            "met een vrijwilliger naast zich. Die legt uit wat niet duidelijk is, helpt met "
            "plannen en overhoort. Kinderen die thuis een andere taal spreken, krijgen extra "
            "hulp met het Nederlands. De vrijwilligers houden contact met de ouders en, als je "
            "dat wil, met de school."
        ),
        "domains": ["onderwijs", "kinderarmoede"],
        "age_groups": ["6-12", "12-18"],
        "target_groups": ["anderstalige-gezinnen", "kwetsbare-gezinnen"],
        "for_expecting_parents": False,
        "minimum_age": 6,
        "maximum_age": 16,
        "eligibility_description": (
            "Voor kinderen en jongeren van 6 tot 16 jaar uit Wijnegem en Schilde die thuis "
            "weinig hulp kunnen krijgen."
        ),
        "application_process": "Bel of mail voor een kennismakingsgesprek met je kind.",
        "schedule_description": (
            "Maandag, dinsdag en donderdag van 16 tot 18 uur, tijdens het schooljaar."
        ),
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Wijnegem", "Schilde"],
        "locations": ["Huiswerkklas De Leerbrug"],
        "languages": ["nl", "en", "ar", "uk"],
        "url": "https://www.example.be/de-leerbrug/huiswerkbegeleiding",
        "email": "info@de-leerbrug.example.be",
        "phone": "03 000 02 13",
        "contact_name": "Hilde Smolders",
        "contact_title": "Coördinator vrijwilligers",
        "contact_email": "hilde.smolders@de-leerbrug.example.be",
        "accessibility": "Gelijkvloers, vlak bij de tramhalte.",
        "referral_criteria": (
            "Scholen en CLB's kunnen kinderen verwijzen die thuis geen hulp of rustige plek "
            "hebben voor hun huiswerk, of die extra steun nodig hebben in het Nederlands."
        ),
        "status": "published",
    },
    {
        "organisation": "Huiswerkklas De Leerbrug",
        "name": "Zomerschool Nederlands",
        "alternate_name": "Taalstimulering in de zomer",
        "summary": (
            "Twee weken in augustus oefenen kinderen hun Nederlands met spel, verhalen en "
            "uitstappen, zodat ze met een goed gevoel aan het nieuwe schooljaar beginnen."
        ),
        "description": (
            "Op de zomerschool leren kinderen 's voormiddags Nederlands in kleine groepjes, met "
            "spelletjes, toneel en verhalen. 's Namiddags gaan ze op uitstap of sporten ze, "
            "zodat ze de taal ook buiten de klas gebruiken. De zomerschool is er vooral voor "
            "kinderen die thuis een andere taal spreken. Een warme maaltijd is inbegrepen."
        ),
        "domains": ["onderwijs", "kinderarmoede", "vrije-tijd-ontmoeting"],
        "age_groups": ["6-12"],
        "target_groups": ["anderstalige-gezinnen"],
        "for_expecting_parents": False,
        "minimum_age": 6,
        "maximum_age": 12,
        "eligibility_description": (
            "Voor kinderen van de lagere school die extra oefening in het Nederlands nodig hebben."
        ),
        "application_process": (
            "Inschrijven vanaf mei, via de school of rechtstreeks bij De Leerbrug."
        ),
        "schedule_description": (
            "De laatste twee weken van augustus, op weekdagen van 9 tot 16 uur."
        ),
        "is_free": True,
        "price": None,
        "price_description": "",
        "social_tariff": False,
        "social_tariff_price": None,
        "social_tariff_description": "",
        "service_areas": ["Wijnegem", "Schilde"],
        "locations": ["Huiswerkklas De Leerbrug"],
        "languages": ["nl"],
        "url": "https://www.example.be/de-leerbrug/zomerschool",
        "email": "info@de-leerbrug.example.be",
        "phone": "03 000 02 13",
        "contact_name": "Hilde Smolders",
        "contact_title": "Coördinator vrijwilligers",
        "contact_email": "hilde.smolders@de-leerbrug.example.be",
        "accessibility": "Gelijkvloers, vlak bij de tramhalte.",
        "referral_criteria": "Voor kinderen met een taalachterstand in het Nederlands.",
        "status": "draft",
    },
    {
        "organisation": "Kinderopvang De Sterrenpluk",
        "name": "Kinderdagverblijf De Sterrenpluk Zoersel",
        "alternate_name": "Crèche voor baby's en peuters",
        "summary": (
            "Een warm kinderdagverblijf (crèche) in Zoersel voor baby's en peuters, met vaste "
            "begeleiders en een grote tuin. Je betaalt volgens je inkomen."
        ),
        "description": (
            "In De Sterrenpluk worden baby's en peuters opgevangen in kleine leefgroepen met "
            "vaste kinderbegeleiders. Er is een rustige babyruimte, een peuterklas en een tuin "
            "om buiten te spelen. Tijdens de wenperiode maak je rustig kennis, en elke dag hoor "
            "je hoe het ging. Kinderen met extra zorg zijn welkom; we bekijken samen wat ze "
            "nodig hebben."
        ),
        "domains": ["kinderopvang"],
        "age_groups": ["0-3"],
        "target_groups": ["ouders-kind-beperking"],
        "for_expecting_parents": True,
        "minimum_age": 0,
        "maximum_age": 3,
        "eligibility_description": "Voor kinderen van 10 weken tot ze naar de kleuterschool gaan.",
        "application_process": (
            "Vraag een plaats aan via het formulier op de website, liefst al tijdens je "
            "zwangerschap. We laten je binnen twee weken weten of er plaats is."
        ),
        "schedule_description": "Op weekdagen van 6.45 tot 18.30 uur, behalve op feestdagen.",
        "is_free": False,
        "price": "34.26",
        "price_description": (
            "Per volle dag; je betaalt volgens je inkomen, vanaf 5,92 euro per dag."
        ),
        "social_tariff": True,
        "social_tariff_price": "3.85",
        "social_tariff_description": (
            "Met een attest van het OCMW of een verhoogde tegemoetkoming betaal je een verlaagd "
            "tarief."
        ),
        "service_areas": ["Zoersel", "Zandhoven"],
        "locations": ["Kinderopvang De Sterrenpluk"],
        "languages": ["nl", "en"],
        "url": "https://www.example.be/de-sterrenpluk/kinderdagverblijf-zoersel",
        "email": "inschrijven@de-sterrenpluk.example.be",
        "phone": "03 000 02 14",
        "contact_name": "Elke Van Dessel",
        "contact_title": "Verantwoordelijke kinderopvang",
        "contact_email": "elke.vandessel@de-sterrenpluk.example.be",
        "accessibility": "Gelijkvloers, toegankelijk met een rolstoel en een kinderwagen.",
        "referral_criteria": (
            "Verwijs gezinnen die kinderopvang zoeken in Zoersel of Zandhoven, ook voor kinderen "
            "met een zorgvraag."
        ),
        "status": "published",
    },
    {
        "organisation": "Kinderopvang De Sterrenpluk",
        "name": "Kinderdagverblijf De Sterrenpluk Brecht",
        "alternate_name": "Crèche in het Huis van het Kind Brecht",
        "summary": (
            "Een klein kinderdagverblijf (crèche) voor baby's en peuters in het gebouw van het "
            "Huis van het Kind Brecht. Achttien plaatsen, vaste begeleiders en een "
            "inkomenstarief."
        ),
        "description": (
            "In het Huis van het Kind Brecht heeft De Sterrenpluk een kleinschalig "
            "kinderdagverblijf met achttien plaatsen. Je kind zit in een vaste groep met "
            "dezelfde begeleiders, in een huiselijke sfeer. Omdat het consultatiebureau en het "
            "Opvoedingspunt in hetzelfde gebouw zitten, kan je met je vragen meteen bij de "
            "juiste persoon terecht. Er zijn altijd een paar plaatsen voor gezinnen die "
            "dringend opvang nodig hebben."
        ),
        "domains": ["kinderopvang"],
        "age_groups": ["0-3"],
        "target_groups": [],
        "for_expecting_parents": True,
        "minimum_age": 0,
        "maximum_age": 3,
        "eligibility_description": "Voor kinderen van 10 weken tot ze naar de kleuterschool gaan.",
        "application_process": (
            "Vraag een plaats aan via het formulier op de website of kom langs tijdens de "
            "openingsuren van het Huis van het Kind Brecht."
        ),
        "schedule_description": "Op weekdagen van 7 tot 18.30 uur, behalve op feestdagen.",
        "is_free": False,
        "price": "34.26",
        "price_description": (
            "Per volle dag; je betaalt volgens je inkomen, vanaf 5,92 euro per dag."
        ),
        "social_tariff": True,
        "social_tariff_price": "3.85",
        "social_tariff_description": (
            "Met een attest van het OCMW of een verhoogde tegemoetkoming betaal je een verlaagd "
            "tarief."
        ),
        "service_areas": ["Brecht"],
        "locations": [HVHK_BRECHT],
        "languages": ["nl"],
        "url": "https://www.example.be/de-sterrenpluk/kinderdagverblijf-brecht",
        "email": "brecht@de-sterrenpluk.example.be",
        "phone": "03 000 02 16",
        "contact_name": "Saskia Mertens",
        "contact_title": "Verantwoordelijke vestiging Brecht",
        "contact_email": "saskia.mertens@de-sterrenpluk.example.be",
        "accessibility": "Ingang zonder trappen en een aangepast toilet; bushalte op 200 meter.",
        "referral_criteria": (
            "Verwijs gezinnen uit Brecht die een crèche of kinderdagverblijf zoeken."
        ),
        "status": "published",
    },
    {
        "organisation": "Kinderopvang De Sterrenpluk",
        "name": "Buitenschoolse opvang De Sterrenpluk",
        "alternate_name": "Voor- en naschoolse opvang en vakantieopvang",
        "summary": (
            "Opvang voor kleuters en lagereschoolkinderen voor en na school, op "
            "woensdagnamiddag en in de vakanties. We halen de kinderen op aan de scholen van "
            "Zoersel en Zandhoven."
        ),
        "description": (
            "Na school kunnen kinderen bij De Sterrenpluk spelen, tot rust komen en hun huiswerk "
            "maken. Een busje haalt ze op aan de scholen in de buurt. Op woensdagnamiddag en in "
            "de schoolvakanties is er een gevarieerd programma met knutselen, buitenspel en "
            "uitstappen. Je betaalt per aanwezigheid, met korting voor broers en zussen."
        ),
        "domains": ["kinderopvang", "vrije-tijd-ontmoeting"],
        "age_groups": ["3-6", "6-12"],
        "target_groups": [],
        "for_expecting_parents": False,
        "minimum_age": 2,
        "maximum_age": 12,
        "eligibility_description": (
            "Voor kinderen van de kleuter- en de lagere school in Zoersel en Zandhoven."
        ),
        "application_process": (
            "Schrijf je kind één keer in via het ouderportaal; vakantiedagen reserveer je apart."
        ),
        "schedule_description": (
            "Schooldagen van 7 tot 8.30 uur en van 15.30 tot 18.30 uur; woensdag vanaf 12 uur; "
            "vakanties van 7 tot 18.30 uur."
        ),
        "is_free": False,
        "price": "4.50",
        "price_description": "Per voor- of naschools blok; een vakantiedag kost 13 euro.",
        "social_tariff": True,
        "social_tariff_price": "2.25",
        "social_tariff_description": "Gezinnen met een sociaal tarief betalen de helft.",
        "service_areas": ["Zoersel", "Zandhoven"],
        "locations": ["Kinderopvang De Sterrenpluk"],
        "languages": ["nl"],
        "url": "https://www.example.be/de-sterrenpluk/buitenschoolse-opvang",
        "email": "bko@de-sterrenpluk.example.be",
        "phone": "03 000 02 14",
        "contact_name": "Elke Van Dessel",
        "contact_title": "Verantwoordelijke kinderopvang",
        "contact_email": "elke.vandessel@de-sterrenpluk.example.be",
        "accessibility": "Gelijkvloers, toegankelijk met een rolstoel.",
        "referral_criteria": "",
        "status": "published",
    },
    {
        "organisation": "Kinderopvang De Sterrenpluk",
        "name": "Dringende opvang in de regio",
        "alternate_name": "Noodopvang voor baby's en peuters",
        "summary": (
            "Vind je plots werk, start je een opleiding of zit je gezin in een crisis? De "
            "Sterrenpluk houdt plaatsen vrij voor dringende opvang, voor gezinnen uit de vijf "
            "gemeenten."
        ),
        "description": (
            "In Zoersel en Brecht houdt De Sterrenpluk een paar plaatsen vrij voor gezinnen die "
            "snel kinderopvang nodig hebben. Je kind kan binnen enkele dagen starten, voor "
            "maximaal drie maanden. Ondertussen zoeken we samen met jou een vaste plaats, in De "
            "Sterrenpluk of elders. Hulpverleners kunnen de vraag ook voor jou doorgeven."
        ),
        "domains": ["kinderopvang", "kinderarmoede"],
        "age_groups": ["0-3"],
        "target_groups": ["kwetsbare-gezinnen", "alleenstaande-ouders"],
        "for_expecting_parents": False,
        "minimum_age": 0,
        "maximum_age": 3,
        "eligibility_description": (
            "Voor gezinnen uit Brecht, Schilde, Wijnegem, Zandhoven en Zoersel die om een "
            "dringende reden snel opvang nodig hebben."
        ),
        "application_process": "Bel De Sterrenpluk en vertel waarom de opvang dringend is.",
        "schedule_description": "Bereikbaar op werkdagen van 8 tot 17 uur.",
        "is_free": False,
        "price": "34.26",
        "price_description": (
            "Per volle dag; je betaalt volgens je inkomen, vanaf 5,92 euro per dag."
        ),
        "social_tariff": True,
        "social_tariff_price": "3.85",
        "social_tariff_description": "In een crisis kan het OCMW de kosten (gedeeltelijk) betalen.",
        "service_areas": REGION_FIVE,
        "locations": ["Kinderopvang De Sterrenpluk", HVHK_BRECHT],
        "languages": ["nl", "en"],
        "url": "https://www.example.be/de-sterrenpluk/dringende-opvang",
        "email": "dringend@de-sterrenpluk.example.be",
        "phone": "03 000 02 14",
        "contact_name": "Elke Van Dessel",
        "contact_title": "Verantwoordelijke kinderopvang",
        "contact_email": "elke.vandessel@de-sterrenpluk.example.be",
        "accessibility": "Beide locaties zijn toegankelijk met een kinderwagen en een rolstoel.",
        "referral_criteria": (
            "Bel zelf als een gezin door een crisis, een opname of een onverwachte job binnen "
            "enkele dagen opvang nodig heeft."
        ),
        "status": "published",
    },
    {
        "organisation": "CGG Voorkempen, team kinderen en jongeren",
        "name": "Psychologische hulp voor kinderen en jongeren",
        "alternate_name": "Psycholoog en therapie bij het CGG",
        "summary": (
            "Heeft je kind last van angst, somberheid, een trauma of een ontwikkelingsprobleem? "
            "Bij het CGG helpen psychologen en psychiaters kinderen en jongeren tot 23 jaar, "
            "samen met hun ouders."
        ),
        "description": (
            "Het centrum voor geestelijke gezondheidszorg (CGG) begeleidt kinderen en jongeren "
            "met psychische problemen. Na een eerste gesprek bekijken we samen welke hulp past: "
            "gesprekken met je kind, met het hele gezin of met jou als ouder. Het team heeft "
            "ook ervaring met autisme, ADHD en hechtingsproblemen bij jonge kinderen. Je hebt "
            "geen verwijsbrief nodig; bij een crisis zoeken we snel een oplossing."
        ),
        "domains": ["welbevinden-jeugdhulp", "gezondheid"],
        "age_groups": ["0-3", "3-6", "6-12", "12-18", "18-25"],
        "target_groups": ["jongeren", "ouders-kind-beperking"],
        "for_expecting_parents": False,
        "minimum_age": 0,
        "maximum_age": 23,
        "eligibility_description": "Voor kinderen en jongeren tot 23 jaar en hun ouders.",
        "application_process": (
            "Bel het aanmeldingsnummer. Je krijgt eerst een telefonisch gesprek en daarna een "
            "afspraak voor een intake. Er is een wachttijd; vraag ernaar."
        ),
        "schedule_description": "Op afspraak, op weekdagen van 9 tot 19 uur.",
        "is_free": False,
        "price": "11.00",
        "price_description": "Per gesprek; het eerste gesprek is gratis.",
        "social_tariff": True,
        "social_tariff_price": "4.00",
        "social_tariff_description": (
            "Met een verhoogde tegemoetkoming betaal je 4 euro per gesprek."
        ),
        "service_areas": [*REGION_FIVE, "Malle", "Ranst"],
        "locations": ["CGG Voorkempen"],
        "languages": ["nl", "en", "fr"],
        "url": "https://www.example.be/cgg-voorkempen/kinderen-en-jongeren",
        "email": "aanmelding@cgg-voorkempen.example.be",
        "phone": "03 000 02 15",
        "contact_name": "Dr. Pieter-Jan Hendrickx",
        "contact_title": "Klinisch psycholoog",
        "contact_email": "pieterjan.hendrickx@cgg-voorkempen.example.be",
        "accessibility": (
            "Gelijkvloers, toegankelijk met een rolstoel; rustige wachtruimte voor kinderen."
        ),
        "referral_criteria": (
            "Verwijs bij ernstige of langdurige psychische problemen, vermoeden van een "
            "ontwikkelingsstoornis of trauma. Voor lichte klachten eerst TEJO, het JAC of het "
            "CLB."
        ),
        "status": "published",
    },
    {
        "organisation": "CGG Voorkempen, team kinderen en jongeren",
        "name": "Oudercursus voor ouders van kinderen met autisme",
        "alternate_name": "",
        "summary": (
            "Heeft je kind autisme of wacht je op een diagnose? In vijf avonden leer je hoe je "
            "kind de wereld beleeft en hoe je thuis meer rust en duidelijkheid brengt."
        ),
        "description": (
            "In deze cursus leggen een psycholoog en een ergotherapeut uit wat autisme is en "
            "hoe het er thuis uitziet. Je leert werken met structuur, pictogrammen en vaste "
            "routines, en omgaan met driftbuien en overprikkeling. Je ontmoet andere ouders die "
            "hetzelfde meemaken. De cursus is ook open voor grootouders en andere opvoeders."
        ),
        "domains": ["welbevinden-jeugdhulp", "opvoedingsondersteuning"],
        "age_groups": ["3-6", "6-12"],
        "target_groups": ["ouders-kind-beperking", "grootouders"],
        "for_expecting_parents": False,
        "minimum_age": 3,
        "maximum_age": 12,
        "eligibility_description": (
            "Voor ouders van kinderen van 3 tot 12 jaar met (een vermoeden van) autisme."
        ),
        "application_process": "Schrijf je in via het aanmeldingsnummer van het CGG.",
        "schedule_description": "Vijf woensdagavonden in het voorjaar, van 19 tot 21.30 uur.",
        "is_free": False,
        "price": "40.00",
        "price_description": "Voor de volledige cursus, cursusmap inbegrepen.",
        "social_tariff": True,
        "social_tariff_price": "8.00",
        "social_tariff_description": "Met een verhoogde tegemoetkoming betaal je 8 euro.",
        "service_areas": [*REGION_FIVE, "Malle", "Ranst"],
        "locations": ["CGG Voorkempen"],
        "languages": ["nl"],
        "url": "https://www.example.be/cgg-voorkempen/oudercursus-autisme",
        "email": "aanmelding@cgg-voorkempen.example.be",
        "phone": "03 000 02 15",
        "contact_name": "Lore Wijns",
        "contact_title": "Ergotherapeut",
        "contact_email": "lore.wijns@cgg-voorkempen.example.be",
        "accessibility": "Gelijkvloers, toegankelijk met een rolstoel.",
        "referral_criteria": (
            "Voor ouders van een kind met een diagnose autisme of op de wachtlijst voor "
            "diagnostiek die vastlopen in de dagelijkse opvoeding."
        ),
        "status": "draft",
    },
]
