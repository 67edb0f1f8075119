"""The publication: one model, built once from front matter and passed along the pipeline."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictStr,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

from pipeline.core.timeutil import WIB, aware

Text = Annotated[StrictStr, StringConstraints(strip_whitespace=True, min_length=1)]
STATUS_ALIASES = {"draf": "draft", "siap": "ready", "ditunda": "postponed"}
"""`status` may be written in Indonesian, as staff say it; the model keeps the English value."""


def canonical_status(value: object) -> object:
    """The status as the pipeline knows it: `Siap` and `siap` are `ready`; anything else as is
    (for the schema to refuse with the list of choices)."""
    if not isinstance(value, str):
        return value
    folded = value.strip(" \t").casefold()  # not str.strip(): a pasted NBSP is refused, not lost
    if folded in STATUS_ALIASES:
        return STATUS_ALIASES[folded]
    return folded if folded in STATUS_ALIASES.values() else value


Status = Annotated[Literal["draft", "ready", "postponed"], BeforeValidator(canonical_status)]
DipCategory = Literal["berkala", "serta_merta", "setiap_saat"]
InfoForm = Literal["softcopy", "hardcopy"]
MAX_TITLE = 2_000
CHANNEL_NAMES = ("x", "facebook", "instagram", "telegram", "mastodon", "outbox")


def _tz_of(info: ValidationInfo) -> ZoneInfo:
    """The office timezone from the validation context (kpu.yml `timezone`), else WIB."""
    tz = (info.context or {}).get("tz") if isinstance(info.context, dict) else None
    return tz if isinstance(tz, ZoneInfo) else WIB


def _aware_datetime(value: object, info: ValidationInfo) -> object:
    if isinstance(value, (dt.datetime, dt.date)):
        return aware(value, _tz_of(info))
    return value


def _aware_parsed(value: dt.datetime, info: ValidationInfo) -> dt.datetime:
    # A string such as "2026-10-05 09:00" (no seconds, so not a YAML timestamp) parses naive.
    return aware(value, _tz_of(info))


AwareDatetime = Annotated[
    dt.datetime, BeforeValidator(_aware_datetime), AfterValidator(_aware_parsed)
]


def _number_text(value: object) -> object:
    """`number: 12` in YAML is an int; the number of a decision is text."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


class _Strict(BaseModel):
    # defer_build: a model's validator is built when it is first used, so the models nested in
    # FrontMatter or KpuConfig are built once, inside the schema of the model that holds them
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Request(_Strict):
    """SOP step 1: the Nota Dinas (official memo) that asked for this publication."""

    number: Text = Field(description="Memo number, e.g. 001/ND/HK.03/Kab/X/2026.")
    date: dt.date = Field(description="Memo date.")
    unit: Text = Field(description="Proposing unit (Subbagian/Divisi Pengusul).")


class Social(_Strict):
    """Post text: `text` is the default for every channel; a channel key overrides it."""

    text: Text | None = Field(None, description="Default social post text (URL is appended).")
    x: Text | None = None
    facebook: Text | None = None
    instagram: Text | None = None
    telegram: Text | None = None
    mastodon: Text | None = None
    outbox: Text | None = None

    def for_channel(self, channel: str) -> str | None:
        return getattr(self, channel, None) or self.text


class Approver(_Strict):
    login: Text
    role: Text
    commit: Text | None = Field(None, description="The commit this approval reviewed.")


class Provenance(_Strict):
    """Stamped by `kpu promote`: where the approval came from."""

    pr: int = Field(description="Pull request number.")
    url: Text = Field(description="Pull request URL.")
    approvers: list[Approver] = Field(default_factory=list)
    memo: Text | None = Field(None, description="Nota Dinas number, copied from request.number.")
    commit: Text | None = Field(None, description="Commit that last touched the draft.")
    merge: Text | None = Field(None, description="The merge (or squash/rebase) commit on main.")
    source: Text | None = Field(None, description="The draft's path in the pull request.")
    content_sha256: Text | None = Field(
        None, description="SHA-256 of what was approved (pipeline.review.verify.content_hash)."
    )
    promoted_at: AwareDatetime | None = None
    issue: int | None = Field(
        None, description="The intake issue (Nota Dinas form) the pull request closes."
    )
    sop: dict[str, AwareDatetime] | None = Field(
        None,
        description="SOP event -> when GitHub recorded it, as read at promotion (issue_opened, "
        "pr_opened, first_review, review_sekretaris, review_subbag_hukum, approved, merged); "
        "kpu report reads them without a token.",
    )


class Withdrawn(_Strict):
    """Stamped by `kpu retract`: the page stays, with a notice, and its social posts are deleted."""

    date: AwareDatetime = Field(description="When the publication was withdrawn.")
    reason: Text = Field(description="Why, shown to readers in the notice.")


class Dip(_Strict):
    """Daftar Informasi Publik columns (Perki 1/2021); a missing one comes from kpu.yml `dip`."""

    summary: Text | None = Field(None, description="Ringkasan isi informasi; default: description.")
    holder: Text | None = Field(None, description="Pejabat/unit yang menguasai informasi.")
    responsible: Text | None = Field(
        None, description="Penanggung jawab pembuatan atau penerbitan informasi."
    )
    place: Text | None = Field(
        None, description="Tempat pembuatan informasi; the time is the publication date."
    )
    formats: list[InfoForm] | None = Field(
        None, description="Bentuk informasi yang tersedia: softcopy, hardcopy."
    )
    retention: Text | None = Field(None, description="Jangka waktu penyimpanan atau retensi arsip.")
    category: DipCategory | None = Field(
        None,
        description="Kategori: berkala, serta_merta (serta merta) or setiap_saat (setiap saat).",
    )


class LegalDocument(_Strict):
    """The office's own legal product (a Keputusan KPU Kabupaten) this publication issues: once
    promoted it is also a registry document, with the office (kpu.yml office.name) as T.E.U."""

    number: Annotated[StrictStr, BeforeValidator(_number_text)] = Field(
        description='Nomor keputusan, e.g. "12" (cited as "... Nomor 12 Tahun 2026").'
    )
    year: int = Field(ge=1945, le=2099, description="Tahun.")
    title: Text = Field(description='Judul: the text after "tentang".')
    enacted_place: Text = Field(description="Tempat penetapan, e.g. Muntok.")
    enacted_on: dt.date = Field(description="Tanggal penetapan.")
    subjects: list[Text] = Field(default_factory=list, description="Subjek.")
    legal_field: Text = Field("Hukum Tata Negara", description="Bidang hukum.")
    abstract: Text | None = Field(None, description="Abstrak; default: the description.")
    pdf: Text = Field(description="The signed decision as PDF under content/, from the root.")
    sha256: StrictStr = Field(description="SHA-256 of the PDF (kpu check says the value to write).")
    amends: list[Text] = Field(default_factory=list, description="Registry keys it amends.")
    revokes: list[Text] = Field(default_factory=list, description="Registry keys it revokes.")
    implements: list[Text] = Field(default_factory=list, description="Keys it implements.")

    @field_validator("number")
    @classmethod
    def _plain_number(cls, value: str) -> str:
        if not re.fullmatch(r"[1-9][0-9]*", value):
            raise ValueError(
                f'harus angka nomor keputusan saja, misalnya 12 (dikutip "Nomor 12 Tahun 2026"); '
                f'tertulis: "{value}".'
            )
        return value

    @field_validator("sha256")
    @classmethod
    def _hex_digest(cls, value: str) -> str:
        if not re.fullmatch(r"[0-9a-fA-F]{64}", value):
            raise ValueError(
                f'harus 64 huruf/angka heksadesimal (kpu check menyebut nilainya); tertulis: "{value}".'
            )
        return value


class FrontMatter(_Strict):
    """The YAML front matter of a draft or a published post (Material keys + SOP keys)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: Annotated[Text, StringConstraints(max_length=MAX_TITLE)] = Field(
        description="Page and post title, on one line."
    )
    description: Annotated[Text, StringConstraints(max_length=300)] = Field(
        description="One- or two-sentence summary; also the page meta description."
    )
    date: AwareDatetime | None = Field(None, description="Publication time; stamped on promotion.")
    categories: list[Text] = Field(default_factory=list, description="Blog categories.")
    tags: list[Text] = Field(default_factory=list, description="Tags.")
    authors: list[Text] = Field(default_factory=list, description="Keys of .authors.yml.")
    slug: Annotated[StrictStr, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")] | None = (
        Field(None, description="URL slug; default: the file name without its date prefix.")
    )
    request: Request = Field(description="SOP step 1: the Nota Dinas.")
    election_stage: Text = Field(description="SOP step 3: key of data/election_stages.yml.")
    legal_basis: list[Text] = Field(min_length=1, description="SOP step 4: regulation citations.")
    image: Text | None = Field(None, description="Image path from the repository root.")
    image_alt: Text | None = Field(None, description="Alt text; required with image.")
    social: Social = Field(default_factory=Social, description="Social post text.")
    channels: list[Literal[CHANNEL_NAMES]] | None = Field(  # type: ignore[valid-type]
        None, description="Channels to post to; default: kpu.yml channels.enabled."
    )
    publish_at: AwareDatetime | None = Field(None, description="Do not publish before this time.")
    status: Status = Field(
        "draft",
        description="draft | ready | postponed (SOP step 3 ditunda); also draf, siap, ditunda.",
    )
    provenance: Provenance | None = Field(None, description="Stamped by kpu promote.")
    corrects: Text | None = Field(
        None,
        description="A correction: the published post (content/posts/...) this draft replaces, "
        "through a reviewed pull request; its date and address stay.",
    )
    dip: Dip = Field(default_factory=Dip, description="Daftar Informasi Publik columns.")
    withdrawn: Withdrawn | None = Field(None, description="Stamped by kpu retract.")
    document: LegalDocument | None = Field(
        None, description="The office's own Keputusan this publication issues (metadata + PDF)."
    )
    # Material for MkDocs page keys that staff may legitimately use.
    pin: bool | None = None
    readtime: int | None = None
    hide: list[Text] | None = None


_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}-")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def slug_for(path: Path, front: FrontMatter | None = None) -> str:
    """The URL slug: front matter `slug`, else the file name without `yyyy-mm-dd-`."""
    if front is not None and front.slug:
        return front.slug
    return _DATE_PREFIX.sub("", path.stem)


def valid_slug(slug: str) -> bool:
    return bool(_SLUG.match(slug))


def channels_of(publication: Publication, enabled: Sequence[str]) -> list[str]:
    """The channels a publication goes to: its own `channels`, else kpu.yml `channels.enabled`."""
    return list(dict.fromkeys(publication.front.channels or enabled))


@dataclass(frozen=True)
class Publication:
    """A validated publication: its file, its front matter and its Markdown body."""

    path: Path  # relative to the repository root
    front: FrontMatter
    body: str
    body_line: int

    @functools.cached_property  # asked for several times per draft by kpu check
    def slug(self) -> str:
        return slug_for(self.path, self.front)

    @property
    def is_draft(self) -> bool:
        return self.path.parts[:1] == ("drafts",)
