"""Editorial overrides from story.yml: they win, and naming nobody is an error."""

from __future__ import annotations

import pytest

from generator.assemble import _apply_overrides
from generator.errors import InputError
from generator.extract.actors import ActorDraft
from generator.models import ActorOverride, Citation, StoryConfig


def test_story_yml_overrides_rename_merge_split_hide_and_role() -> None:
    met = Citation("a1", 0, 0, "Ann Lee met Tom Ray .")
    waved = Citation("a1", 0, 1, "Lee waved .")
    drafts = (ActorDraft("person:ann lee", "Ann Lee", "person", ("Lee",), (), (met, waved), 2),
              ActorDraft("person:tom ray", "Tom Ray", "person", (), (), (met,), 1))

    def run(*items: ActorOverride):  # type: ignore[no-untyped-def]
        return _apply_overrides(drafts, StoryConfig(actors=items, path="story.yml"))

    renamed, _ = run(ActorOverride("rename", "Ann Lee", "Dr Ann Lee"))
    assert {d.name for d in renamed} == {"Dr Ann Lee", "Tom Ray"}
    merged, gone = run(ActorOverride("merge", "Tom Ray", "Ann Lee"))
    assert [d.name for d in merged] == ["Ann Lee"] and "Tom Ray" in merged[0].aliases
    assert list(gone.values()) == ["person:ann lee"]
    split, _ = run(ActorOverride("split", "Ann Lee", "Lee"))
    by = {d.name: d for d in split}
    assert by["Lee"].mentions == 1 and "Lee" not in by["Ann Lee"].aliases
    hidden, _ = run(ActorOverride("hide", "Tom Ray"))
    assert [d.name for d in hidden] == ["Ann Lee"]
    roles, _ = run(ActorOverride("role", "Tom Ray", "ferry captain"))
    assert [r.text for d in roles if d.name == "Tom Ray" for r in d.roles] == ["ferry captain"]
    with pytest.raises(InputError, match="no actor called 'Nobody'"):
        run(ActorOverride("hide", "Nobody", line=3))
    with pytest.raises(InputError, match="not a name of"):
        run(ActorOverride("split", "Tom Ray", "Lee", line=4))
