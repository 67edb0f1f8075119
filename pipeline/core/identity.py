"""The office's identity, from kpu.yml only: every office-specific word the site, the posts, the
feeds, the DIP and the generated files print comes from `identity()`.

The office type (kabupaten, kota, provinsi) decides the role titles ("Ketua KPU Kota"), the
head-of-region election and the office above it. Pages in `content/` name the office through
placeholders (`{{ kantor.nama }}`); `Identity.values()` is the table, `fill()` replaces them.
`identity_strings()` lists the words that give an office away, which `kpu doctor` and the
tests look for in a checkout that another office adopted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from pipeline.core.config import KpuConfig

OfficeType = Literal["kabupaten", "kota", "provinsi"]
TYPE_TITLE: dict[str, str] = {"kabupaten": "Kabupaten", "kota": "Kota", "provinsi": "Provinsi"}
HEAD_ELECTION: dict[str, str] = {
    "kabupaten": "Pemilihan Bupati dan Wakil Bupati",
    "kota": "Pemilihan Wali Kota dan Wakil Wali Kota",
    "provinsi": "Pemilihan Gubernur dan Wakil Gubernur",
}
# The type-specific duty and power of UU 7/2017 (Pasal 14-20): a kabupaten/kota office forms the
# ad hoc bodies (PPK, PPS, KPPS); a provincial office coordinates the kabupaten/kota offices.
# A summary for the Profil page, not the statute's wording: Subbag Hukum should confirm it.
DUTY: dict[str, str] = {
    "kabupaten": "membentuk Panitia Pemilihan Kecamatan (PPK), Panitia Pemungutan Suara (PPS), "
    "dan Kelompok Penyelenggara Pemungutan Suara (KPPS), serta mengoordinasikan dan "
    "mengendalikan pekerjaan mereka",
    "provinsi": "mengoordinasikan dan mengendalikan tahapan penyelenggaraan Pemilu yang "
    "dilaksanakan KPU Kabupaten/Kota di wilayah kerjanya",
}
DUTY["kota"] = DUTY["kabupaten"]
POWER: dict[str, str] = {
    "kabupaten": "menetapkan anggota PPK, PPS, dan KPPS",
    "provinsi": "mengoordinasikan dan memantau rekapitulasi hasil penghitungan suara oleh KPU "
    "Kabupaten/Kota di wilayah kerjanya",
}
POWER["kota"] = POWER["kabupaten"]
NOTE_CODE: dict[str, str] = {"kabupaten": "Kab", "kota": "Kota", "provinsi": "Prov"}
_PREFIX = re.compile(
    r"^\s*(?:KPU|Komisi\s+Pemilihan\s+Umum)\s+(Kabupaten|Kota|Provinsi)\s+(.+)$", re.I
)
PLACEHOLDER = re.compile(r"(?<!\\)\{\{\s*([a-z_]+)\.([a-z_]+)\s*\}\}")
_ESCAPED = re.compile(r"\\(\{\{\s*[a-z_]+\.[a-z_]+\s*\}\})")  # \{{ x.y }}: shown as written

ROLE_KEYS = ("subbag_hukum", "sekretaris", "divisi_pengusul", "ketua", "tim_desain")


def role_labels(office_type: str = "kabupaten") -> dict[str, str]:
    """SOP role -> its title at an office of this type ("Sekretaris KPU Kota")."""
    title = TYPE_TITLE.get(office_type, TYPE_TITLE["kabupaten"])
    return {
        "subbag_hukum": "Subbag Hukum",
        "sekretaris": f"Sekretaris KPU {title}",
        "divisi_pengusul": "Divisi Pengusul",
        "ketua": f"Ketua KPU {title}",
        "tim_desain": "Tim Desain Konten",
    }


def split_name(name: str) -> tuple[OfficeType | None, str]:
    """ "KPU Kota Pangkalpinang" -> ("kota", "Pangkalpinang"); (None, name) for another form."""
    match = _PREFIX.match(name)
    if match is None:
        return None, name.strip()
    return match.group(1).lower(), " ".join(match.group(2).split())  # type: ignore[return-value]


def hashtag(short_name: str) -> str:
    """The office's own hashtag from its short name: "KPU Bangka Barat" -> "#KPUBangkaBarat"."""
    words = re.findall(r"\w+", short_name)
    return "#" + "".join(w if w.isupper() else w[:1].upper() + w[1:] for w in words)


@dataclass(frozen=True)
class Identity:
    """Every office-specific value, computed once from kpu.yml."""

    name: str
    short_name: str
    type: str
    region: str
    province: str | None
    seat: str | None
    address: str
    phone: str | None
    email: str | None
    site_url: str
    repository: str | None
    hashtag: str
    roles: dict[str, str]
    logins: dict[str, list[str]]

    @property
    def type_title(self) -> str:
        return TYPE_TITLE[self.type]

    @property
    def area(self) -> str:
        """ "Kota Pangkalpinang"."""
        return f"{self.type_title} {self.region}"

    @property
    def area_in_province(self) -> str:
        """ "Kota Pangkalpinang, Provinsi Kepulauan Bangka Belitung"; a province on its own."""
        if self.type != "provinsi" and self.province:
            return f"{self.area}, Provinsi {self.province}"
        return self.area

    @property
    def full_name(self) -> str:
        """ "Komisi Pemilihan Umum Kota Pangkalpinang"."""
        return f"Komisi Pemilihan Umum {self.area}"

    @property
    def superiors(self) -> str:
        """The offices it works under: the province's office (kabupaten/kota), then KPU RI."""
        if self.type != "provinsi" and self.province:
            return f"KPU Provinsi {self.province} dan KPU Republik Indonesia"
        return "KPU Republik Indonesia"

    @property
    def head_election(self) -> str:
        return f"{HEAD_ELECTION[self.type]} {self.region}"

    def site_description(self) -> str:
        return f"Publikasi informasi hukum dan layanan informasi publik {self.full_name}."

    def values(self) -> dict[str, str]:
        """Placeholder -> plain text (the page escapes it)."""
        kantor = {
            "nama": self.name,
            "nama_singkat": self.short_name,
            "nama_lengkap": self.full_name,
            "nama_lengkap_kpu": f"Komisi Pemilihan Umum (KPU) {self.area}",
            "kpu_jenis": f"KPU {self.type_title}",
            "jenis": self.type_title,
            "jenis_kecil": self.type,
            "wilayah": self.area,
            "wilayah_lengkap": self.area_in_province,
            "tingkat_uu": "KPU Provinsi" if self.type == "provinsi" else "KPU Kabupaten/Kota",
            "daerah": self.region,
            "kedudukan": self.seat or self.region,
            "alamat": self.address,
            "telepon": self.phone or "",
            "surel": self.email or "",
            "atasan": self.superiors,
            "sekretariat": f"Sekretariat {self.name}",
            "ppid": f"PPID {self.name}",
            "pemilihan_kepala_daerah": self.head_election,
            "tugas_khusus": DUTY[self.type],
            "wewenang_khusus": POWER[self.type],
            "tagar": self.hashtag,
            "kode_nota_dinas": NOTE_CODE[self.type],
        }
        values = {f"kantor.{k}": v for k, v in kantor.items()}
        values.update({f"peran.{k}": v for k, v in self.roles.items()})
        for role in ROLE_KEYS:
            first = (self.logins.get(role) or [f"{role.replace('_', '-')}-kantor"])[0]
            values[f"akun.{role}"] = first
        values["situs.alamat"] = self.site_url
        values["situs.domain"] = urlsplit(self.site_url).hostname or self.site_url
        values["situs.repositori"] = self.repository or "pemilik/nama-repositori"
        return values


def identity(config: KpuConfig) -> Identity:
    office = config.office
    office_type = office.kind
    return Identity(
        name=office.name,
        short_name=office.short_name,
        type=office_type,
        region=split_name(office.name)[1],
        province=office.province,
        seat=office.seat,
        address=office.address,
        phone=office.phone,
        email=office.email,
        site_url=config.base_url,
        repository=config.repository,
        hashtag=hashtag(office.short_name),
        roles=role_labels(office_type),
        logins={str(role): list(users) for role, users in config.roles.items()},
    )


_CODE = re.compile(r"^(```|~~~).*?^\1[^\n]*$|`[^`\n]+`", re.MULTILINE | re.DOTALL)


def fill(text: str, values: dict[str, str], markdown: bool = True) -> str:
    """Every known placeholder replaced; unknown ones are left as written, so that `unknown()`
    can name them. In Markdown a value is literal text (`md_text`), inside code as it is (the
    renderer escapes code itself; a backtick, which would end the code, is dropped)."""
    from pipeline.core.safety import md_text  # nh3 and markupsafe: not for `kpu check`

    def plain(match: re.Match[str]) -> str:
        return values.get(f"{match.group(1)}.{match.group(2)}", match.group(0))

    def prose(match: re.Match[str]) -> str:
        key = f"{match.group(1)}.{match.group(2)}"
        return md_text(values[key]) if key in values else match.group(0)

    def code(match: re.Match[str]) -> str:
        key = f"{match.group(1)}.{match.group(2)}"
        return values[key].replace("`", "") if key in values else match.group(0)

    if not markdown:
        return _ESCAPED.sub(r"\1", PLACEHOLDER.sub(plain, text))
    out, last = [], 0
    for block in _CODE.finditer(text):
        out.append(PLACEHOLDER.sub(prose, text[last : block.start()]))
        out.append(PLACEHOLDER.sub(code, block.group(0)))
        last = block.end()
    out.append(PLACEHOLDER.sub(prose, text[last:]))
    return _ESCAPED.sub(r"\1", "".join(out))


def unknown(text: str, values: dict[str, str]) -> list[str]:
    """The placeholders in `text` that `values` does not fill, as written."""
    found = (m for m in PLACEHOLDER.finditer(text) if f"{m.group(1)}.{m.group(2)}" not in values)
    return sorted({m.group(0) for m in found})


# --- what gives an office away -----------------------------------------------------------------
def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def identity_strings(config: KpuConfig) -> set[str]:
    """The words that belong to this office and to no other: its names, region and seat, its
    address, contacts, site and repository, its accounts, logins, hashtags and DIP values.
    Each at least 4 characters, so that no common word is mistaken for one."""
    ident = identity(config)
    found: set[str] = {ident.name, ident.short_name, ident.area, ident.region, ident.full_name}
    found.add(_compact(ident.region))  # "bangkabarat" in hosts, handles, hashtags
    if ident.seat:
        found.add(ident.seat)
    # The address, less the province: a neighbour in the same province shares it.
    shared = {ident.province, f"Provinsi {ident.province}"} if ident.type != "provinsi" else set()
    found.update(part.strip() for part in ident.address.split(",") if part.strip() not in shared)
    for value in (ident.phone, ident.email):
        if value:
            found.add(value)
    host = urlsplit(ident.site_url).hostname or ""
    found.add(host)
    if config.repository:
        found.add(config.repository)
        found.add(config.repository.split("/")[0])
    for account in config.channels.accounts.values():
        found.add(account.handle.lstrip("@").split("@")[0])
        found.add(str(account.url).rstrip("/"))
    logins = [login for users in config.roles.values() for login in users]
    found.update(logins)
    common = _common_parts(logins)
    found.update(common)  # "kpubabar"
    found.update(p.removeprefix("kpu") for p in common if p.startswith("kpu"))  # "babar"
    found.update(tag.lstrip("#") for tag in config.channels.hashtags if tag != "#InformasiHukum")
    for value in (config.dip.holder, config.dip.responsible, config.dip.place):
        if value:
            found.add(value)
    return {s for s in found if len(s) >= 4}


def _common_parts(logins: list[str]) -> set[str]:
    """The part every staff login shares: "kpubabar" of "hukum-kpubabar", "ketua-kpubabar"."""
    counts: dict[str, int] = {}
    for login in logins:
        for part in re.split(r"[-_.]", login.lower()):
            counts[part] = counts.get(part, 0) + 1
    if len(logins) < 2:
        return set()
    return {p for p, n in counts.items() if n == len(logins) and len(p) >= 4}
