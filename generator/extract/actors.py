"""Group mentions into actors: one profile per person, organisation or place.

A person's full name anchors the profile; a surname alone, an honorific with the
surname, and a title the story ties to one person ("the Home Secretary") join it
(:mod:`.cluster`, :mod:`.titles`). When a surname or title could belong to two people,
it joins neither. Each actor gets its display name (the fullest form), the other forms
as aliases, its roles (:mod:`.roles`) and the sentences that mention it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..models import ActorKind, AnnotatedArticle, Citation, Role
from .cluster import cluster, org_key
from .gender import genders
from .names import Mention
from .roles import RoleFinding, find_roles, token_labels
from .spans import PLACE_LABELS
from .text import citation
from .titles import title_map, title_mentions

__all__ = ["ActorDraft", "Cast", "extract_actors", "kind_of", "org_key"]
Position = tuple[str, int, int]  # (article, paragraph, token index)


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
    """The actors, and where in the text each one is mentioned (for quotes and events).

    ``gender`` holds "f" or "m" for the people whose honorifics, roles or pronouns say so.
    """

    actors: tuple[ActorDraft, ...]
    positions: Mapping[Position, str]  # token position → actor key
    gender: Mapping[str, str] = field(default_factory=dict)
    _people: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict, compare=False,
                                                            repr=False)
    _kinds: dict[str, ActorKind] = field(default_factory=dict, compare=False, repr=False)

    def at(self, article: str, paragraph: int, token: int) -> str | None:
        return self.positions.get((article, paragraph, token))

    def kind(self, key: str) -> ActorKind | None:
        """The kind of the actor with this key (None for an unknown key)."""
        if not self._kinds:
            self._kinds.update((a.key, a.kind) for a in self.actors)
        return self._kinds.get(key)

    def people_before(self, article: str, paragraph: int, token: int) -> list[str]:
        """The people mentioned in the article before a point, most recent first, each once."""
        if not self._people:
            for (a, p, t), k in sorted(self.positions.items()):
                if self.kind(k) == "person":
                    self._people.setdefault(a, []).append((p, t, k))
        items = self._people.get(article, [])
        n = bisect_left(items, (paragraph, token, ""))
        seen: list[str] = []
        for i in range(n - 1, -1, -1):
            key = items[i][2]
            if key not in seen:
                seen.append(key)
                if len(seen) >= 6:
                    break
        return seen

    def last_person_before(self, article: str, paragraph: int, token: int) -> str | None:
        """The person most recently mentioned before a point (for "he", "she")."""
        people = self.people_before(article, paragraph, token)
        return people[0] if people else None


def kind_of(label: str) -> ActorKind:
    if label == "PERSON":
        return "person"
    return "place" if label in PLACE_LABELS else "organisation"


def extract_actors(articles: Sequence[AnnotatedArticle], mentions: Sequence[Mention]) -> Cast:
    """Cluster mentions into actors with aliases, roles and the sentences citing them."""
    docs = {(a.article.id, ap.paragraph.index): ap.doc for a in articles for ap in a.paragraphs}
    assigned = cluster(mentions)
    key_of = dict(assigned)
    findings = _roles(assigned, docs, mentions)
    extra = title_mentions(articles, title_map(findings, key_of))
    members: dict[str, list[Mention]] = defaultdict(list)
    for m, key in [*assigned, *extra]:
        members[key].append(m)
    by_key: dict[str, list[RoleFinding]] = defaultdict(list)
    for m, found in findings.items():
        by_key[key_of[m]].extend(found)
    positions: dict[Position, str] = {}
    for m, key in [*assigned, *extra]:
        for t in range(m.start, m.end):
            positions[(m.article, m.paragraph, t)] = key
    names = {key: _display(ms) for key, ms in members.items()}
    drafts = []
    for key, ms in members.items():
        roles = _dedupe_roles(by_key.get(key, []), docs)
        cites = sorted({citation(m.article, m.paragraph, docs[(m.article, m.paragraph)], m.start)
                        for m in ms})
        drafts.append(ActorDraft(
            key=key, name=names[key], kind=kind_of(ms[0].label),
            aliases=_aliases(ms, names[key]),
            roles=tuple(_role_with_org(r, f, names) for r, f in roles),
            citations=tuple(cites), mentions=len(ms)))
    drafts.sort(key=lambda d: (-d.mentions, d.name))
    return Cast(tuple(drafts), positions, genders(members, by_key, docs))


def _roles(
    assigned: Sequence[tuple[Mention, str]], docs: Mapping[tuple[str, int], Doc],
    mentions: Sequence[Mention],
) -> dict[Mention, list[RoleFinding]]:
    by_paragraph: dict[tuple[str, int], list[Mention]] = defaultdict(list)
    for m in mentions:
        by_paragraph[(m.article, m.paragraph)].append(m)
    labels = {where: token_labels(ms) for where, ms in by_paragraph.items()}
    findings: dict[Mention, list[RoleFinding]] = {}
    for m, key in assigned:
        if key.startswith("person:"):
            doc = docs[(m.article, m.paragraph)]
            others = [o for o in by_paragraph[(m.article, m.paragraph)] if o is not m]
            found = find_roles(m, doc, others, labels[(m.article, m.paragraph)])
            if found:
                findings[m] = found
    return findings


def _display(ms: Sequence[Mention]) -> str:
    """The name to show: the fullest form, then the most used, preferring proper capitals."""
    forms = Counter(m.text.replace("’", "'").removeprefix("the ").removeprefix("The ")
                    for m in ms if not m.text.lower().startswith("the ") or m.label != "PERSON")
    if not forms:
        forms = Counter(m.text for m in ms)
    if ms[0].label == "PERSON":
        longest = max(len(f.split()) for f in forms)
        forms = Counter({f: c for f, c in forms.items() if len(f.split()) == longest})
    return max(sorted(forms), key=lambda f: (forms[f], f.istitle() or f.isupper(), len(f)))


def _aliases(ms: Sequence[Mention], name: str) -> tuple[str, ...]:
    """Other forms the story uses for an actor, one per spelling regardless of case."""
    forms: dict[str, str] = {}
    for m in ms:
        for text in sorted({m.text.replace("’", "'"), f"{m.honorific} {m.text}".strip()}):
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


def _role_with_org(role: Role, finding: RoleFinding, names: Mapping[str, str]) -> Role:
    """Name the organisation in "leader of X" by its profile name ("Liberals" → "Liberal Party")."""
    if not finding.organisation:
        return role
    name = names.get("org:" + org_key(finding.organisation), finding.organisation)
    return Role(f"leader of {name}", role.citation)
