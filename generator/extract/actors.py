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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import cast

from spacy.tokens import Doc

from ..memo import Memo
from ..models import ActorKind, AnnotatedArticle, Citation, Role
from .cluster import cluster, org_key
from .gender import genders
from .names import Mention
from .roles import RoleFinding, find_roles, token_labels
from .spans import PLACE_LABELS
from .text import citation
from .titles import title_map, title_mentions, titles_in

__all__ = ["ActorDraft", "Cast", "extract_actors", "kind_of", "org_key"]
Position = tuple[str, int, int]  # (article, paragraph, token index)
# One article's view of the cast: (article, (paragraph, token, key)..., (key, kind)...,
# (key, gender)...).
CastPart = tuple[str, tuple[tuple[int, int, str], ...], tuple[tuple[str, str], ...],
                 tuple[tuple[str, str], ...]]


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

    def parts(self, articles: Iterable[str]) -> list[CastPart]:
        """For each article, the part of the cast it can see: its positions (paragraph,
        token, key) and the kind and gender of the actors there, as plain sorted values."""
        by_article: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for (a, p, t), k in self.positions.items():
            by_article[a].append((p, t, k))
        out: list[CastPart] = []
        for a in articles:
            here = sorted(by_article.get(a, ()))
            keys = sorted({k for _, _, k in here})
            out.append((a, tuple(here), tuple((k, self.kind(k) or "") for k in keys),
                        tuple((k, self.gender[k]) for k in keys if k in self.gender)))
        return out

    @classmethod
    def of_part(cls, part: CastPart) -> Cast:
        """The cast of one article, as :meth:`parts` cut it (enough for its quotes)."""
        article, here, kinds, gender = part
        kinds_of = {k: cast(ActorKind, kind) for k, kind in kinds if kind}
        return cls((), {(article, p, t): k for p, t, k in here}, dict(gender), _kinds=kinds_of)


def kind_of(label: str) -> ActorKind:
    if label == "PERSON":
        return "person"
    return "place" if label in PLACE_LABELS else "organisation"


def extract_actors(articles: Sequence[AnnotatedArticle], mentions: Sequence[Mention],
                   memo: Memo | None = None) -> Cast:
    """Cluster mentions into actors with aliases, roles and the sentences citing them
    (``memo``: the previous run's per-article reading of roles and titles)."""
    memo = memo or Memo()
    docs = {(a.article.id, ap.paragraph.index): ap.doc for a in articles for ap in a.paragraphs}
    assigned = cluster(mentions)
    key_of = dict(assigned)
    findings = _roles(assigned, docs, mentions, memo)
    titles = title_map(findings, key_of)
    extra: list[tuple[Mention, str]] = []
    for a in articles:  # each article looks only for the titles whose first word it holds
        part = titles_in(a, titles)
        extra.extend(memo.reuse("titles", a.article.id, part, partial(_titles_in, a)))
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
        # One citation per sentence (a mention's ``sentence`` holds its start; any start in
        # it cites it), sorted by sentence, which is how citations sort: no Citation is made
        # and hashed per mention.
        where = {(m.article, m.paragraph, m.sentence): m.start for m in ms}
        cites = [citation(a, p, docs[(a, p)], start) for (a, p, _), start in sorted(where.items())]
        drafts.append(ActorDraft(
            key=key, name=names[key], kind=kind_of(ms[0].label),
            aliases=_aliases(ms, names[key]),
            roles=tuple(_role_with_org(r, f, names) for r, f in roles),
            citations=tuple(cites), mentions=len(ms)))
    drafts.sort(key=lambda d: (-d.mentions, d.name))
    return Cast(tuple(drafts), positions, genders(members, by_key, docs))


def _roles(
    assigned: Sequence[tuple[Mention, str]], docs: Mapping[tuple[str, int], Doc],
    mentions: Sequence[Mention], memo: Memo,
) -> dict[Mention, list[RoleFinding]]:
    """The roles of every person mention. Roles depend on a paragraph's own mentions (which
    of them are people), so an article whose mentions are as in the previous run is not
    read again."""
    by_paragraph: dict[tuple[str, int], list[Mention]] = defaultdict(list)
    for m in mentions:
        by_paragraph[(m.article, m.paragraph)].append(m)
    people = {id(m) for m, key in assigned if key.startswith("person:")}
    by_article: dict[str, list[int]] = defaultdict(list)
    for article, paragraph in by_paragraph:
        by_article[article].append(paragraph)
    found: dict[int, list[RoleFinding]] = {}
    for article, paragraphs in by_article.items():
        part = tuple((p, tuple((_fields(m), id(m) in people) for m in by_paragraph[(article, p)]))
                     for p in paragraphs)
        own = {p: docs[(article, p)] for p in paragraphs}
        for p, i, roles in memo.reuse("roles", article, part, partial(_roles_in, article, own)):
            m = by_paragraph[(article, p)][i]
            found[id(m)] = [RoleFinding(m, text, title, org) for text, title, org in roles]
    return {m: found[id(m)] for m, _ in assigned if id(m) in found}


_Fields = tuple[str, str, int, int, int, bool, str, str, bool, bool]


def _fields(m: Mention) -> _Fields:
    """A mention without its article and paragraph, as plain values."""
    return (m.text, m.label, m.sentence, m.start, m.end, m.caption, m.honorific, m.evidence,
            m.quoted, m.prose)


def _roles_in(
    article: str, docs: Mapping[int, Doc],
    part: Sequence[tuple[int, Sequence[tuple[_Fields, bool]]]],
) -> tuple[tuple[int, int, tuple[tuple[str, bool, str], ...]], ...]:
    """Roles in one article: (paragraph, mention's place in it, (text, title, organisation)
    of each role) for every person mention with roles; ``part`` holds each paragraph's
    mentions and whether each is a person."""
    out = []
    for p, items in part:
        ms = [Mention(f[0], f[1], article, p, *f[2:]) for f, _ in items]
        labels = token_labels(ms)
        for i, (m, (_, person)) in enumerate(zip(ms, items, strict=True)):
            if person:
                roles = find_roles(m, docs[p], [o for o in ms if o is not m], labels)
                if roles:
                    out.append((p, i, tuple((r.text, r.title, r.organisation) for r in roles)))
    return tuple(out)


def _titles_in(article: AnnotatedArticle, part: tuple[tuple[tuple[str, ...], str], ...],
               ) -> tuple[tuple[Mention, str], ...]:
    """The standalone titles in one article; ``part`` holds the titles that can occur there."""
    return tuple(title_mentions([article], dict(part)))


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
