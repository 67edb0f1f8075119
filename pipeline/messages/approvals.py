"""Indonesian text for `kpu approvals` and the approval part of the PR comment."""

from __future__ import annotations

HEADER = "Persetujuan pull request #{number} (oleh {author}):"
SIGNOFF = "  ✔ {rule}: disetujui {login} sebagai {role}"
MISSING = "  ✘ {rule}: belum ada persetujuan dari {roles}"
BLOCKER = "  ✘ {login} ({role}) meminta perbaikan (SOP langkah 7); perbaikan harus disetujui ulang olehnya"
SELF_APPROVAL = "  • Persetujuan {login} atas pull request miliknya sendiri tidak dihitung."
NO_ROLE = "  • Persetujuan {login} tidak dihitung: akun ini tidak tercantum di roles pada kpu.yml."
COMPLETE = "Persetujuan lengkap: draf di pull request ini boleh terbit setelah digabung (merge)."
INCOMPLETE = "Persetujuan belum lengkap. Masih diperlukan: {missing}."
BLOCKED = "Ada permintaan perbaikan yang belum diselesaikan."
ROLE_OR = " atau "
MISSING_ROLE = "{rule} ({roles})"
STALE = (
    "  ✘ Persetujuan {login} untuk commit {commit} tidak dihitung: disetujui untuk versi "
    "sebelumnya; minta persetujuan ulang (berubah sesudahnya: {files})."
)
REUSED = (
    "  • {login} sudah dihitung untuk satu persetujuan; setiap persetujuan wajib diberikan orang "
    "yang berbeda (distinct_approvers di kpu.yml)."
)
GOVERNANCE = (
    "  • Pull request ini mengubah aturan (peran/persetujuan di kpu.yml, data/*.yml, "
    ".github/workflows/, .github/CODEOWNERS, atau kode pipeline/), jadi memerlukan juga {rule} "
    "sesuai kpu.yml di main."
)
RULES_FROM = (
    "  • Dinilai dengan aturan kpu.yml dan data/*.yml di commit {rev} (main sebelum merge), bukan "
    "dengan versi di pull request ini."
)
RULES_LOCAL = (
    "  • Cabang main tidak tersedia di salinan ini; dinilai dengan kpu.yml di folder ini. Jalankan "
    "di salinan repositori yang lengkap (git fetch origin main) untuk penilaian yang pasti."
)
GOVERNED_FILES = "  • Berkas aturan yang diubah: {files}."
