"""The web editor for drafts (Decap CMS at /admin/): its config, generated, never hand-written.

`config.yml` is derived from the front-matter schema (pipeline/core/model.py) and the data files, so
the form can only offer what `kpu check` accepts: stages, categories, channels, authors and the
regulation registry come from the same files the checker reads. A test regenerates it and fails
on any drift; every schema field is either in the form or in EXCLUDED with the reason.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from pipeline.check.stages import load_stages
from pipeline.check.validate import REGISTRY_FILE
from pipeline.core.config import KpuConfig, load_config
from pipeline.core.identity import fill, identity
from pipeline.core.model import CHANNEL_NAMES, FrontMatter
from pipeline.core.read import load_yaml, read_text
from pipeline.legal.regulations import load_registry
from pipeline.messages import cms as msg
from pipeline.messages.records import CHANNEL_LABELS
from pipeline.publish.channels.registry import REGISTRY
from pipeline.site.blogrules import load_blog_rules

CONFIG_FILE = "cms/config.yml"
AUTHORS_FILE = "content/publikasi/.authors.yml"
DECAP_DIST = "cms/node_modules/decap-cms/dist"
ADMIN_SOURCE = Path(__file__).parent.parent / "site" / "admin"
IMAGES_DIR = "content/assets/images"
HEADER = (
    "# Dibuat oleh `kpu cms config` dari pipeline/core/model.py, kpu.yml, mkdocs.yml dan data/*.yml.\n"
    "# Jangan diedit langsung: ubah sumbernya, lalu jalankan lagi `kpu cms config`.\n"
)
# Schema fields the form leaves out, and why (the drift test requires a reason for each).
EXCLUDED = {
    "date": "stamped by kpu promote on publication",
    "slug": "the file name (from the title) gives the slug",
    "provenance": "stamped by kpu promote",
    "withdrawn": "stamped by kpu retract",
    "readtime": "Material computes the reading time",
    "hide": "page layout key, set by developers on pages, not by designers on posts",
    "document": "the office's own decisions (PDF + JDIH metadata) are prepared by Subbag Hukum",
    "corrects": "a correction starts from the published post it replaces, not from a new draft",
}
# Optional in the schema, yet `kpu check` requires them of a draft.
REQUIRED_IN_FORM = {"social", "social.text"}
SITE_PATH_GUESS = 45  # "posts/<yyyy>/<slug>/" for the length estimate of a non-shortened link


def _field(model: type[BaseModel], path: str, widget: str, **extra: Any) -> dict[str, Any]:
    name = path.rsplit(".", 1)[-1]
    label, hint = msg.FIELDS[path]
    required = model.model_fields[name].is_required() or path in REQUIRED_IN_FORM
    return {
        "label": label,
        "name": name,
        "widget": widget,
        "required": required,
        "hint": hint,
    } | extra


def _options(choices: dict[str, str]) -> list[dict[str, str]]:
    return [{"label": label, "value": value} for value, label in choices.items()]


def _authors(root: Path) -> dict[str, str]:
    path = root / AUTHORS_FILE
    if not path.is_file():
        return {}
    doc = load_yaml(read_text(path, AUTHORS_FILE), AUTHORS_FILE)
    authors = (doc.data or {}).get("authors") or {}
    return {str(key): str((value or {}).get("name") or key) for key, value in authors.items()}


def citation_choices(root: Path) -> list[str]:
    """The registry's regulations in force, written in full as a draft cites them."""
    choices = []
    for regulation in load_registry(root / REGISTRY_FILE):
        if regulation.status == "dicabut":
            continue
        title = f" tentang {regulation.title}" if regulation.title else ""
        choices.append(f"{regulation.canonical}{title}")
    return choices


def _social(config: KpuConfig) -> dict[str, Any]:
    from pipeline.core.model import Social

    hashtags = sum(len(tag) + 1 for tag in config.channels.hashtags)
    site = len(str(config.site_url)) + SITE_PATH_GUESS

    def counter(channels: list[str]) -> dict[str, Any]:
        limits = [REGISTRY[name].limits for name in channels]
        tightest = min(limits, key=lambda lim: lim.text - (lim.urls_as or site))
        return {
            "limit": tightest.text,
            "reserved": 1 + (tightest.urls_as or site) + hashtags,
            "limit_label": "/".join(CHANNEL_LABELS[n] for n in channels),
        }

    enabled = [c for c in config.channels.enabled if c != "outbox"] or ["x"]
    fields = [_field(Social, "social.text", "kpu-social", **counter(enabled))]
    for name in CHANNEL_NAMES:
        extra = counter([name]) if name != "outbox" else {}
        fields.append(_field(Social, f"social.{name}", "kpu-social" if extra else "text", **extra))
    return _field(FrontMatter, "social", "object", collapsed=False, fields=fields)


def _dip() -> dict[str, Any]:
    from pipeline.core.model import Dip

    fields = [
        _field(Dip, f"dip.{name}", "string")
        for name in ("summary", "holder", "responsible", "place")
    ]
    fields.append(
        _field(Dip, "dip.formats", "select", multiple=True, options=_options(msg.DIP_FORMATS))
    )
    fields.append(_field(Dip, "dip.retention", "string"))
    fields.append(_field(Dip, "dip.category", "select", options=_options(msg.DIP_CATEGORIES)))
    return _field(FrontMatter, "dip", "object", collapsed=True, fields=fields)


def form_fields(root: Path, config: KpuConfig) -> list[dict[str, Any]]:
    """The draft form, in the order of `kpu new`'s template."""
    from pipeline.core.model import Request

    blog = load_blog_rules(root)
    authors = {
        k: fill(v, identity(config).values(), markdown=False) for k, v in _authors(root).items()
    }
    stages = {key: stage.name for key, stage in load_stages(root).items()}
    # The site's date style (Babel `id`: 5 Oktober 2026) under the browser's own picker; the
    # value stays ISO in the front matter. Decap's datetime widget shows the browser's native
    # input only (its date_format is a storage format), hence the office's widget kpu-date.
    date = {"format": "YYYY-MM-DD", "display": "D MMMM YYYY"}
    f = FrontMatter
    return [
        _field(f, "title", "string"),
        _field(f, "description", "text", pattern=["^[\\s\\S]{0,300}$", "Maksimum 300 karakter."]),
        _field(
            f,
            "categories",
            "select",
            multiple=True,
            options=list(blog.categories_allowed or ()),
            default=list(blog.categories_allowed or ())[:1],
        ),
        _field(f, "tags", "list"),
        _field(
            f,
            "authors",
            "select",
            multiple=True,
            options=_options(authors),
            default=list(authors)[:1],
        ),
        _field(
            f,
            "request",
            "object",
            collapsed=False,
            fields=[
                _field(Request, "request.number", "string"),
                _field(Request, "request.date", "kpu-date", **date),
                _field(Request, "request.unit", "string"),
            ],
        ),
        _field(f, "election_stage", "select", options=_options(stages)),
        _field(
            f,
            "legal_basis",
            "list",
            min=1,
            field={
                "label": "Peraturan",
                "name": "citation",
                "widget": "kpu-citation",
                "choices": citation_choices(root),
            },
        ),
        _field(
            f,
            "image",
            "image",
            choose_url=False,
            media_folder=f"/{IMAGES_DIR}",
            public_folder=IMAGES_DIR,
        ),
        _field(f, "image_alt", "kpu-alt"),
        _social(config),
        _field(
            f,
            "channels",
            "select",
            multiple=True,
            options=_options({n: CHANNEL_LABELS[n] for n in CHANNEL_NAMES}),
        ),
        _field(
            f,
            "publish_at",
            "kpu-date",
            format="YYYY-MM-DD HH:mm",
            display="D MMMM YYYY, HH.mm [WIB]",
        ),
        _field(f, "status", "select", options=_options(msg.STATUS_OPTIONS), default="draft"),
        _dip(),
        _field(f, "pin", "boolean", default=False),
        {
            "label": msg.BODY_LABEL,
            "name": "body",
            "widget": "markdown",
            "hint": msg.BODY_HINT,
            "required": True,
        },
    ]


def generate(root: Path) -> dict[str, Any]:
    """The whole Decap config as data."""
    config = load_config(root)
    backend: dict[str, Any] = {
        "name": "github",
        "repo": config.repository or "OWNER/REPO",
        "branch": "main",
        "base_url": config.cms.base_url,
        "squash_merges": True,
        "commit_messages": {
            "create": "Draf baru: {{slug}}",
            "update": "Perbarui draf: {{slug}}",
            "delete": "Hapus draf: {{slug}}",
            "uploadMedia": "Unggah gambar: {{path}}",
            "deleteMedia": "Hapus gambar: {{path}}",
        },
    }
    if config.cms.site_domain:
        backend["site_domain"] = config.cms.site_domain
    return {
        "backend": backend,
        "local_backend": True,
        "publish_mode": "editorial_workflow",
        "locale": "id",
        "site_url": str(config.site_url),
        "display_url": str(config.site_url),
        "logo_url": "../assets/images/favicon.svg",
        "media_folder": IMAGES_DIR,
        "public_folder": "/assets/images",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [
            {
                "name": "drafts",
                "label": msg.COLLECTION_LABEL,
                "label_singular": msg.COLLECTION_SINGULAR,
                "description": msg.COLLECTION_DESCRIPTION,
                "folder": "drafts",
                "create": True,
                "extension": "md",
                "format": "frontmatter",
                "slug": "{{year}}-{{month}}-{{day}}-{{slug}}",
                "summary": "{{title}}",
                "fields": form_fields(root, config),
            }
        ],
    }


def render(root: Path) -> str:
    body = yaml.safe_dump(generate(root), allow_unicode=True, sort_keys=False, width=100)
    return HEADER + body


def write_config(root: Path) -> bool:
    """Write cms/config.yml; False when it was already up to date."""
    path = root / CONFIG_FILE
    text = render(root)
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def _bundle_file(name: str) -> bool:
    """decap-cms.js, its chunks and wasm, and its licence (cms.js is the same bundle renamed)."""
    return (
        name in {"decap-cms.js", "decap-cms.js.LICENSE.txt"}
        or name.endswith(".decap-cms.js")
        or name.endswith(".wasm")
    )


def install_admin(root: Path, site_dir: Path) -> Path | None:
    """Copy the editor into <site>/admin/; None when Decap CMS is not installed (npm ci)."""
    dist = root / DECAP_DIST
    if not (dist / "decap-cms.js").is_file():
        return None
    admin = site_dir / "admin"
    admin.mkdir(parents=True, exist_ok=True)
    for source in sorted(dist.iterdir()):
        # The bundle and the chunks it loads on demand; no source maps. Copied, never linked.
        if source.is_file() and not source.is_symlink() and _bundle_file(source.name):
            shutil.copyfile(source, admin / source.name)
    for source in sorted(ADMIN_SOURCE.iterdir()):
        if source.is_file():
            shutil.copyfile(source, admin / source.name)
    (admin / "config.yml").write_text(render(root), encoding="utf-8")
    return admin
