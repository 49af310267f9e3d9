"""The GitHub Pages workflow: valid against GitHub's workflow schema (offline, the copy
shipped with check-jsonschema), triggered by the right paths, least-privilege, and running
the same commands the README gives."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
README = ROOT / "README.md"
TEST_COMMAND = 'pip install -e ".[test]" && python -m pytest'
BUILD_COMMAND = "pip install -e . && explainer build"


@pytest.fixture(scope="module")
def workflow() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    # YAML 1.1 reads the bare key `on` as the boolean True.
    triggers = workflow.get("on", workflow.get(True))
    assert isinstance(triggers, dict), "the workflow has no `on:` mapping"
    return triggers


def _run_steps(workflow: dict[Any, Any]) -> list[str]:
    return [step["run"] for job in workflow["jobs"].values()
            for step in job.get("steps", []) if "run" in step]


def _readme_commands() -> tuple[str, str]:
    """The README's test and build commands (the documented literals if there's no README,
    or it gives no such command line)."""
    if not README.is_file():
        return TEST_COMMAND, BUILD_COMMAND
    lines = []
    for block in re.findall(r"^```[^\n]*\n(.*?)^```", README.read_text(encoding="utf-8"),
                            flags=re.DOTALL | re.MULTILINE):
        lines += [re.sub(r"^\$\s+", "", line.strip()) for line in block.splitlines()]
    tests = [line for line in lines if "pip install" in line and "pytest" in line]
    builds = [line for line in lines if "pip install" in line and "explainer build" in line]
    return (tests[0] if tests else TEST_COMMAND), (builds[0] if builds else BUILD_COMMAND)


def test_workflow_matches_githubs_schema() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
         str(WORKFLOW)],
        capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_runs_on_seed_changes_and_on_demand(workflow: dict[Any, Any]) -> None:
    triggers = _triggers(workflow)
    push = triggers["push"]
    assert push["branches"] == ["main"]
    assert "seeds/**" in push["paths"]
    for path in ("generator/**", "mkdocs.yml", "overrides/**", "pyproject.toml",
                 ".github/workflows/pages.yml"):
        assert path in push["paths"], path
    assert "workflow_dispatch" in triggers


def test_only_the_deploy_job_can_write_pages(workflow: dict[Any, Any]) -> None:
    assert workflow["permissions"] == {"contents": "read"}
    writers = {name for name, job in workflow["jobs"].items()
               if job.get("permissions", {}).get("pages") == "write"}
    tokens = {name for name, job in workflow["jobs"].items()
              if job.get("permissions", {}).get("id-token") == "write"}
    assert writers == {"deploy"}
    assert tokens == {"deploy"}
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] in ("build", ["build"])
    assert deploy["environment"]["name"] == "github-pages"


def test_workflow_runs_the_readme_commands(workflow: dict[Any, Any]) -> None:
    runs = _run_steps(workflow)
    test_command, build_command = _readme_commands()
    assert any(test_command in run for run in runs), f"no step runs {test_command!r}"
    assert any(build_command in run for run in runs), f"no step runs {build_command!r}"


def test_site_url_comes_from_pages(workflow: dict[Any, Any]) -> None:
    steps = workflow["jobs"]["build"]["steps"]
    pages_ids = [s["id"] for s in steps if str(s.get("uses", "")).startswith(
        "actions/configure-pages@") and "id" in s]
    assert pages_ids, "configure-pages needs an id for its base_url output"
    build = next(s for s in steps if BUILD_COMMAND in s.get("run", ""))
    assert build["env"]["SITE_URL"] == f"${{{{ steps.{pages_ids[0]}.outputs.base_url }}}}/"
    upload = next(s for s in steps
                  if str(s.get("uses", "")).startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
