"""The layers of the house style hold (`make lint` runs the same contracts): a copy of the
package passes, and the same copy with one import from core into a domain app fails."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _lint_imports(tree: Path) -> subprocess.CompletedProcess:
    lint = Path(sys.executable).with_name("lint-imports")
    return subprocess.run(
        [str(lint), "--config", str(tree / "pyproject.toml")],
        cwd=tree,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def package_copy(tmp_path):
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(
        ROOT / "huisvanhetkind",
        tmp_path / "huisvanhetkind",
        ignore=shutil.ignore_patterns("locale", "static", "templates", "__pycache__", "*.toml"),
    )
    return tmp_path


def test_the_layers_hold_and_an_import_from_core_into_an_app_breaks_them(package_copy):
    kept = _lint_imports(package_copy)
    assert kept.returncode == 0, kept.stdout + kept.stderr
    (package_copy / "huisvanhetkind" / "core" / "probe.py").write_text(
        "from huisvanhetkind.activities import services  # noqa: F401\n"
    )
    broken = _lint_imports(package_copy)
    assert broken.returncode != 0
    assert "huisvanhetkind.core.probe -> huisvanhetkind.activities.services" in broken.stdout
