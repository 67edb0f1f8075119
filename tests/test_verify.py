"""pipeline.review.verify locally: the record and the content hash of each publication in content/posts."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.review import verify
from tests.conftest import run_kpu
from tests.fake_github import running
from tests.merge_flow import Scenario
from tests.servers.world import World

CHANNELS = ("x", "facebook", "instagram", "telegram", "mastodon")

SAMPLE = "content/posts/2026/uu-7-2017-pemilihan-umum.md"


def test_the_sample_publications_verify_and_the_list_names_them(repo: Path) -> None:
    result = run_kpu("verify", "--out", "build/daftar.json", cwd=repo)
    assert result.code == 0, result.out
    assert f"✔ {SAMPLE}" in result.out
    listed = json.loads((repo / "build" / "daftar.json").read_text(encoding="utf-8"))
    assert listed["version"] == 1 and len(listed["verified"]) == 5
    assert listed["verified"][SAMPLE] == verify.content_hash(
        (repo / SAMPLE).read_text(encoding="utf-8")
    )


def test_the_hash_ignores_the_stamps_but_not_the_text(repo: Path) -> None:
    text = (repo / SAMPLE).read_text(encoding="utf-8")
    digest = verify.content_hash(text)
    assert (
        verify.content_hash(text.replace("date: 2026-10-08T09:00:00+07:00", "date: 2027-01-01"))
        == digest
    )
    assert verify.content_hash(text.replace("asas **langsung", "asas **tidak langsung")) != digest
    assert verify.content_hash(text.replace('"002/ND/HK.03/Kab/X/2026"', '"003/ND"', 1)) != digest


def test_a_symlinked_publication_is_refused_without_reading_its_target(repo: Path) -> None:
    link = repo / "content/posts/2026/tautan.md"
    link.symlink_to(repo / SAMPLE)
    checked = verify.Verifier(repo).check(link)
    assert not checked.ok
    assert checked.reason == (
        "content/posts/2026/tautan.md adalah symlink (tautan ke berkas lain); publikasi harus "
        "berkas biasa"
    )


def test_an_edited_publication_leaves_the_list_and_the_verified_build(
    repo: Path, tmp_path: Path
) -> None:
    listed_file = tmp_path / "verified.json"
    assert run_kpu("verify", "--out", str(listed_file), cwd=repo).code == 0
    path = repo / SAMPLE
    path.write_text(
        path.read_text(encoding="utf-8") + "\nTambahan tanpa telaah.\n", encoding="utf-8"
    )
    listed = verify.read_list(listed_file)
    assert not verify.still_verified(repo, listed, SAMPLE)
    tree = tmp_path / "tree"
    assert verify.verified_tree(repo, tree, listed) == [SAMPLE]
    assert not (tree / SAMPLE).exists()
    assert (tree / "content/posts/2026/uu-14-2008-keterbukaan-informasi-publik.md").exists()
    again = run_kpu("verify", "--out", str(listed_file), cwd=repo)
    assert again.code == 1
    assert f"✘ {SAMPLE}: isinya berubah sesudah disetujui dan dipromosikan" in again.out


def test_kpu_publish_rechecks_the_pull_request_before_a_real_post(
    tmp_path: Path, repo: Path, world: World
) -> None:
    with running() as github:
        flow = Scenario(tmp_path, repo, github)
        clone = flow.clone()
        github.pulls[1]["merged_at"] = None  # GitHub no longer shows the import as merged
        env = {
            **world.env(),
            "GITHUB_API_URL": github.url,
            "GITHUB_REPOSITORY": github.repository,
            "GITHUB_TOKEN": "fake",
        }
        result = run_kpu("publish", cwd=clone, env=env)
    assert result.code == 1
    assert world.counts() == dict.fromkeys(CHANNELS, 0)
    assert (
        f"✘ {SAMPLE}: pull request #1 yang disebut catatan persetujuan belum atau tidak digabung"
    ) in result.out.splitlines()
    assert github.requests_to("/pulls/1$")


def test_with_a_token_but_no_history_nothing_is_posted(site: Path, world: World) -> None:
    env = {**world.env(), "GITHUB_TOKEN": "fake", "GITHUB_API_URL": "http://127.0.0.1:9"}
    result = run_kpu("publish", cwd=site, env=env)
    assert result.code == 1
    assert world.counts() == dict.fromkeys(CHANNELS, 0)
    assert "riwayat git repositori tidak tersedia" in result.out


def test_a_publication_posted_everywhere_is_not_checked_again_on_the_next_run(
    tmp_path: Path, repo: Path, world: World
) -> None:
    with running() as github:
        flow = Scenario(tmp_path, repo, github)
        clone = flow.clone()
        env = {
            **world.env(),
            "GITHUB_API_URL": github.url,
            "GITHUB_REPOSITORY": github.repository,
            "GITHUB_TOKEN": "fake",
        }
        first = run_kpu("publish", cwd=clone, env=env)
        assert first.code == 0, first.out + first.err
        assert world.counts() == dict.fromkeys(CHANNELS, 5)
        checked = len(github.requests_to("/pulls/1$"))
        assert checked >= 1
        github.pulls[1]["merged_at"] = None  # would refuse every publication if asked again
        again = run_kpu("publish", cwd=clone, env=env)
    assert again.code == 0, again.out + again.err
    assert len(github.requests_to("/pulls/1$")) == checked  # nothing asked: nothing to post
    assert world.counts() == dict.fromkeys(CHANNELS, 5)
