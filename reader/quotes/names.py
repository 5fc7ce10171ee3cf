"""Words and names: speech verbs, role words, sentence boundaries and splitting a name from a role.

General English newswire vocabulary, not tuned to any one text. Lookups are lower-case.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from reader.quotes.model import UNNAMED
from reader.quotes.nonnames import PARTY_MEMBERS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_VERB_STEMS = """
say said says told tell tells add added adds stated explained explains noted notes warned warns
outlined outlines
write wrote writes insist insisted insists argued argues asked asks replied replies stress
stressed stresses emphasized emphasizes emphasised emphasises declared declares claimed
continued continues concluded concludes remarked tweet tweeted tweets admit admitted admits
acknowledged acknowledges announced announces observed observes recalled recalls suggest
suggested suggests comment commented respond responded responds answered described describes
confirmed confirms cautioned cautions urged urges post posted reiterated reiterates maintained
maintains countered complained complains quipped quips predict predicted predicts vowed vows
promised conceded concedes echoed charged accused accuses testified testifies recount recounted
recounts shout shouted shouts wondered wonders mused muses estimated pointed point informed informs
assured assures specified indicated detailed clarified affirmed asserted underlined underscored
signalled signaled proclaimed pledged lamented joked exclaimed retorted revealed disclosed
boasted summarised summarized judged judges reckoned reckons spoke speaks reaffirmed reaffirms
confessed confesses confided confides apologised apologises apologized apologizes
repeated repeats gushed gushes alleged alleges contended contends blasted slammed fumed
snapped scoffed bragged griped raved thundered marveled marvelled exulted wrote claims
exhorted chimed deadpanned huffed demanded pleaded reasoned texted emailed grumbled hinted
implored interjected opined protested railed ranted sighed surmised teased yelled screamed
whispered murmured jokes barked growled snarled hissed reported reports remembered remembers
agreed agrees pressed reacted criticised criticized criticises criticizes denounced denounces
objected deplored deplores regretted
"""
SPEECH_VERBS = _words(_VERB_STEMS)
PARTICIPLES = _words(
    "saying adding telling noting writing arguing explaining stressing warning insisting "
    "declaring claiming asking replying emphasizing emphasising referring calling attacking "
    "accusing blasting slamming praising urging vowing promising pledging describing dismissing "
    "suggesting predicting recalling acknowledging admitting conceding complaining lamenting "
    "boasting joking quipping tweeting announcing asserting contending maintaining responding "
    "touting shouting yelling screaming chanting crying pleading confirming stating"
)
SUBORDINATORS = _words("as when while after before if although though since because once")
AUXILIARIES = _words(
    "also then later again further has had have would will once previously recently earlier "
    "repeatedly simply just bluntly flatly firmly reportedly had has was is only later "
    "separately subsequently"
)
PRONOUNS = frozenset(["he", "she", "they"])
# Verbs that name a phrase right before it: what Psaki called "our eastern flank".
NAMING_VERBS = _words("called calls dubbed dubs termed terms branded brands labelled labeled")
# Verbs that name a phrase through "as": Reed dismissed it as "theatre".
NAMING_AS_VERBS = _words(
    """dismissed dismisses described describes denounced denounces derided derides hailed hails
characterised characterized characterises characterizes condemned condemns rejected rejects
mocked mocks praised praises"""
)
# Words that state a person's gender when given with the name (a title, a gendered role noun).
MALE_WORDS = _words(
    """mr sir lord king prince duke baron emperor spokesman chairman congressman councilman
businessman sportsman statesman policeman fireman headmaster waiter father son brother
husband uncle nephew grandfather widower monk man boy gentleman"""
)
FEMALE_WORDS = _words(
    """mrs ms miss dame lady queen princess duchess baroness empress spokeswoman chairwoman
congresswoman councilwoman businesswoman sportswoman stateswoman policewoman firewoman headmistress
actress waitress hostess heiress mother daughter sister wife aunt niece grandmother widow nun
woman girl"""
)
# Common English first names that say a person's gender when nothing else does (not names
# borne by both: Jordan, Leslie, Robin, Kelly, Jamie...).
MALE_FIRST_NAMES = _words(
    """aaron adam alan albert alex alexander andrew anthony arthur barack barry ben benjamin bernie
bill billy bob bobby brad bradley brandon brian bruce carl carlos charles charlie chris
christopher chuck cory craig dan daniel danny dave david dennis dick don donald doug douglas
ed eddie edward eric frank fred gary george gerald greg gregory harold harry henry ian jack
jacob jake james jason jeb jeff jeffrey jeremy jerry jim jimmy joe joel john johnny jon
jonathan joseph josh joshua juan justin keith ken kenneth kevin larry lawrence lindsey luis marco
mark martin matt matthew michael mike mitch mitt nathan newt nicholas nick patrick paul peter
phil philip ralph rand randy raymond reince richard rick rob robert roger ron ronald roy rudy
russell ryan sam samuel scott sean steve steven ted terry thomas tim timothy todd tom tony
walter wayne william willie
abdul ahmed amir andrei andres antonio anton bernard boris carlo colin declan
derek dmitry edgar emil emmanuel enrique erik ernest felix fernando francesco francisco
frederick gareth geoffrey giovanni giuseppe gordon graham gustav hamid hans hassan hector
hugo igor ivan jacques javier jens johan jorge josef jose karl klaus lars lewis lorenzo
lucas luigi malcolm manuel marcus mario mateo maurice max miguel mikhail mohamed mohammed
muhammad neil nigel olaf oleg oliver omar oscar owen pablo pedro pierre rafael ramon rashid
raul roberto rodrigo rupert sergei sergey simon stanley stefan stuart sven terrence tobias
travis trevor vasily victor viktor vincent vladimir wolfgang xavier yusuf
alfred allen andy angus arnold austin barney benedict bernardo blake brett brendan brent
bryan caleb calvin cameron carter cedric chad chester clarence clark clifford clint clyde cole
conor curtis cyril dale dalton damian damon darren darryl dean desmond dominic duncan dustin
dylan earl elijah elliot ethan eugene evan floyd gabriel garrett gavin gene gilbert glen
glenn grant gregor guy harvey herbert howard hugh isaac jared jasper jay jeffery jerome jesse
joaquin julian julius kurt kyle lance leo leon leonard leroy liam lloyd logan louis
luke lyle marc marshall marvin mason micah miles mitchell murray nathaniel ned noah
norman otto patrice percy perry phillip quentin reginald rex ricardo roland ross ruben rufus
russ seth shane spencer stephen teddy theo theodore tristan troy tyler vernon wade
warren wesley wilbur zachary pieter piet bram luca matteo dario enzo sandro tomas tomasz
piotr pavel milan marek janusz jakub dmitri alexei yuri nikolai mehmet mustafa ali karim tariq
hiroshi kenji takeshi wei raj rajesh ravi sanjay vikram arjun kofi kwame chidi emeka
dafydd gareth rhys emrys iwan gethin owain aled huw ieuan cian oisin padraig seamus eoin ruairi
fergus hamish angus lachlan callum alasdair lars anders nils sven bjorn magnus henrik jens
olaf espen sander joris maarten thijs jeroen diederik wouter alejandro javier joaquin santiago
mateo diego rafael sergio joao goncalo tiago rui francesco giuseppe giovanni lorenzo alessandro
stefano massimo andrzej krzysztof wojciech bogdan vladimir oleksandr taras andriy igor boris
yusuf ibrahim omar hassan khalid ahmed hamza bilal tunde chinedu oluwaseun kwabena jomo
hiroki haruto minh duc arash reza farhad"""
)
FEMALE_FIRST_NAMES = _words(
    """abigail alice alicia amanda amy andrea angela ann anna anne barbara betty betsy beverly
carly carol caroline catherine cathy cheryl christina christine claire cynthia deborah debbie
diane donna dorothy elizabeth ellen emily emma eva frances gloria hannah heather heidi helen
hillary jane janet janice jean jennifer jessica jill joan joanne joyce judith judy julia julie
karen kate katherine kathleen kathy katie kellyanne kimberly laura lauren linda lisa lori
louise margaret maria marie marilyn martha mary megyn melania melissa michelle nancy nicole
nikki olivia pamela patricia rachel rebecca rose ruth sandra sarah sharon shirley stephanie
susan susana teresa theresa tiffany tina virginia wendy
agnes alexandra amelia anastasia angelika annika astrid beatrice birgit brigitte
carla carmen charlotte clara cecilia daniela dolores elena elif elsa esther eleanor fatima
fiona francesca gabriela greta hanna harriet helena ida ilka ingrid irene irina isabel
isabella ivana johanna katarina katrin leah leila lena lina lucia lucy magdalena margarethe
marta maura miriam monika nadia natalia natasha nina olga paula petra priya rosa sabine
sara silvia sofia sophie svetlana tatiana ulrike ursula valentina vera veronica yasmin
yelena yulia zainab zoe
abby adriana adrienne aileen aisha alana alison allison alyssa amber amelie angelina anita
annette april ashley audrey autumn ava barbra bella bernadette bethany bonnie brenda brianna
bridget brittany brooke camille candace carolyn carrie cassandra celeste chantal charlene
chelsea chloe cindy colleen constance courtney crystal daisy danielle dawn delia denise
diana dina dolly dora doris edith eileen elaine elise eliza ella eloise emilia erica erin
estelle ethel eunice evelyn faith felicity florence gail gemma georgia geraldine gillian
ginger grace gwen gwendolyn haley hazel hope imogen isla ivy jacqueline jade
jasmine jeanne jenna jenny jocelyn josephine joy juliet june kara kathryn kay kayla
kendra kirsten krista kristen kristin lana laurie lillian lily
lois loretta lorna lorraine lydia mabel madeline madison mandy marcia margot marian
marianne marina marjorie marlene maureen maxine meg megan melanie mia mildred millie mindy
miranda molly monica muriel myra nadine naomi natalie nell nora norma paige patsy pauline
pearl peggy penelope penny phoebe phyllis polly rachael regina renee rhonda rita roberta
rosalind rosemary roxanne sabrina sally samantha savannah selena serena shannon sheila
shelby sherry sonia stacey stella sue suzanne sylvia sylvie tamara tanya tara tessa thelma
tracy trisha valerie vanessa vicky victoria vivian wanda whitney yvonne yvette
ines beatriz luisa marisol pilar rocio ximena anke heike katja elke liesl marit solveig
agnieszka katarzyna malgorzata ewa aleksandra ekaterina oksana anjali deepa lakshmi meera
sunita aiko yuki mei ling amara ngozi chiamaka fatou aminata
rhian sian cerys bethan ffion carys eirlys nia seren angharad siobhan aoife niamh saoirse
roisin orla ciara grainne mairead sinead morag kirsty ailsa ingeborg sigrid liv freja maja
elin annelies marieke femke sanne lotte inge isabela lucinda mariana catarina joana beatrice
giulia chiara federica alessandra paola francesca monica simona zofia agata jadwiga halina
olena yevgenia larisa ludmila nadezhda amina khadija layla noor samira zahra yetunde chioma
adaeze nkechi akosua thandiwe haruka sakura yuna hoa parisa shirin"""
)
# What a person's words come out through: "Eklund's statement said".
STATEMENT_NOUNS = _words(
    "statement letter post tweet message note release office team spokesman "
    "spokeswoman spokesperson aides aide lawyer lawyers website blog"
)
# Documents that "say" things for whoever issued them: "the lawsuit filed by X claims".
DOCUMENT_NOUNS = _words(
    """lawsuit suit complaint filing statement report letter memo indictment motion petition
brief document email release ruling order communiqué communique review study analysis survey
poll audit assessment forecast projection notice advisory bulletin guidance judgment judgement
declaration resolution manifesto advice warning message timeline post posts note"""
)


def is_document_source(speaker: str | None) -> bool:
    """True for a document that speaks with no issuer named ("unnamed complaint"): a stand-in
    that an issuer found later (a quote before it, a variant elsewhere) replaces."""
    return speaker is not None and speaker.removeprefix(UNNAMED) in DOCUMENT_NOUNS


# Words that may follow a speaker named after the verb ("said Lavrov, adding", "said Lavrov in").
AFTER_NAME = _words(
    "who in on at during after before when while as adding saying noting told speaking referring "
    "according"
)
HONORIFICS = _words(
    "mr mrs ms miss mx dr prof sir dame lord lady sen rep gov gen lt col capt sgt maj adm rev hon "
    "cllr supt insp det"
)
# Honorifics that name an office: "Gov. Mike Pence" is the governor the article later means.
OFFICE_TITLES = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "lt": "lieutenant",
    "col": "colonel",
    "capt": "captain",
    "sgt": "sergeant",
    "adm": "admiral",
    "dr": "doctor",
    "prof": "professor",
    "supt": "superintendent",
    "insp": "inspector",
    "det": "detective",
}
# Occupations: role heads for anyone who does the job ("nurse Ana Ruiz", "a former pilot").
OCCUPATIONS = _words(
    """nurse midwife paramedic surgeon physician teacher engineer investigator inspector operator
pilot driver firefighter technician consultant insider source worker farmer student resident
speechwriter scholar fellow lobbyist sheriff voter protester attendee veteran
owner shopkeeper mechanic accountant architect pharmacist carer caregiver organiser organizer
volunteer witness employee planner trader broker banker auditor trainer entrepreneur businessman
businesswoman tycoon billionaire investor financier industrialist actor actress singer musician
artist player striker footballer goalkeeper midfielder athlete referee pundit commentator landlord
landlady priest vicar pastor chef designer photographer producer filmmaker novelist poet user
commenter caller viewer listener schoolteacher lecturer librarian electrician plumber cleaner
miner fisherman deckhand sailor seafarer crewman waiter waitress bartender barman cashier
labourer laborer welder janitor caretaker promoter angler docker dockworker stevedore longshoreman
carpenter bricklayer roofer painter grocer postman postwoman dishwasher cabbie ranger warden
lifeguard hairdresser barber tailor gardener trucker cyclist rider jockey nanny dentist
veterinarian radiologist therapist paralegal surveyor assessor adjuster underwriter curator
archivist conservator ecologist geologist hydrologist epidemiologist toxicologist biologist chemist
physicist statistician steward coroner pathologist registrar solicitor barrister notary
juror bailiff trustee foreman contractor motorist pedestrian"""
)
# People described by what they are, never titles: heads of a description only in lower case
# ("one fan said", "her neighbour"), where "Fan Bingbing" or "Patient Protection" are names.
LAY_PEOPLE = _words(
    """fan person neighbour neighbor parent mother father grandmother grandfather man woman
passer-by onlooker shopper customer commuter mourner spectator pensioner survivor relative friend
colleague daughter son wife husband sister brother widow widower partner girlfriend boyfriend
aunt uncle cousin niece nephew evacuee victim passenger patient tenant homeowner retiree
bystander cook porter baker butcher builder clerk courier reader guy girl boy lad teenager
listener walker hiker jogger runner swimmer rambler tourist visitor holidaymaker diner guest
worshipper pupil"""
)
# Roles in politics that anyone may hold ("Clinton ally James Carville", "GOP strategist X").
POLITICAL_ROLES = _words(
    """ally strategist pollster operative surrogate nominee contender congressman congresswoman
delegate donor backer supporter rival opponent challenger anchor moderator blogger fundraiser
councilman councilwoman councilmember alderman alderwoman assemblyman assemblywoman
assemblymember selectman supervisor"""
)
# Groups and common plurals that say who spoke without naming anyone ("Staff say...").
GROUP_NOUNS = _words(
    """staff workers nurses doctors residents drivers teachers parents pupils students critics
experts analysts protesters protestors campaigners members employees passengers patients villagers
locals neighbours neighbors voters farmers engineers investigators colleagues insiders sources
witnesses officials observers trustees economists scientists activists supporters opponents unions
relatives families managers executives diplomats lawmakers ministers people evacuees tenants
homeowners victims"""
)
# Lowercase words in -ly that are nouns or adjectives, not adverbs before a verb.
LY_NOUNS = _words(
    "family rally ally supply assembly reply anomaly monopoly belly bully folly elderly"
)
# Determiners that open a description: "the union leader", "its chief executive", "one insider".
DETERMINERS = frozenset(
    ["the", "a", "an", "one", "another", "its", "his", "her", "their", "our", "my"]
)
INDEFINITE = frozenset(["a", "an", "one", "another"])
# Words that count people left unnamed ("two officials said", "several residents said").
QUANTIFIERS = frozenset(["two", "three", "four", "several", "some", "many", "other", "few"])
# Modifiers that make a description an epithet for one person ("the former investigator").
EPITHET_MODIFIERS = _words("former retired veteran longtime long-time ex-")
# Verbs whose object is the listener, never the speaker: "told the Herald", "speaking to".
LISTENER_VERBS = _words("told tell tells telling informed informs assured assures briefed")
LISTENER_MARKS = LISTENER_VERBS | _words("to with")
# Bodies that speak as "the council said" for the one the article named ("the Trade Council").
BODY_NOUNS = _words(
    "council committee commission union company board alliance association ministry museum firm "
    "club regulator watchdog charity university college school hospital authority trust "
    "foundation institute partnership"
)
# The words naming a body of the kind a noun means: "the company" may be "Callan Holdings".
BODY_KINDS = {
    "company": _words(
        "company corporation corp inc ltd plc llc group holdings freight airlines airways "
        "chemical chemicals industries technologies pharmaceuticals laboratories bank holding "
        "water energy motors systems software logistics properties refinery brewery steelworks "
        "terminals communications telecom telecoms solutions resources mining minerals foods "
        "brands retail insurance ventures rail railways shipping ferries pharma biotech "
        "engineering construction"
    ),
    "union": _words("union alliance federation association workers"),
    "firm": _words("firm llp partners"),
    "ministry": _words("ministry department"),
    "club": _words("club athletic united rovers wanderers albion fc afc sv"),
    "regulator": _words("commission authority agency office board watchdog regulator inspectorate"),
    "charity": _words("charity trust foundation"),
}
BODY_KINDS["watchdog"] = BODY_KINDS["regulator"]
# Head nouns of role descriptions and the titles given with a name.
ROLE_HEADS = (
    _words(
        """minister ministers spokesman spokeswoman spokesperson spokesmen secretary president chief
head diplomat official officials ambassador envoy adviser advisor director chairman chairwoman
chair leader general commander negotiator lawmaker senator governor mayor analyst expert
professor researcher economist representative chancellor premier king queen prince princess
pope judge commissioner attorney prosecutor officer executive ceo founder manager mp candidate
activist lawyer doctor correspondent reporter editor columnist author writer host coach historian
scientist aide counterpart counsellor counselor secretary-general director-general
president-elect ministry government kremlin department office agency police army military
spokesperson journalist boss premier deputy councillor councilor campaigner captain skipper
colonel sergeant lieutenant admiral bishop archbishop cardinal rabbi imam member agent
treasurer comptroller auditor"""
    )
    | BODY_NOUNS
    | OCCUPATIONS
    | POLITICAL_ROLES
)
# Titles that are also common surnames: one ending a name ("Billie Jean King", "Mr. Prince") is
# the surname, one before it ("King Charles", "Judge Maria Costa") the title.
TITLE_SURNAMES = _words("king prince bishop judge pope cardinal")
# Words that may qualify a role ("Russian Foreign Minister", "the top diplomat").
ROLE_MODIFIERS = _words(
    """foreign defence defense prime vice top senior former state press security national interior
finance justice health trade economy affairs external acting assistant associate principal special
high deputy chief general intelligence executive lead white house charge of for to and the"""
)
# Role heads that mean the same job ("the top diplomat" is a foreign minister or an envoy).
ROLE_SYNONYMS: dict[str, frozenset[str]] = {
    "diplomat": frozenset(["minister", "secretary", "ambassador", "envoy", "diplomat"]),
    "spokesman": frozenset(["spokesman", "spokeswoman", "spokesperson", "press secretary"]),
    "chief": frozenset(["chief", "head", "secretary-general", "director", "leader", "chairman"]),
    "leader": frozenset(["leader", "president", "premier", "chancellor", "king", "queen"]),
    "head": frozenset(["chief", "head", "secretary-general", "director", "leader", "chairman"]),
    "boss": frozenset(["chief", "head", "director", "chairman", "executive", "ceo"]),
    "judge": frozenset(["judge", "justice", "magistrate"]),  # "Mrs Justice Honora Ames"
}
# Words in a given role that fit a description: "the top diplomat" is the foreign minister.
ROLE_HINTS: dict[str, frozenset[str]] = {
    "diplomat": frozenset(["foreign", "state", "ambassador", "envoy", "diplomat"]),
    "general": frozenset(["army", "military", "defence", "defense", "staff", "general"]),
}
ROLE_SYNONYMS["spokeswoman"] = ROLE_SYNONYMS["spokesperson"] = ROLE_SYNONYMS["spokesman"]
PERSON_ROLES = (
    ROLE_HEADS
    - _words(
        "ministry government kremlin department office agency police army military officials "
        "ministers spokesmen"
    )
    - BODY_NOUNS
    | PARTY_MEMBERS
)
# Roles that describe anyone (an unnamed official), not one titled person.
GENERIC_ROLES = (
    _words(
        """official officials expert analyst researcher lawmaker activist lawyer doctor reporter
correspondent journalist economist scientist historian writer author member candidate aide officer
source agent"""
    )
    | OCCUPATIONS
    | POLITICAL_ROLES
)
# Capitalised words that do not start or belong to a person's name.
STOP_CAPS = _words(
    """the a an on in at but and or however meanwhile separately also yet so then still later
earlier today yesterday tomorrow this that these those it he she they we i you his her their our
my your after before while when where as if although though since during for from with without by
of to speaking asked according last next prior taking now here there what who why how monday
tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december not no its in amid despite under over some many
most few several others all both each every hours days weeks months years minutes moments
decades back ever perhaps maybe indeed instead finally ultimately fortunately unfortunately
clearly obviously certainly surely notably similarly likewise besides otherwise thus hence
nevertheless nonetheless moreover furthermore apparently evidently frankly honestly naturally
predictably interestingly ironically tellingly nobody somebody someone everyone everybody anyone
anybody nothing everything i'm i've i'd i'll i’m i’ve i’d i’ll"""
)
ORG_WORDS = _words(
    """states kingdom union nations federation republic ministry department office council committee
commission house palace kremlin government parliament congress senate assembly agency
organisation organization institute university college school bank fund court party army navy
forces police company corporation corp inc ltd group association foundation center centre
declaration agreement treaty accord accords protocol format news times post journal press
network street square avenue road city county province region island islands sea ocean river bar
pub inn airport station cooperation security europe pentagon alliance summit war media
television tv radio confederation workers employers board league club society trust authority
service services athletic united rovers wanderers albion embassy church show programme program
podcast magazine newspaper gazette tribune herald channel broadcaster charity firm campaign
movement watchdog coalition initiative lobby label stadium arena venue project forum partnership
hospital clinic airlines airways freight chemical chemicals industries holdings technologies
pharmaceuticals laboratories museum gallery theatre orchestra llp pharmacy shop store restaurant
rescue holding water inspectorate ombudsman terminals communications telecom telecoms solutions
resources mining minerals foods brands retail insurance ventures rail railways shipping ferries
pharma biotech engineering construction
cafe hotel bakery supermarket health healthcare energy motors systems software logistics
works steelworks properties team refinery shipyard foundry brewery"""
)
# Parts of a place: "Harrow Field's stands" makes Harrow Field a place, never a speaker.
PLACE_NOUNS = _words(
    """pitch pitches ground grounds stands terraces turf stadium streets street gates gate walls
doors corridors steps park parks shores harbour harbor waters skyline outskirts centre
center residents"""
)
PLACE_HEADS = _words("ground stadium arena pitch park estate district neighbourhood neighborhood")
# What a named place is, said after its name: "the Calder Lane ground", "the Gateway mall".
BUILT_PLACES = PLACE_HEADS | _words(
    "centre center mall plant refinery terminal factory building tower farm site complex"
)
# Organisation words that name a place, not a body that speaks ("Calder Lane", "Harrow Road").
PLACE_WORDS = PLACE_HEADS | _words(
    "street square avenue road lane city county province region island islands sea ocean river "
    "airport station venue bar pub inn"
)
BODY_NAME_WORDS = 6  # the most words of a body's name
PARTICLES = _words("de del van von der den ter al bin ibn da das dos di du le la")
ABBREVIATIONS = _words(
    "mr mrs ms dr prof st gen col sen rep gov lt sgt capt maj adm jr sr inc co corp vs etc no jan "
    "feb mar apr jun jul aug sep sept oct nov dec rev hon mt ft cllr supt insp det"
)

SENTENCE_END_RE = re.compile(  # "« Thirty years …": a guillemet may stand apart
    '([.!?\u2026])(?:\\s?\u00bb)?["\u201d\u2019\u00bb)\\]]*\\s+'
    "(?=(?:\u00ab\\s?|[\u201c\"\u2018'\u00ab(\\[]{0,2})[A-Z0-9\u00c0-\u00de])"
)
ABBREVIATED = (
    r"(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Maj|Adm|Rev|Hon|St|Jr|Sr|[A-Z])\."
)
WORD_RE = re.compile(  # "Valmont–Kessler": an en dash between capitals joins one name
    rf"(?:[A-Z]\.){{2,}}|{ABBREVIATED}(?=\s+[A-Z])"
    r"|[\w\u2019'\-]+(?:\.\w+|\u2013[A-Z][\w\u2019'\-]*)*|[^\w\s]"
)


# A short line with no closing punctuation, then a capitalised line: a heading, not a sentence
# wrapped onto the next line.
HANDLE = r"(?:@|u/)[A-Za-z0-9_]{2,30}"  # a social account: "@gina_b", "u/kingsmere_kid"
# A live blog's time opening a line: "12:25 ", "09.40 GMT - ", "4:05pm: ".
LIVE_STAMP = (
    r"(?m:^)\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?(?:\s[A-Z]{3,4})?:?[ \t]+"
    r"(?:[-\u2013\u2014][ \t]+)?"
)
LIVE_STAMP_RE = re.compile(LIVE_STAMP)
HEADING_LINE_RE = re.compile('(?m)^[^\n]{1,60}(?<![.!?:;,"\u201d\'\u2019)])\n(?=[A-Z0-9\u201c"])')


def sentence_starts(text: str, lo: int, hi: int) -> list[int]:
    """Offsets in text[lo:hi] where a sentence starts after a full stop (abbreviations skipped)
    or after a heading on a line of its own ("02:05 – Mood darkens in Alliance camp") or a live
    blog's time ("12:25 One worker got in touch")."""
    starts: list[int] = []
    for m in SENTENCE_END_RE.finditer(text, lo, hi):
        if m.group(1) == "." and _is_abbreviation(text, m.start(1)):
            continue
        starts.append(m.end())
    headings = [m.end() for m in HEADING_LINE_RE.finditer(text, lo, hi)]
    headings += [m.end() for m in LIVE_STAMP_RE.finditer(text, lo, hi)]
    return sorted(set(starts + headings)) if headings else starts


def _is_abbreviation(text: str, dot: int) -> bool:
    j = dot
    while j > 0 and dot - j < 12 and not text[j - 1].isspace():
        j -= 1
    word = text[j:dot].strip("(\u201c\"'")
    if len(word) == 1 and word.isupper():
        return True
    return word.lower().replace(".", "") in ABBREVIATIONS or bool(
        re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word)
    )


def one_of(group: str) -> str:
    """One member of a group noun: "sources" -> "source", "families" -> "family"."""
    if group in ("people", "staff"):
        return "person" if group == "people" else "staff member"
    if group.endswith("ies"):
        return group[:-3] + "y"
    return group[:-2] if group.endswith(("sses", "shes")) else group.removesuffix("s")


def is_speech_verb(word: str) -> bool:
    """True for a speech verb (said, warned, tweeted...)."""
    return word.lower() in SPEECH_VERBS


def is_capitalised(word: str) -> bool:
    """True for a word that starts with a capital letter."""
    return bool(word) and word[0].isupper()


def clean_token(word: str) -> str:
    """A name word without a trailing possessive or full stop ("Lavrov’s" -> "Lavrov")."""
    for suffix in ("\u2019s", "'s", "\u2019", "'"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            word = word[: -len(suffix)]
            break
    if word.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", word):
        word = word[:-1] if len(word) > 3 else word
    glued = _GLUED_ACRONYM.match(word)  # "CNNOlesia": a link's text run into the next word
    return glued.group(1) if glued else word


_GLUED_ACRONYM = re.compile(r"^[A-Z]{2,}([A-Z][a-z]{2,})$")


def _opening_word(word: str) -> bool:
    """A sentence's first word before a title: "But" in "But Councilmember Ray Hollis"."""
    return word[0].isupper() and word.lower() in STOP_CAPS


def split_name(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Split words such as "Russian Foreign Minister Sergey Lavrov" into (name, role) words.

    The name is the trailing run of capitalised words that are neither role words, honorifics nor
    stop words (at most four, six for a body's: "Gulf Coast Clean Air Project"); the role is
    what precedes it, honorifics dropped.
    """
    name, role = _split_name(tuple(tokens))
    return list(name), list(role)


POSSESSIVE_ENDS = ("\u2019s", "'s", "s\u2019", "s'")
# Letters after a name that are no part of it: "Jonathan Keane KC", "Ann Lowe MP".
POSTNOMINALS = frozenset(["KC", "QC", "SC", "MP", "MEP", "MSP", "OBE", "CBE", "MBE", "KBE"])


@lru_cache(maxsize=65536)
def _split_name(tokens: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """`split_name`, remembered: the same runs of words come back many times an article."""
    while len(tokens) > 1 and tokens[-1] in POSTNOMINALS:  # "Priya Sandhu KC"
        tokens = tokens[:-1]
    name: list[str] = []
    i = len(tokens) - 1
    body = _ends_body_name(tokens)  # its role words are the body's name: "the Health Ministry"
    most = BODY_NAME_WORDS if tokens and clean_token(tokens[-1]).lower() in ORG_WORDS else 4
    if _title_surname(tokens):
        name, i = [clean_token(tokens[-1])], i - 1
    while i >= 0 and sum(w.lower() not in PARTICLES for w in name) < most:
        raw = tokens[i]
        word = clean_token(raw)
        low = word.lower().rstrip(".")
        if (low in PARTICLES or word == "&") and name:  # "Bell & Ocampo"
            name.insert(0, word)
        elif name and raw.endswith(POSSESSIVE_ENDS) and name[-1].lower() in ORG_WORDS:
            name.insert(0, raw)  # a body's name keeps its apostrophe: "Patients' Rights Alliance",
            # "the Larkin County Sheriff's Office"
        elif (
            not is_capitalised(word)
            or (not body and (low in ROLE_HEADS or low in ROLE_MODIFIERS or low in GROUP_NOUNS))
            or low in STOP_CAPS
            or low in HONORIFICS
            or (name and raw != word and raw.endswith("s"))  # "NATO’s Jens Stoltenberg"
        ):
            break
        else:
            name.insert(0, word)
        i -= 1
    if name and i >= 0 and tokens[i] in ("of", "for") and not body:  # "Minister of Health Ana
        name, i = name[1:], i + 1  # Ruiz", not "a spokesman for Tees Valley General Hospital"
    role = [  # a plural possessive stays whole: "the Harbour Workers' Union"
        t if t.endswith(("s\u2019", "s'")) else clean_token(t)
        for t in tokens[: i + 1]
        if t.lower().rstrip(".") not in HONORIFICS
    ]
    while role and (role[0].lower() in ("the", "a", "an") or _opening_word(role[0])):
        role = role[1:]
    while role and not role[-1][0].isalnum():
        role = role[:-1]
    return tuple(name), tuple(role)


def _title_surname(tokens: tuple[str, ...]) -> bool:
    """True when the last word is a surname although it is also a role word: after an honorific
    ("Mr. Prince", "Ms. White", "Mr. Major"), or a title that is a common surname ("Steve King")
    or any role word after a common given name ("Dan Backer"), not after another title or a body
    ("Foreign Minister", "Senate Judge")."""
    if len(tokens) < 2:
        return False
    last, word = clean_token(tokens[-1]), clean_token(tokens[-2])
    low = word.lower().rstrip(".")
    if low in HONORIFICS:  # not "Lt. Col.": an honorific before another
        return is_capitalised(last) and last.lower().rstrip(".") not in STOP_CAPS | HONORIFICS
    given = fold(word) in MALE_FIRST_NAMES | FEMALE_FIRST_NAMES  # "Dan Backer", "Ann Bishop"
    if last.lower() not in TITLE_SURNAMES and not (given and is_capitalised(last)):
        return False
    vocabulary = ROLE_HEADS | ROLE_MODIFIERS | STOP_CAPS | GROUP_NOUNS | ORG_WORDS
    return is_capitalised(word) and word == tokens[-2] and low not in vocabulary


def is_head(word: str) -> bool:
    """True for the head of a description: a role ("the mayor", "the co-host") or an age ("the
    51-year-old")."""
    low = word.lower()
    if low in LAY_PEOPLE:
        return word == low
    return low in ROLE_HEADS or low.endswith("-year-old") or low.rpartition("-")[2] in ROLE_HEADS


def _ends_body_name(tokens: tuple[str, ...]) -> bool:
    """True for a capitalised name closed by a body's noun ("the Harbour Dockers Union", "the
    Northern Trade Council"), not a title ("Union leader") or the noun alone ("the Union")."""
    if len(tokens) < 2:
        return False
    last, before = clean_token(tokens[-1]), clean_token(tokens[-2])
    return last.lower() in ORG_WORDS and is_capitalised(last) and is_capitalised(before)


def is_person_name(name: list[str]) -> bool:
    """True when capitalised words look like a person's name rather than a place or body."""
    if len(name) < 2:
        return False
    for word in name:
        low = word.lower()
        initials = re.fullmatch(r"(?:[A-Z]\.)+", word)  # "E.", "J.J."
        acronym = word.isupper() and len(word.rstrip(".")) > 1 and not initials  # "NATO"
        if low in ORG_WORDS or low in STOP_CAPS or acronym:
            return False
    return True


def names_a_body(name: str) -> bool:
    """True for a name that stands for a body, never "he" or "she": one acronym ("ESPN") or a
    name with an organisation word ("the Armed Services Committee")."""
    words = name.split()
    acronym = len(words) == 1 and words[0].isupper() and len(words[0].rstrip(".")) > 1
    return acronym or any(w.lower() in ORG_WORDS for w in words)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, accent-free form of a name for comparisons."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
