"""Build the site with the real mkdocs, strict: any warning fails the build."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pipeline.errors import BuildError
from pipeline.messages import check as msg


def build_site(root: Path, site_dir: Path | None = None) -> Path:
    """Run `mkdocs build --strict`; BuildError carries mkdocs' own output."""
    site_dir = (site_dir or root / "site").absolute()
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--clean",
        "-f",
        str((root / "mkdocs.yml").absolute()),
        "-d",
        str(site_dir),
    ]
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        detail = "\n".join(
            line for line in (done.stderr + done.stdout).splitlines() if line.strip()
        )
        raise BuildError(msg.BUILD_FAILED.format(detail=detail))
    return site_dir
