"""kpu.yml: everything office-specific, declared as a schema and validated in one place."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    StrictStr,
    StringConstraints,
    field_validator,
    model_validator,
)

from pipeline.core.errors import ConfigError
from pipeline.core.identity import TYPE_TITLE, OfficeType, role_labels, split_name
from pipeline.core.model import CHANNEL_NAMES, DipCategory, InfoForm
from pipeline.core.read import ReadFailed, load_yaml, read_text
from pipeline.core.schema import validate_model

CONFIG_FILE = "kpu.yml"
Text = Annotated[StrictStr, StringConstraints(strip_whitespace=True, min_length=1)]
Role = Literal["subbag_hukum", "sekretaris", "divisi_pengusul", "ketua", "tim_desain"]
Channel = Literal[CHANNEL_NAMES]  # type: ignore[valid-type]

ROLE_LABELS: dict[str, str] = role_labels("kabupaten")
"""The role keys and their titles at a kabupaten office; `KpuConfig.role_labels` has the
office's own (its type decides "Ketua KPU Kota")."""


class _Strict(BaseModel):
    # defer_build: a model's validator is built when it is first used, so the models nested in
    # FrontMatter or KpuConfig are built once, inside the schema of the model that holds them
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Office(_Strict):
    """The office identity shown in the site header and footer and on social cards."""

    name: Text = Field(description="Full name, e.g. KPU Kabupaten Bangka Barat.")
    short_name: Text = Field(description="Short name for cards and post signatures.")
    type: OfficeType | None = Field(
        None,
        description="kabupaten, kota or provinsi (decides the role titles); read from the name "
        "when left out (kabupaten when the name does not say).",
    )
    province: Text | None = Field(
        None, description="The province of a kabupaten/kota office (the office above it)."
    )
    seat: Text | None = Field(None, description="The town the office sits in, e.g. Muntok.")
    address: Text = Field(description="Postal address.")
    phone: Text | None = Field(None, description="Public phone number (PPID contact).")
    email: Text | None = Field(None, description="Public e-mail address (PPID contact).")

    @model_validator(mode="after")
    def _type_matches_name(self) -> Office:
        named = split_name(self.name)[0]
        if self.type is not None and named is not None and named != self.type:
            raise ValueError(
                f'office.type "{self.type}" tidak sesuai dengan nama "{self.name}" '
                f"(KPU {TYPE_TITLE[named]}); samakan keduanya"
            )
        return self

    @property
    def kind(self) -> OfficeType:
        return self.type or split_name(self.name)[0] or "kabupaten"


class Account(_Strict):
    """A public social media account of the office."""

    handle: Text = Field(description="Account name as shown, e.g. @kpubangkabarat.")
    url: HttpUrl = Field(description="Public profile URL.")


class Channels(_Strict):
    """Where publications are cross-posted. Channels without credentials fall back to outbox."""

    enabled: list[Channel] = Field(default_factory=lambda: ["outbox"])
    accounts: dict[Channel, Account] = Field(default_factory=dict)
    hashtags: list[Annotated[StrictStr, StringConstraints(pattern=r"^#\w+$")]] = Field(
        default_factory=list, description="Hashtags appended to every post."
    )
    x_monthly_cap: Annotated[int, Field(strict=True, ge=0)] | None = Field(
        None,
        description="At most this many X posts a calendar month (X charges per post); "
        "later ones wait for the next month. None: no cap.",
    )


class ApprovalRule(_Strict):
    """One required sign-off: at least one approval from any of the listed roles."""

    name: Text = Field(description="What the sign-off is, in Indonesian (shown to staff).")
    any_of: list[Role] = Field(min_length=1)


GOVERNANCE_NAME = "Persetujuan tata kelola"


def default_approvals() -> list[ApprovalRule]:
    """The SOP table: step 3 (need vs. election stage), step 4 (legal review), step 7 (content)."""
    return [
        ApprovalRule(name="Kesesuaian tahapan", any_of=["sekretaris"]),
        ApprovalRule(name="Telaah hukum", any_of=["subbag_hukum"]),
        ApprovalRule(name="Persetujuan konten", any_of=["divisi_pengusul", "ketua"]),
    ]


class DipDefaults(_Strict):
    """Daftar Informasi Publik columns for publications whose front matter `dip` leaves them out."""

    holder: Text | None = Field(None, description="Pejabat/unit yang menguasai informasi.")
    responsible: Text | None = Field(
        None, description="Penanggung jawab pembuatan atau penerbitan informasi."
    )
    place: Text | None = Field(None, description="Tempat pembuatan informasi, e.g. Muntok.")
    formats: list[InfoForm] = Field(
        default_factory=lambda: list[InfoForm](["softcopy"]),
        description="Bentuk informasi yang tersedia.",
    )
    retention: Text | None = Field(None, description="Jangka waktu penyimpanan atau retensi arsip.")
    category: DipCategory = Field("berkala", description="berkala, serta_merta or setiap_saat.")


class Jdihn(_Strict):
    """The JDIHN member feed (jdihn/document.json) the national portal harvests."""

    include: Literal["own", "all"] = Field(
        "own",
        description=(
            "own: only the office's own legal products (its Keputusan), which no other member "
            "feeds; all: every registry document with a date of enactment as well (regulations "
            "of central bodies are already fed by their own JDIH, so they would be duplicates)."
        ),
    )


class CmsAuth(_Strict):
    """Sign-in of the web editor (/admin/) on GitHub: the OAuth relay that hands it a token."""

    base_url: Text = Field(
        "https://api.netlify.com",
        description="OAuth relay for GitHub sign-in; Netlify's by default.",
    )
    site_domain: Text | None = Field(
        None, description="The site's name at the relay (Netlify: the site domain set up there)."
    )


class KpuConfig(_Strict):
    """The whole kpu.yml."""

    office: Office
    site_url: HttpUrl = Field(description="Public URL of the deployed site.")
    timezone: Text = Field("Asia/Jakarta", description="IANA timezone for dates (WIB).")
    repository: Annotated[StrictStr, StringConstraints(pattern=r"^[\w.-]+/[\w.-]+$")] | None = (
        Field(None, description="GitHub owner/name of this repository.")
    )
    channels: Channels = Field(default_factory=Channels)
    roles: dict[Role, list[Text]] = Field(
        default_factory=dict, description="SOP role -> GitHub usernames holding it."
    )
    approvals: list[ApprovalRule] = Field(
        default_factory=default_approvals,
        description="Sign-offs a pull request needs before its drafts are published (SOP 3, 4, 7).",
    )
    distinct_approvers: bool = Field(
        True, description="Each required sign-off by a different person (false: one may give two)."
    )
    governance: ApprovalRule = Field(
        default_factory=lambda: ApprovalRule(name=GOVERNANCE_NAME, any_of=["ketua"]),
        description="The extra sign-off a pull request changing the rules (roles, approvals, "
        "data/*.yml, workflows, CODEOWNERS) needs; judged by main's kpu.yml.",
    )
    dip: DipDefaults = Field(
        default_factory=DipDefaults, description="Daftar Informasi Publik defaults."
    )
    jdihn: Jdihn = Field(default_factory=Jdihn, description="JDIHN member feed.")
    cms: CmsAuth = Field(default_factory=CmsAuth, description="Web editor (/admin/) sign-in.")
    engine: Literal["mkdocs", "zensical"] = Field(
        "mkdocs",
        description="Site generator kpu build runs: mkdocs (MkDocs + Material) or zensical.",
    )

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(
                f'zona waktu "{value}" tidak dikenal; gunakan "Asia/Jakarta" (WIB)'
            ) from exc
        return value

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def base_url(self) -> str:
        return str(self.site_url).rstrip("/") + "/"

    @property
    def role_labels(self) -> dict[str, str]:
        return role_labels(self.office.kind)

    def roles_of(self, login: str) -> list[str]:
        wanted = login.lower()
        return [role for role, users in self.roles.items() if wanted in (u.lower() for u in users)]


def load_config(root: Path) -> KpuConfig:
    """Read and validate kpu.yml at the repository root; ConfigError lists every problem."""
    path = root / CONFIG_FILE
    try:
        doc = load_yaml(read_text(path, CONFIG_FILE), CONFIG_FILE)
    except ReadFailed as exc:
        raise ConfigError([exc.problem]) from exc
    config, problems = validate_model(KpuConfig, doc, CONFIG_FILE)
    if config is None:
        raise ConfigError(problems)
    return config
