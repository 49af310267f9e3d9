"""Reuse of story-wide steps' per-article work: only for the same article and the same part."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.cache import ParseCache
from generator.memo import Memo, is_stored
from generator.models import ModelInfo


def counting() -> tuple[list[object], Callable[[object], tuple[str, object]]]:
    calls: list[object] = []

    def compute(part: object) -> tuple[str, object]:
        calls.append(part)
        return ("result", part)

    return calls, compute


def test_same_article_and_part_is_reused() -> None:
    calls, compute = counting()
    first = Memo({"a": "key-a"})
    assert first.reuse("step", "a", ("x", 1), compute) == ("result", ("x", 1))
    second = Memo({"a": "key-a"}, first.kept)
    assert second.reuse("step", "a", ("x", 1), compute) == ("result", ("x", 1))
    assert len(calls) == 1
    assert (second.hits, second.misses) == (1, 0)


def test_another_part_article_key_or_step_is_computed_again() -> None:
    calls, compute = counting()
    first = Memo({"a": "key-a"})
    first.reuse("step", "a", ("x", 1), compute)
    changed_part = Memo({"a": "key-a"}, first.kept)
    assert changed_part.reuse("step", "a", ("x", 2), compute) == ("result", ("x", 2))
    changed_article = Memo({"a": "key-a2"}, first.kept)  # the article's text changed
    changed_article.reuse("step", "a", ("x", 1), compute)
    other_step = Memo({"a": "key-a"}, first.kept)
    other_step.reuse("other", "a", ("x", 1), compute)
    assert len(calls) == 4


def test_equal_parts_match_whatever_their_objects() -> None:
    """Parts are compared by value: a rebuilt tuple of the same strings is the same part."""
    calls, compute = counting()
    first = Memo({"a": "k"})
    first.reuse("step", "a", (("Ann", "Lee"), "PERSON"), compute)
    second = Memo({"a": "k"}, first.kept)
    second.reuse("step", "a", (tuple("Ann Lee".split()), "".join(["PER", "SON"])), compute)
    assert len(calls) == 1
    # One object twice, or two equal objects: the same part (pickle's memo would tell them apart).
    name = "".join(["Ann ", "Lee"])
    first.reuse("shared", "a", (name, name, 1, True), compute)
    third = Memo({"a": "k"}, first.kept)
    third.reuse("shared", "a", ("Ann Lee", "".join(["Ann", " Lee"]), 1, True), compute)
    assert len(calls) == 2
    third.reuse("shared", "a", ("Ann Lee", "Ann Lee", True, True), compute)  # 1 is not True
    assert len(calls) == 3


def test_without_a_key_nothing_is_kept() -> None:
    calls, compute = counting()
    memo = Memo()
    memo.reuse("step", "a", (), compute)
    memo.reuse("step", "a", (), compute)
    assert len(calls) == 2 and memo.kept == {}


def test_only_this_runs_articles_are_kept() -> None:
    _, compute = counting()
    first = Memo({"a": "ka", "b": "kb"})
    for article in ("a", "b"):
        first.reuse("step", article, (), compute)
    second = Memo({"a": "ka"}, first.kept)  # article b was removed from the seeds
    second.reuse("step", "a", (), compute)
    assert list(second.kept["step"]) == ["ka"]


def test_steps_round_trip_through_the_cache_and_corruption_is_ignored(tmp_path: Path) -> None:
    _, compute = counting()
    memo = Memo({"a": "ka"})
    memo.reuse("step", "a", ("x",), compute)
    cache = ParseCache(tmp_path / "cache", ModelInfo("m", "1"))
    cache.put_steps(tmp_path / "seeds", memo.kept)
    assert cache.get_steps(tmp_path / "seeds") == memo.kept
    assert cache.get_steps(tmp_path / "other-seeds") == {}
    (entry,) = (tmp_path / "cache").rglob("*.pickle")
    data = bytearray(entry.read_bytes())
    data[-3] ^= 0xFF
    entry.write_bytes(bytes(data))
    assert cache.get_steps(tmp_path / "seeds") == {}


def test_stored_shape_is_checked() -> None:
    assert is_stored({"step": {"k": (b"digest", b"result")}})
    assert not is_stored({"step": {"k": ("not bytes", b"result")}})
    assert not is_stored({"step": {"k": (b"digest", "not pickled")}})
    assert not is_stored(["step"])
