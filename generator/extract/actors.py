"""Group mentions into actors: one profile per person, organisation or place.

A person's full name anchors the profile; a surname alone, an honorific with the
surname, and a title the story ties to one person ("the Home Secretary") join it.
When a surname or title could belong to two people, it joins neither.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from ..models import ActorKind, AnnotatedArticle, Citation, Role
from .mentions import PLACE_LABELS, Mention, citation, normalise
from .roles import RoleFinding, find_roles

Position = tuple[str, int, int]  # (article, paragraph, token index)
_PAST_TITLE = {"former", "ex", "then", "late", "outgoing", "acting", "interim"}


@dataclass(frozen=True)
class ActorDraft:
    """An actor before ids are assigned; ``key`` identifies it within this run."""

    key: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]
    citations: tuple[Citation, ...]
    mentions: int


@dataclass(frozen=True)
class Cast:
    """The actors, and where in the text each one is mentioned (for quotes and events)."""

    actors: tuple[ActorDraft, ...]
    positions: Mapping[Position, str]  # token position → actor key

    def at(self, article: str, paragraph: int, token: int) -> str | None:
        return self.positions.get((article, paragraph, token))

    def last_person_before(self, article: str, paragraph: int, token: int) -> str | None:
        """The person most recently mentioned before a point (for "he", "she")."""
        kinds = {a.key: a.kind for a in self.actors}
        best: tuple[int, int] | None = None
        key = None
        for (a, p, t), k in self.positions.items():
            if (a == article and kinds.get(k) == "person" and (p, t) < (paragraph, token)
                    and (best is None or (p, t) > best)):
                best, key = (p, t), k
        return key


def kind_of(label: str) -> ActorKind:
    if label == "PERSON":
        return "person"
    return "place" if label in PLACE_LABELS else "organisation"


def org_key(text: str) -> str:
    """Organisation names compared without "the", "party" or a plural ("Greens")."""
    words = normalise(text).replace("'", "").split()
    if len(words) > 1 and words[-1] == "party":
        words = words[:-1]
    if words and len(words[-1]) > 4 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    return " ".join(words)


def extract_actors(articles: Sequence[AnnotatedArticle], mentions: Sequence[Mention]) -> Cast:
    """Cluster mentions into actors with aliases, roles and the sentences citing them."""
    docs = {(a.article.id, ap.paragraph.index): ap.doc for a in articles for ap in a.paragraphs}
    assigned = _cluster(mentions)
    members: dict[str, list[Mention]] = defaultdict(list)
    for m, key in assigned:
        members[key].append(m)
    findings = _roles(assigned, docs, mentions)
    titles = _title_map(findings, assigned)
    extra = _title_mentions(articles, titles)
    for m, key in extra:
        members[key].append(m)
    positions: dict[Position, str] = {}
    for m, key in [*assigned, *extra]:
        for t in range(m.start, m.end):
            positions[(m.article, m.paragraph, t)] = key
    org_names = {key: _display(ms) for key, ms in members.items()}
    drafts = []
    for key, ms in members.items():
        # Captions name people too (their picture credits were removed on load).
        body = ms
        name = org_names[key]
        roles = _dedupe_roles([f for m, k in assigned if k == key for f in findings.get(m, [])], docs)
        aliases = _aliases(ms, name)
        cites = sorted({citation(m.article, m.paragraph, docs[(m.article, m.paragraph)], m.start)
                        for m in body})
        drafts.append(ActorDraft(
            key=key, name=name, kind=kind_of(ms[0].label),
            aliases=tuple(aliases),
            roles=tuple(_role_with_org(r, f, members, org_names) for r, f in roles),
            citations=tuple(cites), mentions=len(body)))
    drafts.sort(key=lambda d: (-d.mentions, d.name))
    return Cast(tuple(drafts), positions)


def _cluster(mentions: Sequence[Mention]) -> list[tuple[Mention, str]]:
    """Assign each mention an actor key; mentions no actor can claim are left out."""
    names = sorted({m.key for m in mentions
                    if m.label == "PERSON" and len(m.key.split()) > 1}, key=lambda k: (-len(k), k))
    full: dict[str, str] = {}  # full name → key of the longest form of that name
    for name in names:
        words = name.split()
        # "Pedro Pierluisi" is "Pedro R. Pierluisi Urrutia": same first name, words included.
        longer = next((full[other] for other in full if other.split()[0] == words[0]
                       and set(words) <= set(other.split())), None)
        full[name] = longer or name
    by_surname: dict[str, set[str]] = defaultdict(set)
    for name, key in full.items():
        for word in name.split()[1:]:
            by_surname[word].add(key)
    org_clusters = {org_key(m.text) for m in mentions if m.label == "ORG"}
    assigned: list[tuple[Mention, str]] = []
    recent: dict[tuple[str, str], str] = {}  # (article, surname) → last full name used
    for m in sorted(mentions, key=lambda m: (m.article, m.paragraph, m.start)):
        words = m.key.split()
        if m.label == "PERSON":
            if len(words) > 1:
                key = full.get(m.key, m.key)
                for word in words[1:]:
                    recent[(m.article, word)] = key
            elif (m.article, words[0]) in recent:
                key = recent[(m.article, words[0])]  # nearest full name in this article
            elif len(by_surname[words[0]]) == 1:
                key = next(iter(by_surname[words[0]]))
            elif by_surname[words[0]]:
                continue  # two people share this surname: keep them apart
            else:
                key = m.key
            assigned.append((m, "person:" + key))
        elif m.label == "NORP":
            if org_key(m.text) in org_clusters:
                assigned.append((m, "org:" + org_key(m.text)))
        elif m.label in PLACE_LABELS:
            assigned.append((m, "place:" + m.key))
        else:
            assigned.append((m, "org:" + org_key(m.text)))
    return assigned


def _roles(
    assigned: Sequence[tuple[Mention, str]], docs: Mapping[tuple[str, int], Doc],
    mentions: Sequence[Mention],
) -> dict[Mention, list[RoleFinding]]:
    by_paragraph: dict[tuple[str, int], list[Mention]] = defaultdict(list)
    for m in mentions:
        by_paragraph[(m.article, m.paragraph)].append(m)
    findings: dict[Mention, list[RoleFinding]] = {}
    for m, key in assigned:
        if key.startswith("person:"):
            doc = docs[(m.article, m.paragraph)]
            others = [o for o in by_paragraph[(m.article, m.paragraph)] if o is not m]
            found = find_roles(m, doc, others)
            if found:
                findings[m] = found
    return findings


def _title_map(
    findings: Mapping[Mention, list[RoleFinding]], assigned: Sequence[tuple[Mention, str]]
) -> dict[tuple[str, ...], str]:
    """Titles the story ties to exactly one person, and that person's key."""
    key_of = dict(assigned)
    holders: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for m, found in findings.items():
        for f in found:
            words = tuple(f.text.split(" (")[0].lower().split())
            if f.title and words and words[0] not in _PAST_TITLE:
                holders[words].add(key_of[m])
    return {title: next(iter(keys)) for title, keys in holders.items() if len(keys) == 1}


def _title_mentions(
    articles: Sequence[AnnotatedArticle], titles: Mapping[tuple[str, ...], str]
) -> list[tuple[Mention, str]]:
    """ "the Home Secretary" standing alone, as a mention of the one person who holds it."""
    found = []
    for a in articles:
        for ap in a.paragraphs:
            if ap.paragraph.kind != "body":
                continue
            doc = ap.doc
            words = [t.lower_ for t in doc]
            for title, key in titles.items():
                n = len(title)
                for i in range(1, len(words) - n + 1):
                    after = doc[i + n] if i + n < len(doc) else None
                    if (tuple(words[i : i + n]) == title and words[i - 1] == "the"
                            and (after is None or after.ent_type_ != "PERSON")):
                        text = "the " + doc[i : i + n].text
                        found.append((Mention(text, "PERSON", a.article.id, ap.paragraph.index,
                                              0, i, i + n), key))
    return found


def _display(ms: Sequence[Mention]) -> str:
    """The name to show: the most used full form, preferring proper-name capitals."""
    forms = Counter(m.text.replace("’", "'").removeprefix("the ").removeprefix("The ")
                    for m in ms if not m.text.lower().startswith("the ") or m.label != "PERSON")
    if not forms:
        forms = Counter(m.text for m in ms)
    longest = max(len(f.split()) for f in forms)
    if ms[0].label == "PERSON":
        forms = Counter({f: c for f, c in forms.items() if len(f.split()) == longest})
    return max(sorted(forms), key=lambda f: (forms[f], f.istitle() or f.isupper(), len(f)))


def _aliases(ms: Sequence[Mention], name: str) -> tuple[str, ...]:
    """Other forms the story uses for an actor, one per spelling regardless of case."""
    forms: dict[str, str] = {}
    for m in ms:
        for text in {m.text.replace("’", "'"), f"{m.honorific} {m.text}".strip()}:
            if text.lower() != name.lower():
                # Keep the capitalised form of a title ("the Home Secretary").
                old = forms.get(text.lower())
                if old is None or sum(c.isupper() for c in text) > sum(c.isupper() for c in old):
                    forms[text.lower()] = text
    return tuple(sorted(forms.values(), key=str.lower))


def _dedupe_roles(
    findings: Sequence[RoleFinding], docs: Mapping[tuple[str, int], Doc]
) -> list[tuple[Role, RoleFinding]]:
    """One role per wording, cited to its first sentence; body text before captions."""
    seen: dict[str, tuple[Role, RoleFinding]] = {}
    for f in sorted(findings, key=lambda f: (f.mention.caption, f.mention.article,
                                             f.mention.paragraph, f.mention.start)):
        key = f.text.lower()
        if key not in seen:
            m = f.mention
            seen[key] = (Role(f.text, citation(m.article, m.paragraph, docs[(m.article, m.paragraph)],
                                               m.start)), f)
    return list(seen.values())


def _role_with_org(
    role: Role, finding: RoleFinding, members: Mapping[str, list[Mention]], names: Mapping[str, str]
) -> Role:
    """Name the organisation in "leader of X" by its profile name ("Greens" → "Green Party")."""
    if not finding.organisation:
        return role
    key = "org:" + org_key(finding.organisation)
    name = names.get(key, finding.organisation)
    return Role(f"leader of {name}", role.citation)
