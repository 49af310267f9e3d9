"""Score a generated ``story.json`` against hand-written gold annotations.

Why: extraction rules (who is a person, which names are one person, who said what, when things
happened) are tuned on a few stories; a scorer with fixed gold files turns "looks better" into
figures that tests can hold, so a rule that helps one story and breaks another shows up.

Gold is YAML with five lists (all optional)::

    people:     [{name, aliases: [...], roles: [...], optional: false}]
    not_people: [string, ...]         # must never be a person actor's name or alias
    quotes:     [{text, speaker: full name | null, speaker_text, scare: false}]
    events:     [{text, date, relation: on, expected: false}]
    terms:      [{term, variants: [...]}]

Matching rules (all case-insensitive; curly and straight quotes are the same):

* Names are compared whole after dropping a leading "the"/"a"/"an" and honorifics (Mr, Ms, Mrs,
  Dr, Sir). A person actor matches a gold person when the actor's name or an alias equals the
  gold name or a gold alias. A gold person is *found* when exactly one person actor matches it;
  two or more is a *duplicate* (a missed merge); an actor matching two gold people is a *merge
  error*. Optional gold people are not required, but an actor matching one is not false.
* Roles: token sets are compared after dropping function words ("the", "of", ...); two roles
  match when their Jaccard overlap |A & B| / |A | B| is at least 0.5.
* Quotes: a gold quote is found by any actor quote whose text contains, or is contained in, the
  gold text (exact matches win when there are some). It is attributed right when the actor
  holding it matches the gold speaker and the quote is not flagged ``unnamed_source``; for a
  gold ``speaker: null`` the quote must be flagged ``unnamed_source``. A scare quote
  (``scare: true``, words nobody said) extracted as a quote of exactly those words is an error.
* Events: found by an event whose ``text`` or a source sentence contains the gold text; right
  when one of them has the gold ``date`` and ``expected``. Relations are reported, not scored.
* Terms: term and variants compared with spaces, hyphens and punctuation removed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HONORIFICS = frozenset({"mr", "ms", "mrs", "dr", "sir"})
ARTICLES = frozenset({"the", "a", "an"})
ROLE_STOPWORDS = frozenset({"the", "a", "an", "of", "for", "and", "in", "on", "at", "to", "s"})
ROLE_OVERLAP = 0.5
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold().split())


def norm_name(name: str) -> str:
    """'Sir Ann Lee' → 'ann lee'; 'the Foreign Secretary' → 'foreign secretary'."""
    words = [w.rstrip(".") for w in re.findall(r"[\w'.!-]+", _clean(name))]
    while words and (words[0] in HONORIFICS or words[0] in ARTICLES):
        words.pop(0)
    return " ".join(w for w in words if w)


def norm_text(text: str) -> str:
    return _clean(text).strip(" \"'.,;:!?…[]()")


def norm_term(term: str) -> str:
    return re.sub(r"[\W_]+", "", _clean(term))


def role_overlap(a: str, b: str) -> float:
    """Jaccard overlap of the content tokens of two role strings."""
    ta, tb = (set(re.findall(r"\w+", _clean(x))) - ROLE_STOPWORDS for x in (a, b))
    return len(ta & tb) / len(ta | tb) if ta | tb else 0.0


def _names(*groups: Iterable[str]) -> frozenset[str]:
    return frozenset(n for group in groups for n in map(norm_name, group) if n)


def _actor_names(actor: Mapping[str, Any]) -> frozenset[str]:
    return _names([actor["name"]], actor.get("aliases", []))


def _ratio(n: int, d: int) -> float:
    return n / d if d else 1.0


@dataclass(frozen=True)
class Report:
    """Counts and error lists; ratios are properties (1.0 when there is nothing to score)."""

    people_gold: int
    people_found: int
    person_actors: int
    true_actors: int
    duplicates: tuple[str, ...]
    merge_errors: tuple[str, ...]
    false_people: tuple[str, ...]
    not_people_found: tuple[str, ...]
    roles_gold: int
    roles_ok: int
    roles_missed: tuple[str, ...]
    quotes_gold: int
    quotes_found: int
    quotes_correct: int
    wrong_speaker: tuple[str, ...]
    quotes_missed: tuple[str, ...]
    scare_as_quote: tuple[str, ...]
    events_gold: int
    events_found: int
    events_correct: int
    event_mismatches: tuple[str, ...]
    relation_mismatches: tuple[str, ...]
    terms_gold: int
    terms_found: int
    glossary_entries: int
    glossary_correct: int
    terms_missed: tuple[str, ...]

    @property
    def people_precision(self) -> float:
        return _ratio(self.true_actors, self.person_actors)

    @property
    def people_recall(self) -> float:
        return _ratio(self.people_found, self.people_gold)

    @property
    def roles(self) -> float:
        return _ratio(self.roles_ok, self.roles_gold)

    @property
    def quotes_found_share(self) -> float:
        return _ratio(self.quotes_found, self.quotes_gold)

    @property
    def quotes(self) -> float:
        return _ratio(self.quotes_correct, self.quotes_gold)

    @property
    def events(self) -> float:
        return _ratio(self.events_correct, self.events_gold)

    @property
    def terms_recall(self) -> float:
        return _ratio(self.terms_found, self.terms_gold)

    @property
    def terms_precision(self) -> float:
        return _ratio(self.glossary_correct, self.glossary_entries)


Json = Mapping[str, Any]


def _people(actors: Sequence[Json], gold: Json) -> dict[str, Any]:
    people = [(p["name"], _names([p["name"]], p.get("aliases") or []), p) for p in gold.get("people") or []]
    hits = {a["id"]: [g for g, names, _ in people if names & _actor_names(a)] for a in actors}
    matched_by: dict[str, list[Json]] = {g: [a for a in actors if g in hits[a["id"]]] for g, _, _ in people}
    required = [(g, p) for g, _, p in people if not p.get("optional")]
    found = {g: matched_by[g][0] for g, _ in required if len(matched_by[g]) == 1}
    with_roles = [(g, p["roles"]) for g, p in required if g in found and p.get("roles")]
    roles_missed = tuple(
        f"{g}: {[r['text'] for r in found[g].get('roles', [])]}" for g, want in with_roles
        if not any(role_overlap(r["text"], w) >= ROLE_OVERLAP for r in found[g].get("roles", [])
                   for w in want))
    banned = _names(gold.get("not_people") or [])
    return dict(
        people_gold=len(required), people_found=len(found), person_actors=len(actors),
        true_actors=sum(1 for a in actors if hits[a["id"]]),
        duplicates=tuple(f"{g} ← {' + '.join(a['name'] for a in matched_by[g])}"
                         for g, _ in required if len(matched_by[g]) > 1),
        merge_errors=tuple(f"{a['name']} → {' + '.join(hits[a['id']])}"
                           for a in actors if len(hits[a["id"]]) > 1),
        false_people=tuple(a["name"] for a in actors if not hits[a["id"]]),
        not_people_found=tuple(sorted({n for a in actors for n in _actor_names(a) & banned})),
        roles_gold=len(with_roles), roles_ok=len(with_roles) - len(roles_missed), roles_missed=roles_missed)


def _quotes(story: Json, gold: Json) -> dict[str, Any]:
    speakers = {p["name"]: _names([p["name"]], p.get("aliases") or []) for p in gold.get("people") or []}
    said = [(a, q, norm_text(q["text"])) for a in story.get("actors", []) for q in a.get("quotes", [])]
    found = correct = 0
    wrong: list[str] = []
    missed: list[str] = []
    scare: list[str] = []
    for item in gold.get("quotes") or []:
        want = norm_text(item["text"])
        exact = [(a, q) for a, q, t in said if t == want]
        if item.get("scare"):  # only a quote of exactly these words: they may recur inside real speech
            scare.extend(f"{item['text']!r} as {a['name']}" for a, _ in exact)
            continue
        cands = exact or [(a, q) for a, q, t in said if t and (want in t or (len(t) >= 3 and t in want))]
        if not cands:
            missed.append(item["text"])
            continue
        found += 1
        who = item.get("speaker")
        target = speakers.get(who, _names([who])) if who else frozenset()
        if any(bool(q.get("unnamed_source")) == (who is None) and (who is None or target & _actor_names(a))
               for a, q in cands):
            correct += 1
        else:
            got = ", ".join(f"{a['name']}{' (unnamed)' if q.get('unnamed_source') else ''}" for a, q in cands)
            want_who = who or item.get("speaker_text", "unnamed source")
            wrong.append(f"{item['text']!r}: want {want_who}, got {got}")
    return dict(quotes_gold=sum(1 for q in gold.get("quotes") or [] if not q.get("scare")),
                quotes_found=found, quotes_correct=correct, wrong_speaker=tuple(wrong),
                quotes_missed=tuple(missed), scare_as_quote=tuple(scare))


def _events(story: Json, gold: Json) -> dict[str, Any]:
    events = [(e, [norm_text(e["text"])] + [norm_text(s["sentence"]) for s in e.get("sources", [])])
              for e in story.get("events", [])]
    found = correct = 0
    mismatches: list[str] = []
    relations: list[str] = []
    for item in gold.get("events") or []:
        want, date, expected = norm_text(item["text"]), str(item["date"]), bool(item.get("expected"))
        label = f"{item['text']!r}: want {date}{' (expected)' if expected else ''}"
        cands = [e for e, texts in events if any(want in t for t in texts)]
        right = [e for e in cands if e["date"] == date and bool(e["expected"]) == expected]
        found += bool(cands)
        correct += bool(right)
        if not right:
            dates = ", ".join(sorted({f"{e['date']}{' (expected)' if e['expected'] else ''}" for e in cands}))
            mismatches.append(f"{label}, got {dates}" if cands else f"{label}, not found")
        elif not any((e.get("relation") or "on") == item.get("relation", "on") for e in right):
            got = ", ".join(sorted({str(e.get("relation")) for e in right}))
            relations.append(f"{label} {item.get('relation', 'on')}, got {got}")
    return dict(events_gold=len(gold.get("events") or []), events_found=found, events_correct=correct,
                event_mismatches=tuple(mismatches), relation_mismatches=tuple(relations))


def _terms(story: Json, gold: Json) -> dict[str, Any]:
    entries = [{norm_term(t) for t in [e["term"], *e.get("variants", [])]} for e in story.get("glossary", [])]
    wanted = [(t["term"], {norm_term(x) for x in [t["term"], *(t.get("variants") or [])]})
              for t in gold.get("terms") or []]
    missed = tuple(term for term, forms in wanted if not any(forms & e for e in entries))
    every = set().union(*(forms for _, forms in wanted))
    return dict(terms_gold=len(wanted), terms_found=len(wanted) - len(missed), glossary_entries=len(entries),
                glossary_correct=sum(1 for e in entries if e & every), terms_missed=missed)


def evaluate(story: Json, gold: Json) -> Report:
    """Score one parsed story.json against one parsed gold file."""
    actors = [a for a in story.get("actors", []) if a.get("kind") == "person"]
    return Report(**_people(actors, gold), **_quotes(story, gold), **_events(story, gold),
                  **_terms(story, gold))


def format_report(r: Report) -> str:
    """A compact table of the figures, then the errors behind them."""
    rows: list[tuple[str, str, str]] = [
        ("people precision", f"{r.people_precision:.3f}", f"{r.true_actors}/{r.person_actors} person actors"),
        ("people recall", f"{r.people_recall:.3f}", f"{r.people_found}/{r.people_gold} gold people"),
        ("duplicates", str(len(r.duplicates)), "gold people split over 2+ actors"),
        ("merge errors", str(len(r.merge_errors)), "actors holding 2+ gold people"),
        ("false people", str(len(r.false_people)), "person actors matching no gold person"),
        ("not-people as people", str(len(r.not_people_found)), ""),
        ("roles", f"{r.roles:.3f}", f"{r.roles_ok}/{r.roles_gold}"),
        ("quotes found", f"{r.quotes_found_share:.3f}", f"{r.quotes_found}/{r.quotes_gold}"),
        ("quotes attributed", f"{r.quotes:.3f}", f"{r.quotes_correct}/{r.quotes_gold}"),
        ("wrong speaker", str(len(r.wrong_speaker)), ""),
        ("scare quotes as quotes", str(len(r.scare_as_quote)), ""),
        ("events right date", f"{r.events:.3f}",
         f"{r.events_correct}/{r.events_gold} ({r.events_found} found)"),
        ("terms recall", f"{r.terms_recall:.3f}", f"{r.terms_found}/{r.terms_gold}"),
        ("terms precision", f"{r.terms_precision:.3f}", f"{r.glossary_correct}/{r.glossary_entries} entries"),
    ]
    lines = [f"{name:<24}{value:>7}  {detail}".rstrip() for name, value, detail in rows]
    details: Sequence[tuple[str, Sequence[str]]] = [
        ("duplicate", r.duplicates), ("merge error", r.merge_errors), ("false person", r.false_people),
        ("not-person as person", r.not_people_found), ("role missed", r.roles_missed),
        ("quote missed", r.quotes_missed), ("wrong speaker", r.wrong_speaker),
        ("scare quote as quote", r.scare_as_quote), ("event", r.event_mismatches),
        ("relation", r.relation_mismatches), ("term missed", r.terms_missed)]
    lines += [f"  {label}: {item}" for label, items in details for item in items]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.evaluate",
                                     description="Score a story.json against gold annotations.")
    parser.add_argument("--gold", type=Path, required=True, help="gold annotations (YAML)")
    parser.add_argument("story_json", type=Path, metavar="STORY_JSON", help="a generated api/story.json")
    args = parser.parse_args(argv)
    story = json.loads(args.story_json.read_text(encoding="utf-8"))
    gold = yaml.safe_load(args.gold.read_text(encoding="utf-8")) or {}
    print(format_report(evaluate(story, gold)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
