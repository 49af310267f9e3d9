"""Small closed word lists of general English news style used by the extraction rules.

They name kinds of words (honorifics, office nouns, reporting verbs), never the people,
places or terms of any particular story.
"""

from __future__ import annotations

import re

HONORIFICS = frozenset(
    """
    Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Lord Lady Baroness Baron Rev Reverend Fr Father
    Sister Brother Sheikh Rabbi Imam Hon Honorable Honourable
    """.split()
)
FEMALE_HONORIFICS = frozenset("Mrs Ms Miss Dame Lady Baroness Sister".split())
MALE_HONORIFICS = frozenset("Mr Sir Lord Baron Fr Father Brother Sheikh".split())
FEMALE_PRONOUNS = frozenset("she her hers herself".split())
MALE_PRONOUNS = frozenset("he him his himself".split())

# Head nouns of offices and descriptions of people ("Home Secretary", "party leader").
ROLE_NOUNS = frozenset(
    """
    minister secretary leader mp mps mep meps mla msp senator congressman congresswoman
    representative president vice-president chairman chairwoman chair chairperson chancellor
    premier governor mayor councillor councilor chief executive director spokesman spokeswoman
    spokesperson commissioner ambassador envoy judge justice lawyer attorney prosecutor
    superintendent inspector officer commander general admiral colonel captain sergeant
    constable speaker whip deputy head editor founder co-founder ceo cfo candidate nominee
    member adviser advisor aide official advocate activist campaigner organiser organizer
    economist analyst professor researcher scientist author journalist correspondent reporter
    presenter host king queen prince princess monarch pope bishop archbishop cardinal emperor
    dictator lord baron baroness backbencher frontbencher shadow treasurer counsel solicitor
    barrister magistrate sheriff marshal manager coach striker player owner
    partner investor student teacher doctor nurse plumber farmer worker driver pilot soldier
    veteran councilman councilwoman legislator lawmaker politician diplomat delegate negotiator
    mediator regulator secretary-general director-general attorney-general auditor-general
    voter protester protestor demonstrator resident witness victim survivor volunteer supporter
    critic opponent chairmen son daughter wife husband mother father brother sister
    """.split()
)

# Words that make a multi-word name an organisation's rather than a person's.
ORG_NOUNS = frozenset(
    """
    party council court committee commission union university college school academy institute
    association department ministry agency office bureau service services authority board bank
    company corporation group holdings foundation trust fund league federation front army navy
    police force forces house senate assembly parliament congress government administration
    cabinet news times post journal network press media television radio international
    organisation organization society club movement alliance coalition campaign centre center
    church hospital airlines airways council court tribunal commons lords
    """.split()
)

# Words that make a name a place name ("Norwich South", "North Yorkshire").
COMPASS = frozenset(
    """
    North South East West Northern Southern Eastern Western Central Upper Lower Greater Mid
    North-East North-West South-East South-West
    """.split()
)

# Lemmas of verbs that introduce speech, direct or reported.
SPEECH_VERBS = frozenset(
    """
    say tell add warn insist acknowledge argue claim state declare announce explain write ask
    answer reply respond admit concede suggest note remark pledge promise vow urge call describe
    accuse deny confirm reveal tweet post comment predict believe think stress emphasise
    emphasize recall quip joke complain caution maintain assert contend characterize
    characterise continue conclude affirm express label brand dub reiterate speak dismiss
    attack criticise criticize condemn decide rule shout chant
    """.split()
)
# Reporting verbs that report speech only when used alone ("Lam continued"), not with a
# complement ("would continue to roll out").
WEAK_SPEECH_VERBS = frozenset("continue decide rule".split())

# Words for people who speak without being named ("a source close to ..."); any noun with an
# indefinite determiner ("One MP", "a spokesman") is unnamed too.
UNNAMED_SPEAKERS = frozenset(
    """
    source sources spokesman spokeswoman spokesperson insider insiders ally allies aide aides
    official officials friend friends colleague colleagues figure figures
    """.split()
)

# Words that introduce a name as what someone is called: "a student named X" (after a noun
# for a person) or "the pseudonym X".
NAMING_WORDS = frozenset("named called nicknamed surnamed".split())
PSEUDONYM_WORDS = frozenset("pseudonym alias nickname pseudonyms aliases".split())
# Nouns for people that are not offices ("a man named X").
PERSON_NOUNS = frozenset(
    """
    man woman boy girl person child teenager teen youth baby mother father pensioner citizen
    local people individual guy lady gentleman
    """.split()
)

# Last words that make a name a place or building ("Causeway Bay", "Victoria Park").
PLACE_NOUNS = frozenset(
    """
    bay street road avenue lane square park river lake island islands hill hills mountain
    mountains valley district county province state city town village harbour harbor port
    airport station bridge tower building plaza centre center beach coast gate corner
    constituency borough region ward
    """.split()
)

_ROMAN = re.compile(r"^(?=[MDCLXVI])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")


def is_roman(word: str) -> bool:
    """ "II" in "Elizabeth II": a regnal number, part of the name."""
    return bool(word) and bool(_ROMAN.match(word))


def is_role_noun(word: str) -> bool:
    """An office or description noun, singular or plural ("Representatives")."""
    w = word.lower()
    return w in ROLE_NOUNS or (len(w) > 3 and w.endswith("s") and singular(w) in ROLE_NOUNS)


def singular(word: str) -> str:
    """ "Representatives" → "Representative", "chairmen" → "chairman", "MPs" → "MP"."""
    if word.lower().endswith("men"):
        return word[:-3] + ("MAN" if word.isupper() else "man")
    if word.lower().endswith(("ies",)) and len(word) > 4:
        return word[:-3] + "y"
    if word.lower().endswith("s") and not word.lower().endswith("ss"):
        return word[:-1]
    return word
