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
)

from pipeline.errors import ConfigError
from pipeline.model import CHANNEL_NAMES, DipCategory, InfoForm
from pipeline.read import ReadFailed, load_yaml, read_text
from pipeline.schema import validate_model

CONFIG_FILE = "kpu.yml"
Text = Annotated[StrictStr, StringConstraints(strip_whitespace=True, min_length=1)]
Role = Literal["subbag_hukum", "sekretaris", "divisi_pengusul", "ketua", "tim_desain"]
Channel = Literal[CHANNEL_NAMES]  # type: ignore[valid-type]

ROLE_LABELS: dict[str, str] = {
    "subbag_hukum": "Subbag Hukum",
    "sekretaris": "Sekretaris KPU Kabupaten",
    "divisi_pengusul": "Divisi Pengusul",
    "ketua": "Ketua KPU Kabupaten",
    "tim_desain": "Tim Desain Konten",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Office(_Strict):
    """The office identity shown in the site header and footer and on social cards."""

    name: Text = Field(description="Full name, e.g. KPU Kabupaten Bangka Barat.")
    short_name: Text = Field(description="Short name for cards and post signatures.")
    address: Text = Field(description="Postal address.")
    phone: Text | None = Field(None, description="Public phone number.")
    email: Text | None = Field(None, description="Public e-mail address.")


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
        default_factory=lambda: [
            ApprovalRule(name="Telaah hukum", any_of=["subbag_hukum"]),
            ApprovalRule(name="Persetujuan konten", any_of=["divisi_pengusul", "ketua"]),
        ],
        description="Sign-offs a pull request needs before its drafts are published.",
    )
    dip: DipDefaults = Field(
        default_factory=DipDefaults, description="Daftar Informasi Publik defaults."
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
