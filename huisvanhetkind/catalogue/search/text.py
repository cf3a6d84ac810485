"""Dutch text analysis shared by indexing and querying: normalising, stemming, decompounding.

Everything here is pure Python and deterministic, so a document and a query go through exactly
the same steps whatever the database is.
"""

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache

import snowballstemmer

# Words too common to help a search. Kept short on purpose: a word of the domain is never here.
_STOPWORDS = """
    aan al alle alles als altijd ander andere ben bij daar dan dat de der deze die dit doch
    doen door dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe
    hun iemand iets ik in is ja je jij jou jouw kan kon kunnen maar me meer men met mij mijn
    moet na naar niet niets nog nu of om omdat ons onze ook op over reeds te tegen toch toen
    tot u uit uw van veel voor waar want waren was wat we wel welk welke werd wezen wie wij wil
    worden wordt zal ze zelf zich zij zijn zo zonder zou
"""
STOPWORDS = frozenset(_STOPWORDS.split())

# Frequent building blocks of Dutch compounds in the world of families, children and care.
# A compound is split into these parts (and into words of the index vocabulary).
_COMPOUND_PARTS = """
    aanvraag activiteit adoptie advies afspraak alleenstaand ambulant anderstalig angst arbeid
    armoede arts autisme avond babbel baby bad balans bank basis bed begeleider begeleiding
    behandeling beperking beroep bevalling bewegen beweging bezoek bib bieb bijles boek
    boerderij bond borst bos brief brug buddy budget buiten bureau buurt centrum coach coaching
    computer consult consultatie crisis cultuur cursus dag dans dienst digitaal dokter dorp
    drama drug eet emotie energie eten factuur familie feest fiets figuur film fles gebaar
    geboorte gedrag geld gemeente gesprek gezin gezond gezondheid gids groei groep grootouder
    handicap hart herstel hoek huil huis huiswerk hulp hulpverlening huur inenting info
    informatie inloop inschrijving jeugd jeugdhulp jong jongere jongeren kamer kamp kennis kind
    kinder kine klas kleding klein kleren kleuter knutsel koffie kost kosten kraam kring kunst
    laptop leef leer leerling lees leesplezier les leven lijn lijst logopedie loket loon
    luister maaltijd markt massage media melk meting middag moeder motoriek muziek nacht natuur
    netwerk nieuwkomer nood ochtend oma ondersteuning onderwijs ontbijt onthaal ontmoeting
    ontwikkeling opa opleiding opvang opvoed opvoeding ouder ouders pakket pamper papa pas
    pauze pedagoog permanentie peuter plaats plan pleeg pleegzorg plein potje praat premie
    probleem programma project psycho psycholoog punt rouw ruimte school schuld screening
    sessie slaap sociaal speel spel sport spreek spreekuur stad start steun stimulering straat
    studie taal tafel tarief team teken therapie thuis tiener tijd toelage toeslag toilet
    training traject uur vaccin vaccinatie vader vakantie verblijf verlof vervoer verzorging
    verzorgster vlucht voeding voedsel vorming vraag vragen vriend vrij vrije vrijwilliger
    vroed vroedvrouw wacht water week weekend weging welzijn werk werking wijk winkel woning
    workshop zindelijk zindelijkheid zorg zwanger zwangerschap zwem
    alcohol bemiddeling beurs boeken bus dreumes game gamen geweld gehoor gsm huishoud internet
    kaart kringloop kruidenier liefde mantel misbruik oog oppas ouderschap pest pesten puber
    reken relatie roken scheiding scherm schrijf spraak speelgoed tablet tand tas trein
    tweedehands tweeling verslaving voorlees vriendschap weerbaarheid ziek ziekenhuis ziekte
    zuigeling
"""
COMPOUND_PARTS = frozenset(_COMPOUND_PARTS.split())

# Linking letters Dutch puts between the parts of a compound (opvoeding-s-ondersteuning,
# boek-en-kast, pann-e-koek), longest first.
LINKING = ("en", "s", "e")

MIN_PART = 3  # a built-in part is at least this long
MIN_VOCABULARY_PART = 5  # a word of the index vocabulary used as a part is at least this long
MIN_COMPOUND = 6  # shorter words are never split
MAX_WORD = 40  # longer "words" are noise (URLs, hashes) and are cut

# Irregular plurals that the stemmer leaves apart from their singular.
STEM_EXCEPTIONS = {"kinder": "kind"}

_stemmer = snowballstemmer.stemmer("dutch_porter")
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*(?:-[^\W_]+)*")


def normalise(text: str) -> str:
    """Lower case without accents: ``Crèche`` becomes ``creche``, ``ĳ`` becomes ``ij``."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def words(text: str) -> Iterator[str]:
    """The normalised words of ``text`` in order, stopwords included.

    ``baby's`` becomes ``babys``; a hyphenated word yields its pieces and their join
    (``G-sport``: ``sport`` and ``gsport``). Words of one character are dropped.
    """
    for match in _TOKEN.finditer(normalise(text)):
        token = match.group().replace("'", "").replace("’", "")
        pieces = token.split("-")
        for piece in pieces:
            if len(piece) > 1:
                yield piece[:MAX_WORD]
        if len(pieces) > 1:
            joined = "".join(pieces)
            if len(joined) > 1:
                yield joined[:MAX_WORD]


def content_words(text: str) -> list[str]:
    return [word for word in words(text) if word not in STOPWORDS]


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Dutch stem of a normalised word (``slaapproblemen`` and ``slaapprobleem`` agree)."""
    if word.isdigit():
        return word
    # Plurals in -s after a vowel that the stemmer keeps: vaccinaties, baby(')s, crèches.
    if len(word) >= 5 and word.endswith(("ies", "ys", "ches")):
        word = word[:-1]
    result = _stemmer.stemWord(word)
    # Undouble a final consonant the stemmer leaves (gezinnen -> gezinn -> gezin).
    if len(result) > 3 and result[-1] == result[-2] and result[-1] not in "aeiou":
        result = result[:-1]
    return STEM_EXCEPTIONS.get(result, result)


class Decompounder:
    """Splits Dutch compounds into known parts: ``peuterspeelpunt`` -> peuter, speelpunt, speel, punt.

    ``known`` holds the surface forms that may be parts (the built-in list and words of the
    index vocabulary); the last part may also be an inflected form of one (``slaapproblemen``:
    slaap + problemen, because ``problemen`` has the stem of ``probleem``).
    """

    def __init__(self, vocabulary: Iterable[str] = (), stems: Iterable[str] | None = None):
        """``vocabulary``: the words of the index; ``stems``: their stems (computed when not
        given; a process that loads the index takes them from it instead)."""
        self.known: set[str] = set(COMPOUND_PARTS)
        self.known_stems: set[str] = {stem(word) for word in COMPOUND_PARTS}
        self._memo: dict[str, tuple[str, ...]] = {}
        vocabulary = list(vocabulary)
        for word in vocabulary:
            self.add_word(word)
        self.known_stems.update(stems if stems is not None else map(stem, vocabulary))

    def extended(self, words: Iterable[str]) -> "Decompounder":
        """A copy that also knows ``words`` and their stems."""
        other = Decompounder()
        other.known = set(self.known)
        other.known_stems = set(self.known_stems)
        for word in words:
            other.add_word(word)
            other.known_stems.add(stem(word))
        return other

    def add_word(self, word: str) -> None:
        if (
            len(word) >= MIN_VOCABULARY_PART
            and word.isalpha()
            and word not in STOPWORDS
            and word not in self.known
        ):
            self.known.add(word)
            self._memo.clear()

    def add_stem(self, text: str) -> None:
        if text not in self.known_stems:
            self.known_stems.add(text)
            self._memo.clear()

    def split(self, word: str) -> tuple[str, ...]:
        """The best split of ``word`` into two or more parts (fewest parts), or ``()``."""
        if len(word) < MIN_COMPOUND or not word.isalpha():
            return ()
        found = self._memo.get(word)
        if found is None:
            if len(self._memo) > 100_000:
                self._memo.clear()
            found = self._memo[word] = self._split(word)
        return found

    def parts(self, word: str) -> list[str]:
        """All parts of ``word``, its parts' parts included, in order of appearance."""
        found: list[str] = []
        for part in self.split(word):
            if part not in found:
                found.append(part)
            for sub in self.parts(part):
                if sub not in found:
                    found.append(sub)
        return found

    def _final(self, segment: str) -> bool:
        return len(segment) >= MIN_PART and (
            segment in self.known or stem(segment) in self.known_stems
        )

    def _split(self, word: str) -> tuple[str, ...]:
        n = len(word)
        # heads[i]: the best way to cut word[:i] into known parts (and linking letters), as
        # (parts, linking letters used); only positions some known parts lead to are tried.
        heads: dict[int, tuple[tuple[str, ...], int]] = {0: ((), 0)}
        candidates = []
        for i in range(n - MIN_PART + 1):
            if i not in heads:
                continue
            parts, links = heads[i]
            if parts and self._final(word[i:]):
                candidates.append(((*parts, word[i:]), links))
            for j in range(i + MIN_PART, n - MIN_PART + 1):
                head = word[i:j]
                if head not in self.known:
                    continue
                for link in ("", *LINKING):
                    if link and not word.startswith(link, j):
                        continue
                    option = ((*parts, head), links + len(link))
                    k = j + len(link)
                    if k not in heads or _better(option, heads[k]):
                        heads[k] = option
        if not candidates:
            return ()
        return min(candidates, key=_preference)[0]


def _preference(option: tuple[tuple[str, ...], int]):
    """Fewest parts, then fewest linking letters, then the longest first part."""
    parts, links = option
    return (len(parts), links, -len(parts[0]), parts)


def _better(option, other) -> bool:
    return _preference(option) < _preference(other)
