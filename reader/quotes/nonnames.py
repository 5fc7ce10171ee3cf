"""Capitalised words that are never a quotation's speaker.

Reading the words around a quotation picks up capitalised words that name no one: a place
("Florida said"), a platform ("wrote on Facebook"), a party, nationality or language ("Iowa
Republican", a word of the speaker's description; "said it in Italian"), a time zone, a day or a
holiday ("In her New Year speech"), an event, law or era ("the Great Recession"), or a
capitalised function or number word opening a sentence ("Had Sanders won...", "One driver
said"). Unknown beats wrong: such a speaker is dropped, and a function
word in front of a real name is cut off.
"""

from __future__ import annotations

_PLATFORMS = "facebook twitter instagram youtube snapchat reddit tiktok linkedin tumblr periscope"
_GROUPS = """republican republicans democrat democrats democratic gop american americans british
mexican mexicans hispanic hispanics latino latinos muslim muslims muslim-americans christian
christians jewish evangelical evangelicals conservative conservatives liberal liberals
progressive progressives libertarian independent independents english french german germans
italian italians spanish portuguese dutch russian russians ukrainian ukrainians chinese japanese
korean arabic persian turkish greek polish swedish norwegian danish finnish irish scottish welsh
indian pakistani african european europeans asian canadian australian israeli israelis
palestinian palestinians iranian iraqi syrian jews arabs blacks whites asians catholics
protestants mormons"""
_ZONES = "edt est pdt pst cdt cst mdt mst gmt utc bst cet cest et pt"
_STATES = """alabama alaska arizona arkansas california colorado connecticut delaware florida
georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland
massachusetts mass
michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon
pennsylvania tennessee texas utah vermont virginia wisconsin wyoming washington ala ariz ark
calif colo conn del fla ga ill ind kan ky la md mich minn miss mo mont neb nev okla ore pa
tenn tex va vt wash wis wyo new hampshire york jersey carolina dakota rhode island north
south west"""
_COUNTRIES = """america mexico canada china russia ukraine iran iraq syria israel cuba japan germany
france britain england europe africa asia pyongyang beijing moscow tehran uk us usa u.k u.s
italy spain portugal greece turkey poland sweden norway denmark finland ireland scotland wales
india pakistan australia brazil argentina egypt nigeria kenya london paris berlin rome madrid
brussels kyiv kiev"""
_OCCASIONS = """year day christmas easter thanksgiving ramadan hanukkah super bowl election
memorial independence monday tuesday wednesday thursday friday saturday sunday"""
_FUNCTION = """had has have does did do don't don\u2019t doesn't doesn\u2019t because wait outside
is are was were can could would should will if when while why how what whether even one two
three four five six seven eight nine ten several some another each every like unlike about
through across against among around behind beneath beside between beyond during inside into
onto over since toward towards under until upon within without pure"""

# Events, laws and eras: a name ending in one of these names no speaker ("the Great Recession",
# "the Patriot Act", "the Iowa caucuses").
_EVENTS = """recession depression crisis scandal revolution primary primaries caucus caucuses debate
debates olympics act amendment era"""

EVENTS = frozenset(_EVENTS.split())
COUNTRIES = frozenset(_COUNTRIES.split())
PLATFORMS = frozenset(_PLATFORMS.split())
# A party's member as a description: "the Florida Republican" (someone named before), "a Texas
# Democrat" (a source left unnamed).
PARTY_MEMBERS = frozenset(["republican", "democrat"])
PLACES = frozenset(" ".join([_PLATFORMS, _ZONES, _STATES, _COUNTRIES, _OCCASIONS]).split())
GROUPS = frozenset(_GROUPS.split())
OPENING_WORDS = frozenset(_FUNCTION.split())


def speaker_or_none(name: str | None) -> str | None:
    """`name` without a capitalised function word in front, nor a place before a full name
    ("Britain Liu Xiaoming"); None when what is left is only
    places, platforms and time zones, group words, or nothing ("Ukraine", "Because Twitter",
    "Republican", "American Jews"; "a Nevada Democrat" may speak, and so may Steve Israel)."""
    words = (name or "").split()
    while words and words[0].casefold() in OPENING_WORDS:
        words = words[1:]
    if _country_before_name(words):  # "ambassador to Britain Liu Xiaoming"
        words = words[1:]
    folded = [w.casefold().rstrip(".") for w in words]
    if not folded or all(w in PLACES for w in folded) or all(w in GROUPS for w in folded):
        return None
    if len(folded) > 1 and folded[-1] in EVENTS:
        return None
    return " ".join(words)


def is_party_member(words: list[str]) -> bool:
    """True for a party member described by place, not named ("Florida Republican", "Democrat")."""
    folded = [w.casefold().rstrip(".") for w in words]
    return bool(folded) and folded[-1] in PARTY_MEMBERS and all(w in PLACES for w in folded[:-1])


def _country_before_name(words: list[str]) -> bool:
    """True for a country glued before a full name ("Britain Liu Xiaoming"), not a place that
    opens a body's or a state's name ("New York Times", "China Telecom")."""
    rest = [w.casefold().rstrip(".") for w in words[1:]]
    return (
        bool(words)
        and words[0].casefold() in COUNTRIES
        and 2 <= len(rest) <= 3
        and all(w[:1].isupper() for w in words[1:])
        and not any(w in PLACES or w in GROUPS or w in EVENTS for w in rest)
    )
