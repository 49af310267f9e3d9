"""Render stage: the Story as Markdown pages and JSON, as a mapping of path → text."""

from __future__ import annotations

from importlib import resources

from ..models import Citation, Story
from . import common, connections, data, home, outlets, pages, profiles, timeline, updates
from .terms import TermLinks

DEFAULT_SITE_URL = "https://example.org/explainer/"


def render(story: Story, *, site_url: str = DEFAULT_SITE_URL) -> dict[str, str]:
    """Every generated file, keyed by its path relative to the docs folder.

    The glossary is rendered last: it lists the pages where each term was linked.
    ``site_url`` only shapes the addresses shown on the linking page.
    """
    terms = TermLinks(story)
    files = {
        common.HOME: home.home(story, terms),
        common.TIMELINE: timeline.timeline(story, terms),
        common.ACTORS: profiles.index(story),
        common.SOURCES: outlets.sources_page(story),
        common.API: pages.api(story),
        common.LINKING: pages.linking(story, site_url),
        common.UPDATES: updates.updates_page(story),
        common.FEED: updates.atom_feed(story, site_url),
        common.STORY_JSON: data.story_json(story),
        common.SCHEMA_JSON: schema_text(),
    }
    titles = {common.HOME: "Home", common.TIMELINE: "Timeline", common.UPDATES: "Updates"}
    for page, text in timeline.period_pages(story, terms).items():
        files[page] = text
        titles[page] = f"Timeline: {page.removeprefix('timeline/').removesuffix('.md')}"
    company = connections.company_index(story)  # shared by the profiles and the connections page
    files[common.CONNECTIONS] = connections.connections_page(story, company)
    for actor in story.actors:
        files[common.actor_page(actor.id)] = profiles.profile(story, actor, terms, company)
        titles[common.actor_page(actor.id)] = actor.name
    for old, new in story.redirects:
        # Published ids never break: a renamed, merged or hidden actor's old page redirects.
        files[f"actors/{old}/index.html"] = pages.redirect(f"../{new}/" if new else "../")
    cited: dict[str, list[Citation]] = {a.id: [] for a in story.articles}
    for c in _citations(story):
        cited[c.article].append(c)
    for article in story.articles:
        files[common.source_page(article.id)] = pages.source(story, article.id, cited[article.id], terms)
        titles[common.source_page(article.id)] = f"{article.source}: {article.title}"
    files[common.GLOSSARY] = pages.glossary(story, terms.uses, titles)
    return dict(sorted(files.items()))


def schema_text() -> str:
    """The JSON Schema of story.json, shipped with the package."""
    return resources.files("generator").joinpath("schema/story.schema.json").read_text("utf-8")


def _citations(story: Story) -> list[Citation]:
    found = [r.citation for a in story.actors for r in a.roles]
    found += [q.citation for a in story.actors for q in a.quotes]
    found += [c for e in story.events for c in e.sources]
    found += list(story.key_sentences) + [f.citation for f in story.figures]
    for t in story.terms:
        found += list(t.sources)
        if t.definition_source:
            found.append(t.definition_source)
    return found
