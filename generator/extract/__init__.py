"""Extraction stage: actors, quotes, roles, dates, timeline events and glossary terms."""
