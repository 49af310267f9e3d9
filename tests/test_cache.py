"""The parse cache: reused when valid, ignored when stale or corrupt."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from conftest import make_doc

from generator.cache import ParseCache, get_frequencies, prune, prune_daily, put_frequencies
from generator.extract.findings import find_in_article, restore
from generator.extract.text import citation, sentence_starts
from generator.models import AnnotatedArticle, AnnotatedParagraph, Article, ModelInfo, Paragraph


def article(text: str) -> Article:
    return Article("a", "a.md", "T", "S", None, (Paragraph(0, text),))


def test_round_trip_keeps_the_annotations(tmp_path: Path) -> None:
    doc = make_doc("Ann Lee spoke .", ents=[("Ann Lee", "PERSON")])
    cache = ParseCache(tmp_path, ModelInfo("m", "1"))
    cache.put(article(doc.text), [doc])
    (again,) = cache.get(article(doc.text), doc.vocab) or []
    assert [(e.text, e.label_) for e in again.ents] == [("Ann Lee", "PERSON")]
    assert [t.pos_ for t in again] == [t.pos_ for t in doc]
    assert (cache.hits, cache.misses) == (1, 0)


def test_round_trip_onto_a_fresh_vocabulary_keeps_every_attribute_extraction_reads(
    tmp_path: Path,
) -> None:
    import spacy

    doc = make_doc("Zyxqa Lee ’s new party won . It rose .", ents=[("Zyxqa Lee", "PERSON")],
                   tags={"won": "VBD"}, lemmas={"won": "win"}, deps={"won": ("ROOT", "won")})
    doc[5].set_morph("Tense=Past|VerbForm=Fin")
    cache = ParseCache(tmp_path, ModelInfo("m", "1"))
    cache.put(article(doc.text), [doc])
    # A new process has a vocabulary that has never seen these words: the entry brings them.
    (again,) = cache.get(article(doc.text), spacy.blank("en").vocab) or []

    def read(d):  # type: ignore[no-untyped-def]
        return [(t.text, t.whitespace_, t.tag_, t.pos_, t.lemma_, t.head.i, t.dep_,
                 t.ent_iob_, t.ent_type_, t.is_sent_start) for t in d]

    assert read(again) == read(doc)
    assert str(again[5].morph) == ""  # features are not kept: no extractor reads them
    assert [s.text for s in again.sents] == [s.text for s in doc.sents]


def test_other_text_or_model_is_a_miss(tmp_path: Path) -> None:
    doc = make_doc("Ann Lee spoke .")
    ParseCache(tmp_path, ModelInfo("m", "1")).put(article(doc.text), [doc])
    assert ParseCache(tmp_path, ModelInfo("m", "2")).get(article(doc.text), doc.vocab) is None
    assert ParseCache(tmp_path, ModelInfo("m", "1")).get(article("Other ."), doc.vocab) is None


def test_corrupt_entry_is_never_trusted(tmp_path: Path) -> None:
    doc = make_doc("Ann Lee spoke .")
    cache = ParseCache(tmp_path, ModelInfo("m", "1"))
    cache.put(article(doc.text), [doc])
    (entry,) = tmp_path.rglob("*.spacy")
    data = bytearray(entry.read_bytes())
    data[-5] ^= 0xFF
    entry.write_bytes(bytes(data))
    assert cache.get(article(doc.text), doc.vocab) is None
    entry.write_bytes(b"garbage")
    assert cache.get(article(doc.text), doc.vocab) is None
    assert cache.misses == 2


def test_entry_whose_tokens_do_not_span_the_text_is_never_trusted(tmp_path: Path) -> None:
    """A valid entry filed under another article's key (as a hash collision would) is stale."""
    import shutil

    cache = ParseCache(tmp_path, ModelInfo("m", "1"))
    short, longer = make_doc("Ann Lee spoke ."), make_doc("Ann Lee spoke today .")
    cache.put(article(short.text), [short])
    (entry,) = tmp_path.rglob("*.spacy")
    target = cache._path(cache.key(article(longer.text)))
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(entry, target)
    assert cache.get(article(longer.text), longer.vocab) is None


def test_entry_whose_strings_do_not_have_their_ids_is_never_trusted(tmp_path: Path) -> None:
    """Strings go into the vocabulary by the ids the entry gives them: a mismatch is a miss."""
    import pickle

    import spacy

    from generator.cache import _arrays_of, _write

    doc = make_doc("Zyxqa Lee spoke .")
    cache = ParseCache(tmp_path, ModelInfo("m", "1"))
    strings, ids, arrays = _arrays_of([doc])
    swapped = (strings, (*ids[1:], ids[0]), arrays)
    _write(cache._path(cache.key(article(doc.text))), pickle.dumps(swapped))
    assert cache.get(article(doc.text), spacy.blank("en").vocab) is None
    assert cache.misses == 1


def test_findings_are_reused_only_for_the_same_article(tmp_path: Path) -> None:
    doc = make_doc("Ann Lee spoke on Monday .", ents=[("Ann Lee", "PERSON")])
    art = article(doc.text)
    found = find_in_article(AnnotatedArticle(art, (AnnotatedParagraph(art.paragraphs[0], doc),)))
    cache = ParseCache(tmp_path, ModelInfo("m", "1"))
    cache.put_findings(art, found)
    assert cache.get_findings(art) == found
    # Findings carry the article's id and are read against its date: either change is a miss.
    assert cache.get_findings(replace(art, id="b")) is None
    assert cache.get_findings(replace(art, published=dt.date(2020, 1, 1))) is None
    assert (cache.findings_hits, cache.findings_misses) == (1, 2)
    # ...but the seeds folder may move: the same article elsewhere is a hit
    assert cache.get_findings(replace(art, path="elsewhere/a.md")) == found


def test_cached_findings_give_a_reread_doc_the_same_sentences_and_citations(
    tmp_path: Path,
) -> None:
    doc = make_doc("Ann Lee spoke . She left . Then rain .", ents=[("Ann Lee", "PERSON")])
    art = article(doc.text)
    found = find_in_article(AnnotatedArticle(art, (AnnotatedParagraph(art.paragraphs[0], doc),)))
    cache = ParseCache(tmp_path, ModelInfo("m", "1"))
    cache.put(art, [doc])
    cache.put_findings(art, found)
    (again,) = cache.get(art, doc.vocab) or []
    reread = AnnotatedArticle(art, (AnnotatedParagraph(art.paragraphs[0], again),))
    cached = cache.get_findings(art)
    assert cached is not None
    restore(reread, cached)
    assert sentence_starts(again) == sentence_starts(doc) == [0, 4, 7]
    assert citation("a", 0, again, 5) is cached.sentences[0][1][1]  # read back, not remade
    fresh = make_doc(doc.text, ents=[("Ann Lee", "PERSON")])  # worked out, not restored
    for i in (0, 5, 9):
        assert citation("a", 0, again, i) == citation("a", 0, fresh, i)
    assert citation("a", 0, again, 5).text == "She left ."


def test_corrupt_findings_are_never_trusted(tmp_path: Path) -> None:
    doc = make_doc("Ann Lee spoke .")
    art = article(doc.text)
    cache = ParseCache(tmp_path, ModelInfo("m", "1"))
    cache.put_findings(art, find_in_article(
        AnnotatedArticle(art, (AnnotatedParagraph(art.paragraphs[0], doc),))))
    (entry,) = tmp_path.rglob("*.pickle")
    data = bytearray(entry.read_bytes())
    data[-3] ^= 0xFF
    entry.write_bytes(bytes(data))
    assert cache.get_findings(art) is None


def test_word_frequencies_are_kept_per_wordfreq_and_never_trusted_when_corrupt(
    tmp_path: Path,
) -> None:
    put_frequencies(tmp_path, "wordfreq A", {"referendum": 4.2, "zzqx": 0.0})
    assert get_frequencies(tmp_path, "wordfreq A") == {"referendum": 4.2, "zzqx": 0.0}
    assert get_frequencies(tmp_path, "wordfreq B") == {}  # another list: not reused
    (entry,) = tmp_path.rglob("*.pickle")
    data = bytearray(entry.read_bytes())
    data[-3] ^= 0xFF
    entry.write_bytes(bytes(data))
    assert get_frequencies(tmp_path, "wordfreq A") == {}
    put_frequencies(tmp_path, "wordfreq A", {"referendum": "4.2"})  # type: ignore[dict-item]
    assert get_frequencies(tmp_path, "wordfreq A") == {}  # wrong shape: not trusted


def test_entries_unread_for_a_month_are_pruned(tmp_path: Path) -> None:
    import os
    import time

    doc = make_doc("Ann Lee spoke .")
    cache = ParseCache(tmp_path, ModelInfo("m", "1"))
    cache.put(article(doc.text), [doc])
    cache.put(article("Other ."), [make_doc("Other .")])
    month_ago = time.time() - 31 * 86400
    for entry in tmp_path.rglob("*.spacy"):
        os.utime(entry, (month_ago, month_ago))
    assert cache.get(article(doc.text), doc.vocab) is not None  # reading renews the entry
    assert prune(tmp_path) == 1
    assert cache.get(article(doc.text), doc.vocab) is not None
    assert cache.get(article("Other ."), doc.vocab) is None


def test_pruning_runs_at_most_once_a_day(tmp_path: Path) -> None:
    import os
    import time

    cache = ParseCache(tmp_path, ModelInfo("m", "1"))
    cache.put(article("Other ."), [make_doc("Other .")])
    month_ago = time.time() - 31 * 86400
    assert prune_daily(tmp_path) == 0  # nothing old yet; the folder counts as pruned now
    for entry in tmp_path.rglob("*.spacy"):
        os.utime(entry, (month_ago, month_ago))
    assert prune_daily(tmp_path) == 0  # pruned within the day: not scanned again
    assert prune_daily(tmp_path, now=time.time() + 86401) == 1
