"""Markdown for the story's own pages: home, timeline, glossary, sources and the data page."""

from __future__ import annotations

import html
from collections.abc import Iterable

from ..models import Citation, Event, Story
from .common import (
    ACTORS,
    API,
    GLOSSARY,
    HOME,
    LINKING,
    SCHEMA_JSON,
    SOURCES,
    STORY_JSON,
    TIMELINE,
    actor_page,
    article_by_id,
    cite,
    front_matter,
    long_date,
    plural,
    rel,
    sentence_anchor,
    short_date,
    source_page,
)
from .escape import attr, md
from .periods import event_page
from .terms import Linker, TermLinks


def home(story: Story, terms: TermLinks) -> str:
    """The landing page: what the story is, the latest, what's next, who and what matters."""
    link = terms.linker(HOME)
    out = [front_matter(story.title, story.description), f"# {md(story.title)}\n\n",
           f"{md(story.description)}\n\n"]
    happened = [e for e in story.events if not e.expected]
    expected = [e for e in story.events if e.expected]
    if happened:
        out.append("## Latest developments\n\n")
        latest = sorted(happened, key=_sort_key)[-4:]
        out.extend(_event_line(story, e, HOME, link) for e in reversed(latest))
        out.append("\n")
    if expected:
        out.append("## What's next\n\n")
        out.extend(_event_line(story, e, HOME, link) for e in expected)
        out.append("\n")
    people = [a for a in story.actors if a.kind == "person"][:8]
    if people:
        out.append("## Who's who\n\n")
        for a in people:
            role = f": {link(a.roles[0].text)}" if a.roles else ""
            out.append(f"- [{md(a.name)}]({rel(HOME, actor_page(a.id))}){role}\n")
        out.append(f"\n[Everyone in the story]({rel(HOME, ACTORS)})\n\n")
    if story.terms:
        out.append("## Terms to know\n\n")
        links = (f"[{md(t.term)}]({rel(HOME, GLOSSARY, t.id)})" for t in story.terms)
        out.append(" · ".join(links) + "\n\n")
    out.append(f"Built from {plural(len(story.articles), 'article')}: "
               f"see the [sources]({rel(HOME, SOURCES)}) and the [full timeline]({rel(HOME, TIMELINE)}).\n")
    return "".join(out)


def _sort_key(e: Event) -> str:
    return e.date.sort_key if e.date else ""


def _event_line(story: Story, e: Event, page: str, link: Linker) -> str:
    when = long_date(e.date) if e.date else "Undated"
    sources = ", ".join(cite(story, c, page) for c in e.sources)
    return f"- [**{md(when)}**]({rel(page, event_page(story, e), e.id)}): {link(e.text)} ({sources})\n"


def redirect(target: str) -> str:
    """A static page sending readers (and search engines) on to a relative URL."""
    url = attr(target)
    return ("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>Moved</title>\n<link rel=\"canonical\" href=\"{url}\">\n"
            f"<meta http-equiv=\"refresh\" content=\"0; url={url}\">\n"
            "<meta name=\"robots\" content=\"noindex\">\n</head>\n"
            f"<body><p>This page has moved: <a href=\"{url}\">{url}</a>.</p></body>\n</html>\n")


def _anchors(ids: Iterable[str]) -> str:
    """Empty anchors for ids published before, so old links still land here."""
    return "".join(f'<a id="{attr(i)}"></a>' for i in ids)


def glossary(story: Story, uses: dict[str, set[str]], titles: dict[str, str]) -> str:
    """One entry per term with a stable anchor, its definition, the articles and the pages
    of this site that use it."""
    out = [front_matter(f"Glossary: {story.title}",
                        f"The terms a reader needs for the story {story.title}, "
                        "defined from the articles."), "# Glossary\n\n"]
    if not story.terms:
        out.append("No terms were found that need explaining.\n")
    for t in story.terms:
        if t.former_ids:
            out.append(_anchors(t.former_ids) + "\n\n")
        out.append(f"## {md(t.term)} {{: #{t.id} }}\n\n")
        if t.variants:
            out.append(f"*Also written:* {md(', '.join(t.variants))}\n\n")
        if t.editor_definition:
            out.append(f"{md(t.definition)}\n\n*Definition by the editors.*\n\n")
        elif t.definition_source is not None:
            out.append(f"> {md(t.definition)}\n>\n> — {cite(story, t.definition_source, GLOSSARY)}\n\n")
        articles = sorted({c.article for c in t.sources})
        if articles:
            links = ", ".join(f"[{md(article_by_id(story, a).source)}]"
                              f"({rel(GLOSSARY, source_page(a))})" for a in articles)
            out.append(f"Used in {plural(len(t.sources), 'sentence')} of: {links}\n\n")
        pages_using = sorted(uses.get(t.id, ()), key=lambda p: (p != HOME, titles.get(p, p), p))
        if pages_using:
            out.append("On this site: " + ", ".join(
                f"[{md(titles.get(p, p))}]({rel(GLOSSARY, p)})" for p in pages_using) + "\n\n")
    return "".join(out)


def sources(story: Story) -> str:
    """The articles the explainer is built from, oldest first."""
    out = [front_matter(f"Sources: {story.title}", "The articles this explainer is built from."),
           "# Sources\n\n", "Every fact on this site links to the sentence it came from.\n\n"]
    for a in story.articles:
        out.append(f"- [{md(a.title)}]({rel(SOURCES, source_page(a.id))}): "
                   f"{md(a.source)}, {short_date(a.published)}\n")
    return "".join(out)


def source(story: Story, article_id: str, cited: Iterable[Citation], terms: TermLinks) -> str:
    """One article: its details and every sentence the site cites from it, in order."""
    a = article_by_id(story, article_id)
    page = source_page(a.id)
    link = terms.linker(page)
    out = [front_matter(a.title, f"{a.source}, {short_date(a.published)}: {a.title}"),
           f"# {md(a.title)}\n\n"]
    facts = [f"**Outlet:** {md(a.source)}", f"**Published:** {short_date(a.published)}"]
    if a.author:
        facts.append(f"**Author:** {md(a.author)}")
    if a.url:
        facts.append(f"**Original:** <{md(a.url)}>" if a.url.startswith(("http://", "https://"))
                     else f"**Original:** {md(a.url)}")
    if a.licence:
        facts.append(f"**Licence:** {md(a.licence)}")
    out.append("<br>\n".join(facts) + "\n\n")
    if a.title_derived:
        out.append("*The headline is not known; this title is taken from the article's lede.*\n\n")
    out.append("## Sentences cited on this site\n\n")
    seen = set()
    for c in sorted(cited, key=lambda c: (c.paragraph, c.sentence)):
        if c.article != a.id or (c.paragraph, c.sentence) in seen:
            continue
        seen.add((c.paragraph, c.sentence))
        out.append(f"¶{c.paragraph + 1}.{c.sentence + 1}: {link(c.text)}\n{{: #{sentence_anchor(c)} }}\n\n")
    out.append(f"[All sources]({rel(page, SOURCES)})\n")
    return "".join(out)


def api(story: Story) -> str:
    """How to get the story as data."""
    return (
        front_matter(f"Data: {story.title}", "The story as machine-readable JSON.")
        + "# The story as data\n\n"
        + f"Everything on this site is also published as JSON: [`story.json`]({rel(API, STORY_JSON)}),"
        " described by a JSON Schema: "
        f"[`story.schema.json`]({rel(API, SCHEMA_JSON)}).\n\n"
        "| Field | What it holds |\n|---|---|\n"
        "| `schema_version` | The version of this format (1). |\n"
        "| `story` | `title`, `slug`, `description`. |\n"
        "| `generator` | `version`, `model` (the spaCy pipeline used). |\n"
        "| `articles[]` | `id`, `title`, `source`, `published`, `url`. |\n"
        "| `actors[]` | `id`, `name`, `kind` (person, organisation, place), `aliases`, "
        "`roles[]` with `source`, `quotes[]` {`text`, `article`, `sentence`}, `mentions`, "
        "`articles`, `url`. |\n"
        "| `events[]` | `id`, `date` (ISO 8601 at the text's precision: day, week, month or year; "
        "null if undated), `date_text`, `expected`, `text`, `actors`, `sources[]` "
        "{`article`, `sentence`}, `url`. |\n"
        "| `glossary[]` | `id`, `term`, `variants`, `definition`, `sources[]`, `url`. |\n\n"
        "Every `url` is relative to the site's root. A `sentence` is the text of the sentence "
        "the fact came from; `paragraph` and `index` locate it in the article (counted from 0).\n"
    )


def linking(story: Story, site_url: str) -> str:
    """How other articles link to and embed this explainer's entries."""
    base = site_url.rstrip("/") + "/"
    out = [front_matter(f"Link and embed: {story.title}",
                        "How to link to a person, a term or an event of this explainer, "
                        "and how to embed a card."),
           "# Link and embed\n\n",
           "Every person, organisation, place, term and event has a permanent address: it "
           "never changes, and an entry that is renamed or merged keeps its old address as a "
           "redirect.\n\n",
           "| Entry | Address |\n|---|---|\n",
           f"| A person, organisation or place | `{attr(base)}actors/<id>/` |\n",
           f"| A glossary term | `{attr(base)}glossary/#<id>` |\n",
           f"| An event | `{attr(base)}timeline/#<id>` |\n",
           f"| Everything, as data | `{attr(base)}api/story.json` |\n\n",
           f"The ids are listed in [`story.json`]({rel(LINKING, STORY_JSON)}) (each entry's `url`).\n\n"]
    person = next((a for a in story.actors if a.kind == "person"), None)
    if person is not None:
        role = person.roles[0].text if person.roles else ""
        out.append("## Embed a card\n\nPaste this HTML where the card should appear; it needs no "
                   "script or style sheet:\n\n")
        out.append(_code(_card(f"{base}actors/{person.id}/", person.name, role, story.title)))
    if story.terms:
        term = story.terms[0]
        out.append("\nA glossary term works the same way:\n\n")
        out.append(_code(_card(f"{base}glossary/#{term.id}", term.term, term.definition[:160],
                               story.title)))
    return "".join(out)


def _card(url: str, name: str, detail: str, story_title: str) -> str:
    lines = [f'<a href="{attr(url)}" style="display:block;max-width:28em;padding:.75em 1em;'
             'border:1px solid #ccc;border-radius:6px;color:inherit;text-decoration:none">',
             f"  <strong>{html.escape(name, quote=False)}</strong><br>"]
    if detail:
        lines.append(f"  <span>{html.escape(detail, quote=False)}</span><br>")
    lines += [f"  <small>From the explainer: {html.escape(story_title, quote=False)}</small>", "</a>"]
    return "\n".join(lines)


def _code(snippet: str) -> str:
    """A code block shown as text: the snippet is escaped, never run as markup."""
    return f"<pre><code>{html.escape(snippet)}</code></pre>\n"
