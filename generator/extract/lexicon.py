"""Small closed word lists of general English news style used by the extraction rules.

They name kinds of words (honorifics, office nouns, reporting verbs), never the people,
places or terms of any particular story.
"""

from __future__ import annotations

HONORIFICS = frozenset(
    """
    Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Lord Lady Baroness Baron Rev Reverend Fr Father
    Sister Brother Sheikh Rabbi Imam
    """.split()
)

# Head nouns of offices and descriptions of people ("Home Secretary", "party leader").
ROLE_NOUNS = frozenset(
    """
    minister secretary leader mp mps mep meps mla msp senator congressman congresswoman
    representative president vice-president chairman chairwoman chair chairperson chancellor
    premier governor mayor councillor chief executive director spokesman spokeswoman
    spokesperson commissioner ambassador envoy judge justice lawyer attorney prosecutor
    superintendent inspector officer commander general admiral colonel captain sergeant
    constable speaker whip deputy head editor founder co-founder ceo cfo chief candidate nominee
    member adviser advisor aide official advocate activist campaigner organiser organizer
    economist analyst professor researcher scientist author journalist correspondent reporter
    presenter host king queen prince princess monarch pope bishop archbishop cardinal emperor
    dictator lord baron baroness backbencher frontbencher shadow treasurer counsel solicitor
    barrister magistrate sheriff marshal executive manager coach captain striker player owner
    partner investor student teacher doctor nurse plumber farmer worker driver pilot soldier
    veteran councilman councilwoman legislator lawmaker politician diplomat delegate negotiator
    mediator regulator secretary-general director-general attorney-general auditor-general
    premier
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
    emphasize recall quip joke complain caution maintain assert contend
    """.split()
)

# Words for people who speak without being named ("a source close to ...").
UNNAMED_SPEAKERS = frozenset(
    """
    source sources spokesman spokeswoman spokesperson insider insiders ally allies aide aides
    official officials friend friends colleague colleagues figure figures
    """.split()
)

# Last words that make a name a place or building ("Causeway Bay", "Victoria Park").
PLACE_NOUNS = frozenset(
    """
    bay street road avenue lane square park river lake island islands hill hills mountain
    mountains valley district county province state city town village harbour harbor port
    airport station bridge tower building plaza centre center beach coast bridge gate
    """.split()
)
