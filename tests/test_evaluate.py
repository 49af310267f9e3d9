"""The evaluation harness: the scorer on hand-made story dicts, the gold files against their
articles, and (marked ``model``) the real pipeline's figures on the seeds and the shared stories,
held at floors so that an extraction change which makes them worse fails.

Print the full reports with ``python -m pytest tests/test_evaluate.py -m model -s``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.annotate import DEFAULT_MODEL, load_model
from generator.evaluate import Report, evaluate, format_report, main, norm_name, norm_term, role_overlap
from generator.pipeline import generate

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
STORIES = Path(__file__).resolve().parents[2] / "shared" / "stories"
STORY_NAMES = ("hong-kong-protests-2019", "puerto-rico-governor-2019", "trump-impeachment-2019",
               "uk-prorogation-2019")


def actor(name: str, *, kind: str = "person", aliases: Sequence[str] = (), roles: Sequence[str] = (),
          quotes: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
    slug = name.lower().replace(" ", "-")
    return {"id": slug, "name": name, "kind": kind, "aliases": list(aliases),
            "roles": [{"text": r, "source": {"article": "a", "sentence": "s"}} for r in roles],
            "quotes": list(quotes), "mentions": 1, "articles": ["a"], "url": f"actors/{slug}/"}


def quote(text: str, *, unnamed: bool = False) -> dict[str, Any]:
    return {"text": text, "article": "a", "sentence": text, "unnamed_source": unnamed}


def event(text: str, date: str | None, *, expected: bool = False,
          relation: str | None = "on") -> dict[str, Any]:
    return {"id": "e", "date": date, "date_text": "", "expected": expected, "relation": relation,
            "text": text, "actors": [], "sources": [{"article": "a", "sentence": text}], "url": "timeline/"}


def story(actors: Sequence[dict[str, Any]] = (), events: Sequence[dict[str, Any]] = (),
          terms: Sequence[tuple[str, Sequence[str]]] = ()) -> dict[str, Any]:
    glossary = [{"id": t, "term": t, "variants": list(v), "definition": "", "sources": [], "url": "g/"}
                for t, v in terms]
    return {"actors": list(actors), "events": list(events), "glossary": glossary}


GOLD_PEOPLE = {
    "people": [
        {"name": "Shabana Mahmood", "aliases": ["Mahmood", "the Home Secretary"],
         "roles": ["Home Secretary"]},
        {"name": "Keir Starmer", "aliases": ["Sir Keir Starmer"], "roles": ["Prime Minister"]},
        {"name": "Clive Lewis", "aliases": [], "roles": ["MP for Norwich South"]},
        {"name": "Danny Dyer", "aliases": [], "roles": [], "optional": True},
    ],
    "not_people": ["Norwich South", "Stefan Rousseau"],
}


# ------------------------------------------------------------------ matching helpers


def test_names_ignore_case_honorifics_and_a_leading_article() -> None:
    assert norm_name("Sir Keir Starmer") == norm_name("keir starmer") == "keir starmer"
    assert norm_name("Ms Spencer") == norm_name("Mrs. Spencer") == "spencer"
    assert norm_name("the Home Secretary") == "home secretary"
    assert norm_name("Dr Who") == "who" and norm_name("Mr") == ""


def test_role_overlap_is_jaccard_of_content_words() -> None:
    assert role_overlap("Backbench MP (Norwich South)", "MP for Norwich South") == 0.75
    assert role_overlap("Green leader", "leader of the Green Party") == pytest.approx(2 / 3)
    assert role_overlap("Lord Carloway", "Lord President of the court") == 0.25
    assert role_overlap("", "") == 0.0


def test_terms_ignore_hyphens_spaces_and_case() -> None:
    assert norm_term("by-election") == norm_term("Byelection") == norm_term("by election")
    assert norm_term("one country, two systems") == "onecountrytwosystems"


# ------------------------------------------------------------------ people


def test_exact_people_score_full_marks_and_optional_people_are_neither_required_nor_false() -> None:
    s = story([actor("Shabana Mahmood", aliases=["Mahmood"], roles=["Home Secretary"]),
               actor("Keir Starmer", aliases=["the Prime Minister"], roles=["Prime Minister"]),
               actor("Clive Lewis", roles=["Backbench MP (Norwich South)"]),
               actor("Danny Dyer"), actor("Labour", kind="organisation")])
    r = evaluate(s, GOLD_PEOPLE)
    assert (r.people_precision, r.people_recall, r.roles) == (1.0, 1.0, 1.0)
    assert (r.people_gold, r.person_actors) == (3, 4)
    assert not (r.duplicates or r.merge_errors or r.false_people or r.not_people_found)


def test_honorific_form_matches_the_full_name() -> None:
    r = evaluate(story([actor("Sir Keir Starmer")]), GOLD_PEOPLE)
    assert r.people_found == 1 and r.true_actors == 1


def test_a_person_split_over_two_actors_is_a_duplicate_and_not_found() -> None:
    r = evaluate(story([actor("Shabana Mahmood"), actor("Home Secretary")]), GOLD_PEOPLE)
    assert r.duplicates == ("Shabana Mahmood ← Shabana Mahmood + Home Secretary",)
    assert r.people_found == 0 and r.people_precision == 1.0
    assert r.people_recall == 0.0


def test_an_actor_holding_two_gold_people_is_a_merge_error() -> None:
    gold = {"people": [{"name": "Joshua Wong", "aliases": []}, {"name": "Wong", "aliases": []}]}
    r = evaluate(story([actor("Joshua Wong", aliases=["Wong"])]), gold)
    assert r.merge_errors == ("Joshua Wong → Joshua Wong + Wong",)
    assert r.people_found == 2 and not r.duplicates


def test_false_people_and_not_people_are_listed() -> None:
    s = story([actor("Clive Lewis"), actor("Norwich South"), actor("Rousseau", aliases=["Stefan Rousseau"]),
               actor("Stefan Rousseau", kind="organisation")])
    r = evaluate(s, GOLD_PEOPLE)
    assert r.false_people == ("Norwich South", "Rousseau")
    assert r.not_people_found == ("norwich south", "stefan rousseau")
    assert r.people_precision == pytest.approx(1 / 3)


def test_roles_are_scored_only_for_found_people_with_gold_roles() -> None:
    s = story([actor("Mahmood", roles=["senior minister"]), actor("Keir Starmer", roles=["Prime Minister"])])
    r = evaluate(s, GOLD_PEOPLE)
    assert (r.roles_ok, r.roles_gold) == (1, 2)
    assert r.roles_missed == ("Shabana Mahmood: ['senior minister']",)


# ------------------------------------------------------------------ quotes

GOLD_QUOTES = {
    "people": GOLD_PEOPLE["people"],
    "quotes": [
        {"text": "The idea that we are losing Muslim voters", "speaker": None,
         "speaker_text": "a source close to the Home Secretary"},
        {"text": "disappointing", "speaker": "Keir Starmer"},
        {"text": "a clean break", "speaker": "Clive Lewis"},
        {"text": "plain wrong", "speaker": None, "speaker_text": "Senior Labour sources"},
        {"text": "no deal", "scare": True},
    ],
}


def test_quotes_found_by_containment_and_attributed_to_the_right_speaker() -> None:
    s = story([
        actor("Shabana Mahmood", quotes=[quote("The idea that we are losing Muslim voters over immigration "
                                               "is just plain wrong.", unnamed=True)]),
        actor("Keir Starmer", quotes=[quote("“disappointing”")]),
        actor("Labour", kind="organisation", quotes=[quote("plain wrong", unnamed=True)]),
        actor("Nigel Farage", quotes=[quote("a clean break"), quote("the disaster of no deal on our jobs")]),
    ])
    r = evaluate(s, GOLD_QUOTES)
    assert (r.quotes_gold, r.quotes_found, r.quotes_correct) == (4, 4, 3)
    assert r.wrong_speaker == ("'a clean break': want Clive Lewis, got Nigel Farage",)
    assert r.scare_as_quote == ()  # the scare words inside a longer real quote are not an error


def test_an_exact_match_wins_over_a_containing_quote() -> None:
    s = story([actor("Keir Starmer", quotes=[quote("plain wrong", unnamed=True)]),
               actor("Clive Lewis", quotes=[quote("It is plain wrong to say so")])])
    gold = {"people": GOLD_PEOPLE["people"], "quotes": [{"text": "plain wrong", "speaker": None}]}
    assert evaluate(s, gold).quotes_correct == 1


def test_unnamed_source_needs_the_flag_and_a_named_speaker_must_not_have_it() -> None:
    s = story([actor("Shabana Mahmood", quotes=[quote("The idea that we are losing Muslim voters")]),
               actor("Keir Starmer", quotes=[quote("disappointing", unnamed=True)])])
    r = evaluate(s, GOLD_QUOTES)
    assert r.quotes_correct == 0 and len(r.wrong_speaker) == 2
    assert r.quotes_missed == ("a clean break", "plain wrong")


def test_a_scare_quote_extracted_as_a_quote_is_an_error() -> None:
    r = evaluate(story([actor("Jeremy Corbyn", quotes=[quote("no deal")])]), GOLD_QUOTES)
    assert r.scare_as_quote == ("'no deal' as Jeremy Corbyn",)


# ------------------------------------------------------------------ events and terms

GOLD_EVENTS = {"events": [
    {"text": "Mahmood insisted on Friday", "date": "2026-02-27"},
    {"text": "Mahmood will argue next week", "date": "2026-W10", "expected": True},
    {"text": "Before 2015, refugees", "date": "2015", "relation": "before"},
    {"text": "In November, MPs", "date": "2025-11"},
]}


def test_events_need_the_gold_date_and_expected_flag() -> None:
    s = story(events=[
        event("Mahmood insisted on Friday that Labour would push on.", "2026-02-27"),
        event("Mahmood will argue next week that policies were consistent.", "2026-W10", expected=False),
        event("Before 2015, refugees in Denmark were allowed to stay.", "2015", relation=None),
    ])
    r = evaluate(s, GOLD_EVENTS)
    assert (r.events_gold, r.events_found, r.events_correct) == (4, 3, 2)
    assert r.event_mismatches == ("'Mahmood will argue next week': want 2026-W10 (expected), got 2026-W10",
                                  "'In November, MPs': want 2025-11, not found")
    assert r.relation_mismatches == ("'Before 2015, refugees': want 2015 before, got None",)


def test_an_event_matches_through_its_source_sentence() -> None:
    e = event("Mahmood insisted.", "2026-02-27")
    e["sources"][0]["sentence"] = "Mahmood insisted on Friday that Labour would push on."
    assert evaluate(story(events=[e]), GOLD_EVENTS).events_correct == 1


def test_terms_recall_and_precision() -> None:
    gold = {"terms": [{"term": "by-election", "variants": ["byelection"]}, {"term": "Danish model"},
                      {"term": "indefinite leave to remain"}]}
    s = story(terms=[("by election", []), ("asylum system", []), ("the Danish model", ["Danish model"])])
    r = evaluate(s, gold)
    assert (r.terms_found, r.terms_gold, r.glossary_correct, r.glossary_entries) == (2, 3, 2, 3)
    assert r.terms_missed == ("indefinite leave to remain",)


def test_empty_inputs_score_one_not_zero_division() -> None:
    r = evaluate(story(), {})
    assert (r.people_precision, r.people_recall, r.quotes, r.events, r.terms_recall) == (1.0,) * 5


def test_main_prints_a_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "story.json").write_text(json.dumps(story([actor("Norwich South")])), encoding="utf-8")
    (tmp_path / "gold.yml").write_text(yaml.safe_dump(GOLD_PEOPLE), encoding="utf-8")
    assert main(["--gold", str(tmp_path / "gold.yml"), str(tmp_path / "story.json")]) == 0
    out = capsys.readouterr().out
    assert "people precision          0.000  0/1 person actors" in out
    assert "  false person: Norwich South" in out


# ------------------------------------------------------------------ the gold files themselves


def gold_files() -> Iterator[tuple[Path, Path]]:
    yield GOLD / "seeds.yml", ROOT / "seeds"
    for name in STORY_NAMES:
        yield GOLD / "stories" / f"{name}.yml", STORIES / name


@pytest.mark.parametrize(("gold_file", "folder"), list(gold_files()), ids=lambda p: p.stem)
def test_gold_texts_occur_verbatim_in_their_articles(gold_file: Path, folder: Path) -> None:
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.md")))
    gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
    names = {p["name"] for p in gold["people"]}
    assert [q["text"] for q in gold.get("quotes", []) if q["text"] not in text] == []
    assert [e["text"] for e in gold["events"] if e["text"] not in text] == []
    speakers = [q["speaker"] for q in gold.get("quotes", []) if q.get("speaker")]
    assert [who for who in speakers if who not in names] == []
    assert len(gold["events"]) >= 6 and 3 <= len(gold["terms"]) <= 8


# ------------------------------------------------------------------ the real pipeline (slow)

# Floors: the figures measured on 2026-11-22 after the actor, timeline and glossary work (in
# the comments) minus a margin of 0.02 or so, so that a single lost person, quote or event fails;
# error counts may not grow. (These four stories were read while building the rules, so their
# figures are optimistic for truly unseen stories.)
SEEDS_FLOORS: dict[str, float] = {
    # measured: P 1.000 (10/10), R 1.000 (10/10), roles 1.000 (9/9), quotes 1.000 (30/30),
    # events 1.000 (14/14), terms recall 1.000 (3/3), precision 1.000 (3/3); no errors
    "people_precision": 0.98, "people_recall": 0.98, "roles": 0.98, "quotes": 0.96,
    "events": 0.98, "terms_recall": 0.98, "terms_precision": 0.98,
}
SEEDS_MAX_ERRORS: dict[str, int] = {"duplicates": 0, "merge_errors": 0, "false_people": 0,
                                    "not_people_found": 0, "wrong_speaker": 0, "scare_as_quote": 0}
# The story gold lists only the 3-8 terms an editor would surely gloss, so a longer glossary is not
# worse: terms precision has no floor there.
NO_ERRORS = {"duplicates": 0, "merge_errors": 0, "false_people": 0, "not_people_found": 0,
             "wrong_speaker": 0, "scare_as_quote": 0}
STORY_FLOORS: dict[str, tuple[dict[str, float], dict[str, int]]] = {
    # measured: P 1.000 (11/11), R 1.000 (11/11), roles 1.000 (10/10), quotes 1.000 (15/15),
    # events 1.000 (13/13), terms recall 0.714 (5/7)
    "hong-kong-protests-2019": (
        {"people_precision": 0.98, "people_recall": 0.98, "roles": 0.98, "quotes": 0.98, "events": 0.98,
         "terms_recall": 0.70}, NO_ERRORS),
    # measured: P 1.000 (9/9), R 1.000 (9/9), roles 1.000 (8/8), quotes 1.000 (4/4),
    # events 1.000 (14/14), terms recall 0.833 (5/6)
    "puerto-rico-governor-2019": (
        {"people_precision": 0.98, "people_recall": 0.98, "roles": 0.98, "quotes": 0.98, "events": 0.98,
         "terms_recall": 0.81}, NO_ERRORS),
    # measured: P 1.000 (27/27), R 1.000 (27/27), roles 0.889 (24/27), quotes 1.000 (16/16),
    # events 0.941 (16/17), terms recall 0.875 (7/8)
    "trump-impeachment-2019": (
        {"people_precision": 0.98, "people_recall": 0.98, "roles": 0.86, "quotes": 0.98, "events": 0.92,
         "terms_recall": 0.85}, NO_ERRORS),
    # measured: P 0.944 (17/18), R 0.944 (17/18), roles 1.000 (16/16), quotes 0.952 (20/21),
    # events 1.000 (19/19), terms recall 0.714 (5/7)
    "uk-prorogation-2019": (
        {"people_precision": 0.92, "people_recall": 0.92, "roles": 0.98, "quotes": 0.93, "events": 0.98,
         "terms_recall": 0.70}, {**NO_ERRORS, "false_people": 1}),
}


def check(report: Report, floors: dict[str, float], max_errors: dict[str, int]) -> None:
    low = {k: round(getattr(report, k), 3) for k, v in floors.items() if getattr(report, k) < v}
    many = {k: len(getattr(report, k)) for k, v in max_errors.items() if len(getattr(report, k)) > v}
    assert not low and not many, f"below floor: {low}; more errors: {many}\n{format_report(report)}"


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The trained pipeline, loaded once for all the model tests here."""
    return load_model(DEFAULT_MODEL)


def score(folder: Path, gold_file: Path, out: Path, nlp: Any) -> Report:
    """Generate ``folder`` into ``out`` (leaving the seeds' slug registry alone) and score it."""
    generate(folder, out / "docs", nlp=nlp, save_registry=False)
    data = json.loads((out / "docs" / "api" / "story.json").read_text(encoding="utf-8"))
    report = evaluate(data, yaml.safe_load(gold_file.read_text(encoding="utf-8")))
    print(f"\n== {folder.name}\n{format_report(report)}")
    return report


@pytest.mark.model
def test_seed_figures_hold(nlp: Any, tmp_path: Path) -> None:
    check(score(ROOT / "seeds", GOLD / "seeds.yml", tmp_path, nlp), SEEDS_FLOORS, SEEDS_MAX_ERRORS)


@pytest.mark.model
@pytest.mark.parametrize("name", STORY_NAMES)
def test_story_figures_hold(name: str, nlp: Any, tmp_path: Path) -> None:
    if not (STORIES / name).is_dir():
        pytest.skip(f"{STORIES / name} is absent")
    floors, max_errors = STORY_FLOORS[name]
    check(score(STORIES / name, GOLD / "stories" / f"{name}.yml", tmp_path, nlp), floors, max_errors)
