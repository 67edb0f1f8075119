"""`kpu init`: set up a new office's repository, by prompts (Indonesian) or from flags."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from pipeline.core import console
from pipeline.core.config import ROLE_LABELS, KpuConfig
from pipeline.core.identity import role_labels, split_name
from pipeline.messages import init as msg
from pipeline.publish.channels.base import EnvVar
from pipeline.publish.channels.registry import REGISTRY
from pipeline.setup import identity_files, init, leftovers

Ask = Callable[[str], str]


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "init",
        help="siapkan repositori untuk kantor baru",
        description="Tulis kpu.yml untuk kantor KPU Anda (identitas, situs, akun media sosial, "
        "pemegang peran SOP), diperiksa dengan skema sebelum ditulis, lalu tampilkan nama secrets "
        "yang harus diatur di GitHub. Di terminal, setiap isian ditanyakan dengan nilai sekarang "
        "sebagai bawaan; dengan --yes atau tanpa terminal, hanya flag yang dipakai.",
    )
    p.add_argument("--office-name", metavar="NAMA", help="nama lengkap kantor")
    p.add_argument("--short-name", metavar="NAMA", help="nama singkat kantor")
    p.add_argument("--address", metavar="ALAMAT", help="alamat kantor")
    p.add_argument(
        "--office-type",
        choices=["kabupaten", "kota", "provinsi"],
        help="jenis kantor (bawaan: dibaca dari nama); menentukan sebutan peran",
    )
    p.add_argument("--province", metavar="NAMA", help="provinsi tempat kantor kabupaten/kota")
    p.add_argument("--seat", metavar="KOTA", help="kota kedudukan kantor (juga tempat di DIP)")
    p.add_argument("--phone", metavar="NOMOR", help="nomor telepon resmi kantor (kontak PPID)")
    p.add_argument("--email", metavar="SUREL", help="alamat surel resmi PPID")
    p.add_argument(
        "--site-url", metavar="URL", help="alamat situs, contoh https://pemilik.github.io/repo/"
    )
    p.add_argument("--repository", metavar="PEMILIK/NAMA", help="repositori GitHub")
    p.add_argument(
        "--channels",
        metavar="KANAL,...",
        help="kanal yang dipakai, contoh x,facebook,telegram; akun kanal lain dihapus dari kpu.yml",
    )
    p.add_argument(
        "--account",
        action="append",
        default=[],
        metavar="KANAL=AKUN,URL",
        help="akun resmi, contoh x=@kpukab,https://x.com/kpukab (boleh diulang)",
    )
    p.add_argument(
        "--role",
        action="append",
        default=[],
        metavar="PERAN=AKUN,...",
        help=f"pemegang peran SOP, contoh subbag_hukum=akun1,akun2 (peran: {', '.join(ROLE_LABELS)})",
    )
    p.add_argument(
        "--clear-samples",
        action="store_true",
        help="hapus publikasi contoh di content/posts/ dan catatannya (halaman dan panduan tetap)",
    )
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--yes", "-y", action="store_true", help="jangan bertanya; pakai flag saja")
    mode.add_argument(
        "--interactive", action="store_true", help="tanyakan setiap isian walau bukan di terminal"
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    current, unreadable = init.current_settings(args.root)
    if unreadable:
        print(msg.CURRENT_UNREADABLE.format(detail=unreadable))
    answers, problems = _from_flags(args)
    if problems:
        return _refuse(problems)
    clear = bool(args.clear_samples)
    if args.interactive or (not args.yes and sys.stdin.isatty()):
        try:
            clear = _interview(answers, init.apply(current, answers), clear, _ask)
        except (EOFError, KeyboardInterrupt):
            print("\n" + msg.ABORTED)
            return 1
    try:
        config = init.write_config(args.root, answers, current)
    except init.InitError as exc:
        return _refuse(exc.problems)
    console.info(msg.WRITTEN)
    _print_summary(config)
    if clear:
        _print_cleared(init.clear_samples(args.root))
    for path in identity_files.refresh(args.root, config):
        console.info(msg.DERIVED_WRITTEN.format(path=path))
    previous, _ = init.check(current) if current else (None, [])
    for path, words in leftovers.scan(args.root, config, previous).items():
        print(msg.LEFTOVER.format(path=path, found=", ".join(words[:5])))
    _print_secrets(config.repository)
    _print_secret_list(init.secrets_to_set(config))
    console.info(msg.NEXT_STEPS)
    return 0


def _from_flags(args: argparse.Namespace) -> tuple[init.Answers, list[str]]:
    answers = init.Answers(
        office_name=args.office_name,
        short_name=args.short_name,
        address=args.address,
        office_type=args.office_type,
        province=args.province,
        seat=args.seat,
        phone=args.phone,
        email=args.email,
        site_url=args.site_url,
        repository=args.repository,
        channels=init.split_list(args.channels) if args.channels is not None else None,
    )
    problems = []
    for text in args.account:
        try:
            channel, account = init.parse_account(text)
            answers.accounts[channel] = account
        except ValueError as exc:
            problems.append(msg.PROBLEM.format(message=exc, hint=""))
    for text in args.role:
        try:
            role, logins = init.parse_role(text)
            answers.roles[role] = logins
        except ValueError as exc:
            problems.append(msg.PROBLEM.format(message=exc, hint=""))
    return answers, problems


def _interview(answers: init.Answers, shown: dict[str, Any], clear: bool, ask: Ask) -> bool:
    """Ask every field, the current value (flags included) as the default; fills `answers`."""
    print(msg.INTRO)
    office = shown.get("office") or {}
    answers.office_name = _field(ask, msg.ASK_OFFICE_NAME, office.get("name"))
    answers.short_name = _field(ask, msg.ASK_SHORT_NAME, office.get("short_name"))
    # A new name drops what belonged to the former office (its seat, contacts): not offered.
    renamed = init.Answers(office_name=answers.office_name, short_name=answers.short_name)
    office = init.apply(shown, renamed).get("office") or {}
    answers.province = _field(ask, msg.ASK_PROVINCE, office.get("province"))
    answers.seat = _field(ask, msg.ASK_SEAT, office.get("seat"))
    answers.address = _field(ask, msg.ASK_ADDRESS, office.get("address"))
    answers.phone = _field(ask, msg.ASK_PHONE, office.get("phone"))
    answers.email = _field(ask, msg.ASK_EMAIL, office.get("email"))
    answers.site_url = _field(ask, msg.ASK_SITE_URL, shown.get("site_url"))
    answers.repository = _field(ask, msg.ASK_REPOSITORY, shown.get("repository"))
    channels = shown.get("channels") or {}
    choices = [name for name in REGISTRY if name != "outbox"]
    enabled = _field(
        ask, msg.ASK_CHANNELS.format(choices=", ".join(choices)), _joined(channels.get("enabled"))
    )
    answers.channels = init.split_list(enabled or "")
    accounts = channels.get("accounts") or {}
    for name in answers.channels:
        if name not in REGISTRY or name == "outbox":
            continue  # the schema names the unknown channel once everything is asked
        label, known = REGISTRY[name].label, accounts.get(name) or {}
        handle = _field(ask, msg.ASK_HANDLE.format(label=label), known.get("handle"))
        url = _field(ask, msg.ASK_URL.format(label=label), known.get("url"))
        answers.accounts[name] = {"handle": handle or "", "url": url or ""}
    roles = shown.get("roles") or {}
    for role, label in role_labels(split_name(answers.office_name or "")[0] or "kabupaten").items():
        logins = _field(ask, msg.ASK_ROLE.format(label=label), _joined(roles.get(role)))
        answers.roles[role] = init.split_list(logins or "")
    return _yes_no(ask, msg.ASK_CLEAR, clear)


def _field(ask: Ask, question: str, default: object) -> str | None:
    shown = "" if default is None else str(default)
    prompt = (
        msg.PROMPT.format(question=question, default=shown)
        if shown
        else msg.PROMPT_EMPTY.format(question=question)
    )
    return ask(prompt).strip() or (shown or None)


def _yes_no(ask: Ask, question: str, default: bool) -> bool:
    while True:
        shown = msg.YES_WORDS[1] if default else msg.NO_WORDS[1]
        answer = ask(msg.PROMPT.format(question=question, default=shown)).strip().lower()
        if not answer:
            return default
        if answer in msg.YES_WORDS or answer in msg.NO_WORDS:
            return answer in msg.YES_WORDS
        print(msg.ANSWER_YES_NO)


def _joined(value: object) -> str | None:
    return ", ".join(map(str, value)) if isinstance(value, list) and value else None


def _ask(prompt: str) -> str:
    return input(prompt)


def _refuse(problems: list[str]) -> int:
    for problem in problems:
        print(problem, file=sys.stderr)
    print(msg.NOTHING_WRITTEN.format(count=len(problems)), file=sys.stderr)
    return 2


def _print_summary(config: KpuConfig) -> None:
    console.info(msg.SUMMARY_ACCOUNTS)
    for name, account in config.channels.accounts.items():
        value = f"{account.handle} ({account.url})"
        console.info(msg.SUMMARY_ITEM.format(label=REGISTRY[name].label, value=value))
    if not config.channels.accounts:
        console.info(msg.SUMMARY_ITEM.format(label="-", value=msg.SUMMARY_NONE))
    console.info(msg.SUMMARY_ROLES)
    roles = {str(role): logins for role, logins in config.roles.items()}
    for role, label in config.role_labels.items():
        logins = ", ".join(roles.get(role, [])) or msg.SUMMARY_NONE
        console.info(msg.SUMMARY_ITEM.format(label=label, value=logins))


def _print_cleared(done: init.Cleared) -> None:
    if not done.posts:
        console.info(msg.CLEARED_NONE)
    for path in done.posts:
        console.info(msg.CLEARED_POST.format(path=path))
    for path in done.images:
        console.info(msg.CLEARED_IMAGE.format(path=path))
    for path, count in done.links.items():
        console.info(msg.CLEARED_LINKS.format(path=path, count=count))
    if done.ledger_entries:
        console.info(msg.CLEARED_LEDGER.format(count=done.ledger_entries))


def _print_secrets(repository: str | None) -> None:
    console.info(msg.SECRETS_HEADER.format(repository=repository or msg.REPOSITORY_UNKNOWN))


def _print_secret_list(secrets: list[tuple[str, list[EnvVar]]]) -> None:
    if not secrets:
        console.info(msg.SECRETS_NONE)
    for label, variables in secrets:
        console.info(msg.SECRETS_CHANNEL.format(label=label))
        for var in variables:
            console.info(msg.SECRETS_ITEM.format(name=var.name, description=var.description))
    console.info(msg.SECRETS_GITHUB_TOKEN)
