"""Build the site with the real mkdocs, strict: any warning fails the build."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from pipeline import build_log
from pipeline.errors import BuildError
from pipeline.files import refused_entries
from pipeline.messages import check as msg

# The build reads untrusted pages: it gets no credential (channel secrets, GITHUB_TOKEN, the
# Actions OIDC request token), whatever a page or a plugin might try to print into the site.
_CREDENTIAL = re.compile(
    r"TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|API_?KEY|ACCESS_?KEY|PRIVATE|AUTH|COOKIE|SESSION",
    re.IGNORECASE,
)


def build_environment(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The child environment of mkdocs: this one without credential-like variables."""
    source = os.environ if environ is None else environ
    return {name: value for name, value in source.items() if not _CREDENTIAL.search(name)}


def build_site(root: Path, site_dir: Path | None = None) -> Path:
    """Run `mkdocs build --strict` on a tree of plain files only; BuildError carries mkdocs' own
    output, or every symlink, device or FIFO that must not be published."""
    refused = refused_entries(root)
    if refused:
        detail = "\n".join(problem.format_text() for problem in refused)
        raise BuildError(msg.BUILD_REFUSED.format(detail=detail))
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
    env = build_environment()
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False, env=env)
    if done.returncode != 0:
        raise BuildError(build_log.summary(done.stderr + done.stdout))
    return site_dir
