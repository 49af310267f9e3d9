"""Who appears with whom and who leads what: a small graph, readable without JavaScript.

The graph is a Mermaid flowchart (Mermaid ships inside the site); the same facts follow
as a plain list, which is what a reader without JavaScript, or a search engine, sees.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations

from ..models import Actor, Story
from .common import CONNECTIONS, actor_page, front_matter, per_story, plural, rel
from .escape import md

MAX_NODES = 14
MAX_EDGES = 14
_LEADS = re.compile(r"^(?:leader|head|chair(?:man|woman|person)?|president|founder) of (?:the )?(.+)$",
                    re.IGNORECASE)


@per_story
def co_mentions(story: Story) -> Counter[tuple[str, str]]:
    """Pairs of actor ids and how many sentences mention both (worked out once per story:
    the profiles and the connections page both need them)."""
    by_sentence: dict[tuple[str, int, int], list[str]] = {}
    for actor in story.actors:
        for c in actor.citations:
            by_sentence.setdefault((c.article, c.paragraph, c.sentence), []).append(actor.id)
    pairs: Counter[tuple[str, str]] = Counter()
    for ids in by_sentence.values():
        if len(ids) > 1:  # most sentences name one actor: no pair
            pairs.update(combinations(sorted(set(ids)), 2))
    return pairs


def company_index(story: Story, limit: int = 8) -> dict[str, list[tuple[Actor, int]]]:
    """For every actor, the others mentioned in the same sentences, most shared first
    (computed once for the story from the sentence → actors index)."""
    by_id = {a.id: a for a in story.actors}
    found: dict[str, list[tuple[Actor, int]]] = {}
    for (a, b), n in co_mentions(story).items():
        found.setdefault(a, []).append((by_id[b], n))
        found.setdefault(b, []).append((by_id[a], n))
    return {i: sorted(pairs, key=lambda p: (-p[1], p[0].name))[:limit] for i, pairs in found.items()}


def leadership(story: Story) -> list[tuple[Actor, Actor]]:
    """(person, organisation) where a role says the person leads it."""
    by_name = {a.name.lower(): a for a in story.actors if a.kind == "organisation"}
    for a in story.actors:
        for alias in a.aliases:
            if a.kind == "organisation":
                by_name.setdefault(alias.lower(), a)
    found = []
    for person in (a for a in story.actors if a.kind == "person"):
        for role in person.roles:
            match = _LEADS.match(role.text)
            org = by_name.get(match.group(1).lower()) if match else None
            if org is not None and (person, org) not in found:
                found.append((person, org))
    return found


def _label(text: str) -> str:
    """A node label Mermaid cannot read as syntax: letters, digits and plain punctuation."""
    return re.sub(r"[^\w .,'()-]", "", text, flags=re.UNICODE)[:40] or "?"


def connections_page(story: Story,
                     company: dict[str, list[tuple[Actor, int]]] | None = None) -> str:
    out = [front_matter(f"Connections: {story.title}",
                        f"Who appears with whom, and who leads what, in the story {story.title}."),
           "# Connections\n\n",
           "People and organisations are linked when the same sentence mentions both (the "
           "number says how often), and an arrow shows who leads what.\n\n"]
    pairs = co_mentions(story)
    leads = leadership(story)
    people_orgs = [a for a in story.actors if a.kind in ("person", "organisation")]
    nodes = people_orgs[:MAX_NODES]
    ids = {a.id: f"n{i}" for i, a in enumerate(nodes)}
    edges = sorted(((pair, n) for pair, n in pairs.items() if pair[0] in ids and pair[1] in ids),
                   key=lambda e: (-e[1], e[0]))[:MAX_EDGES]
    drawn = {i for (a, b), _ in edges for i in (a, b)} | {x.id for p in leads for x in p}
    nodes = [a for a in nodes if a.id in drawn]
    if nodes and (edges or leads):
        lines = ["```mermaid", "graph LR"]
        for node in nodes:
            shape = ('["', '"]') if node.kind == "person" else ('(["', '"])')
            lines.append(f"  {ids[node.id]}{shape[0]}{_label(node.name)}{shape[1]}")
        for (first, second), n in edges:
            lines.append(f"  {ids[first]} ---|{n}| {ids[second]}")
        for person, org in leads:
            if person.id in ids and org.id in ids:
                lines.append(f"  {ids[person.id]} ==>|leads| {ids[org.id]}")
        out.append("\n".join(lines) + "\n```\n\n")
    if leads:
        out.append("## Who leads what\n\n")
        out.extend(f"- [{md(p.name)}]({rel(CONNECTIONS, actor_page(p.id))}) leads "
                   f"[{md(o.name)}]({rel(CONNECTIONS, actor_page(o.id))})\n" for p, o in leads)
        out.append("\n")
    out.append("## Who appears with whom\n\n")
    company = company if company is not None else company_index(story)
    listed = False
    for a in people_orgs[: MAX_NODES * 2]:
        if company.get(a.id):
            listed = True
            others = ", ".join(f"[{md(o.name)}]({rel(CONNECTIONS, actor_page(o.id))}) ({n})"
                               for o, n in company[a.id])
            out.append(f"- [{md(a.name)}]({rel(CONNECTIONS, actor_page(a.id))}): {others}\n")
    if not listed:
        out.append("No two actors are mentioned in the same sentence.\n")
    out.append(f"\n{plural(len(pairs), 'pair')} of actors share at least one sentence.\n")
    return "".join(out)
