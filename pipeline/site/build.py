"""Build the site: stage the docs tree with everything generated (pipeline/site/staging.py), then
run the engine on it, MkDocs + Material (strict: any warning fails the build) or Zensical."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from pipeline.core.config import load_config
from pipeline.core.console import Progress
from pipeline.core.errors import BuildError
from pipeline.core.files import refused_entries
from pipeline.messages import check as msg
from pipeline.site import build_log

# The build reads untrusted pages: it gets no credential (channel secrets, GITHUB_TOKEN, the
# Actions OIDC request token), whatever a page or a plugin might try to print into the site.
_CREDENTIAL = re.compile(
    r"TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|API_?KEY|ACCESS_?KEY|PRIVATE|AUTH|COOKIE|SESSION",
    re.IGNORECASE,
)
STAGING = Path("build") / "staging"
# Zensical prints coloured diagnostics; the staff read them in the build log


def build_environment(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The child environment of mkdocs: this one without credential-like variables."""
    source = os.environ if environ is None else environ
    return {name: value for name, value in source.items() if not _CREDENTIAL.search(name)}


def build_site(
    root: Path,
    site_dir: Path | None = None,
    engine: str | None = None,
    staging: Path | None = None,
    progress: Progress | None = None,
    cache: Path | None = None,
) -> Path:
    """Stage a tree of plain files only and build it with `engine` (default: kpu.yml `engine`);
    BuildError carries the engine's own output, or every symlink, device or FIFO that must not be
    published. `progress` (kpu build) counts the staged pages and announces the engine run; `cache`
    is the folder of the build cache (MkDocs only; None: every page rendered anew)."""
    refused = refused_entries(root)
    if refused:
        detail = "\n".join(problem.format_text() for problem in refused)
        raise BuildError(msg.BUILD_REFUSED.format(detail=detail))
    from pipeline.site.staging import stage  # MkDocs loads only for the build

    site_dir = (site_dir or root / "site").absolute()
    engine = engine or configured_engine(root)
    staging = (staging or root / STAGING).absolute()
    # Zensical writes only inside the folder of its configuration: its output moves afterwards
    built = staging / "site" if engine == "zensical" else site_dir
    config_file = stage(root, staging, built, engine, progress, cache)
    if engine == "zensical":
        command = [_zensical(), "build", "--strict", "-f", str(config_file)]
    else:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"]
        command += ["-f", str(config_file), "-d", str(site_dir)]
    if progress is not None:
        progress.note(msg.BUILD_ENGINE_RUNNING.format(engine=engine))
    env = build_environment()
    done = subprocess.run(
        command, cwd=staging, capture_output=True, text=True, check=False, env=env
    )
    if done.returncode != 0:
        raise BuildError(build_log.summary(done.stderr + done.stdout))
    if engine == "zensical":
        from pipeline.site.zensical_feeds import drop_withdrawn, unescape_feeds

        unescape_feeds(built)
        drop_withdrawn(built, withdrawn_urls(root))
    if built != site_dir:
        if site_dir.exists():  # as `mkdocs build --clean`: nothing of an older build stays
            shutil.rmtree(site_dir)
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(built, site_dir)
    return site_dir


def withdrawn_urls(root: Path) -> list[str]:
    """The page URLs of the withdrawn publications (they stay on the site, out of the feeds)."""
    from pipeline.check.validate import load_context, validate
    from pipeline.publish.posts import publication_url
    from pipeline.review.verify import POSTS_DIR

    ctx = load_context(root)
    publications = validate(ctx, [root / POSTS_DIR]).publications
    return [publication_url(ctx, p) for p in publications if p.front.withdrawn is not None]


def configured_engine(root: Path) -> str:
    """kpu.yml `engine` (ConfigError when kpu.yml is invalid)."""
    return load_config(root).engine


def _zensical() -> str:
    """The zensical command of this environment (the optional extra `kpu-pipeline[zensical]`)."""
    beside = Path(sys.executable).with_name("zensical")
    found = str(beside) if beside.is_file() else shutil.which("zensical")
    if found is None:
        raise BuildError(msg.ZENSICAL_MISSING)
    return found
