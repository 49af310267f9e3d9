"""Story Explainer: turn the articles about one news story into a cited explainer site."""

__version__ = "0.1.0"
