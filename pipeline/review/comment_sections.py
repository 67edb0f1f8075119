"""The reviewer's sections of the PR comment: the SOP checklist (who acts, how), the page as it
will be published, and the links to the preview site and the images.

Names and roles come from main's kpu.yml (trusted, but shown in code spans so that an edit of the
comment never pings anyone); every draft value goes through `pipeline.core.inert`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from pipeline.core import inert
from pipeline.core.config import ApprovalRule, KpuConfig
from pipeline.core.model import Publication
from pipeline.messages import approvals as amsg
from pipeline.messages import comment as msg
from pipeline.review.approvals import ApprovalState, role_label, verdict
from pipeline.review.approvals import governance_name as config_governance_name
from pipeline.site import card

MAX_BODY = 12_000  # GitHub refuses a comment over 65,536 characters
ARTIFACT = "pratinjau-situs"  # check.yml's upload-artifact name


def _who(login: str) -> str:
    return inert.code("@" + login)


def checklist_section(state: ApprovalState, config: KpuConfig) -> str:
    """SOP step 3/4/7 sign-offs as a checklist: done by whom, still to do by whom and how."""
    lines = [msg.CHECKLIST_HEADING, "", msg.HOW_TO_APPROVE, ""]
    done = {s.rule: s for s in state.signoffs}
    credited = {s.login.lower() for s in state.signoffs}
    rules: list[ApprovalRule] = list(config.approvals)
    if state.governance:
        rules.append(config.governance)
    for rule in rules:
        signoff = done.get(rule.name)
        if signoff is not None:
            lines.append(
                msg.CHECK_DONE.format(
                    rule=inert.text(rule.name),
                    who=_who(signoff.login),
                    role=role_label(signoff.role),
                )
            )
            continue
        # The governance sign-off may come from someone already counted for another one.
        others = set() if rule is config.governance else credited
        candidates = _candidates(rule, config, state, others)
        roles = msg.ROLE_OR.join(role_label(r) for r in rule.any_of)
        who = ", ".join(f"{_who(login)} ({role_label(role)})" for login, role in candidates)
        template = msg.CHECK_WAITING if candidates else msg.CHECK_NOBODY
        lines.append(template.format(rule=inert.text(rule.name), roles=roles, who=who))
    for stale in state.stale:
        lines.append(
            msg.CHECK_STALE.format(
                who=_who(stale.login), login=inert.text(stale.login), commit=stale.commit[:7]
            )
        )
    for blocker in state.blockers:
        lines.append(
            msg.CHECK_CHANGES.format(
                who=_who(blocker.login),
                role=role_label(blocker.role),
                login=inert.text(blocker.login),
            )
        )
    lines += [f"- ℹ️ {inert.text(note)}" for note in approval_notes(state)]
    if state.complete:
        lines += ["", msg.CHECK_COMPLETE]
    else:
        lines += ["", f"**{inert.text(verdict(state))}**"]
    return "\n".join(lines)


def approval_notes(state: ApprovalState) -> list[str]:
    """Why an approval did not count, and why a rules change needs one more: what `kpu
    approvals` says beyond the sign-offs, which the checklist lines already show."""
    notes = [amsg.REUSED.format(login=login) for login in state.reused]
    if state.governance:
        notes.append(amsg.GOVERNANCE.format(rule=config_governance_name(state)))
    if state.self_approved:
        notes.append(amsg.SELF_APPROVAL.format(login=state.author))
    notes += [amsg.NO_ROLE.format(login=login) for login in state.without_role]
    return [note.strip().removeprefix("• ") for note in notes]


def _candidates(
    rule: ApprovalRule, config: KpuConfig, state: ApprovalState, credited: set[str]
) -> list[tuple[str, str]]:
    """Who may still give this sign-off: holders of its roles, not the author, and (with
    distinct_approvers) not someone already counted for another sign-off."""
    found: dict[str, tuple[str, str]] = {}
    for role in rule.any_of:
        for login in config.roles.get(role, []):
            key = login.lower()
            if key == state.author.lower() or key in found:
                continue
            if config.distinct_approvers and key in credited:
                continue
            found[key] = (login, role)
    return list(found.values())


def page_section(drafts: Sequence[Publication]) -> str:
    """Each draft's page (title, summary, body) in a collapsed block; the body as source text."""
    lines = [msg.PAGE_HEADING, ""]
    if not drafts:
        return "\n".join([*lines, msg.DRAFTS_NONE])
    for pub in drafts:
        body = pub.body.strip("\n")
        cut = len(body) > MAX_BODY
        lines += [
            f"{inert.code(pub.path.as_posix())}",
            "",
            "<details>",
            f"<summary>{msg.PAGE_SUMMARY}</summary>",
            "",
            msg.PAGE_TITLE.format(title=inert.text(pub.front.title)),
            "",
            msg.PAGE_DESCRIPTION.format(description=inert.text(pub.front.description)),
            "",
            msg.PAGE_BODY,
            "",
            inert.block(body[:MAX_BODY], "markdown"),
            "",
        ]
        if cut:
            lines += [msg.PAGE_CUT.format(shown=MAX_BODY, total=len(body)), ""]
        lines += ["</details>", ""]
    return "\n".join(lines).rstrip()


@dataclass(frozen=True)
class RunLinks:
    """Where the reviewer finds the preview: the workflow run (its artifact) and the PR's head."""

    server: str
    repository: str
    run_url: str | None = None
    artifact_url: str | None = None
    head_sha: str | None = None

    @classmethod
    def from_env(
        cls, repository: str | None, head_sha: str | None, environ: Mapping[str, str] | None = None
    ) -> RunLinks:
        env = os.environ if environ is None else environ
        server = _https(env.get("GITHUB_SERVER_URL", "")) or "https://github.com"
        repo = env.get("GITHUB_REPOSITORY") or repository or ""
        run_id = env.get("GITHUB_RUN_ID", "")
        run_url = f"{server}/{repo}/actions/runs/{run_id}" if run_id.isdigit() and repo else None
        artifact = _https(env.get("KPU_PREVIEW_URL", ""))
        sha = head_sha if head_sha and all(c in "0123456789abcdef" for c in head_sha) else None
        return cls(server, repo, run_url, artifact, sha)

    def file_url(self, path: str, raw: bool = False) -> str | None:
        if not self.head_sha or not self.repository:
            return None
        kind = "raw" if raw else "blob"
        return f"{self.server}/{self.repository}/{kind}/{self.head_sha}/{quote(path, safe='/')}"


def _https(url: str) -> str | None:
    """Only an https URL of a host, nothing a Markdown link could be broken out of."""
    parts = urlsplit(url.strip())
    if parts.scheme != "https" or not parts.netloc or any(c in url for c in " <>()[]\"'`\\"):
        return None
    return url.strip().rstrip("/")


def site_preview_section(
    links: RunLinks, drafts: Sequence[Publication], pages: Mapping[str, str]
) -> str:
    """Where the preview site is, which file to open for each draft, and its images.

    `pages`: draft path -> the page's path below the site root (pipeline.site.preview).
    """
    lines = [msg.SITE_HEADING, ""]
    if links.artifact_url:
        lines.append(msg.SITE_ARTIFACT.format(url=links.artifact_url, name=ARTIFACT))
    elif links.run_url:
        lines.append(msg.SITE_RUN.format(url=links.run_url, name=ARTIFACT))
    else:
        lines.append(msg.SITE_NO_RUN.format(name=ARTIFACT))
    lines += ["", msg.SITE_HOW, ""]
    for pub in drafts:
        shown = pub.path.as_posix()
        page = pages.get(shown)
        wide, square = card.preview_paths(pub)
        lines.append(f"- {inert.code(shown)} {inert.text(pub.front.title)}")
        if page:
            file = page + "index.html" if page.endswith("/") else page  # directory URLs or not
            lines.append(msg.SITE_PAGE.format(path=inert.code(file)))
        lines.append(msg.SITE_IMAGES.format(wide=inert.code(wide), square=inert.code(square)))
        image = pub.front.image
        view, raw = links.file_url(image or ""), links.file_url(image or "", raw=True)
        if image and view and raw:
            lines.append(msg.SITE_OWN_IMAGE.format(view=view, raw=raw))
        elif not image:
            lines.append(msg.SITE_CARD)
    return "\n".join(lines)
