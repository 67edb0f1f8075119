"""The fast X length agrees with twitter-text's full parser on every text it handles itself."""

from __future__ import annotations

import random

from twitter_text import parse_tweet

from pipeline.publish.posts import x_weighted_length

PIECES = [
    "Kenali hak Anda",
    " ",
    "\n",
    "\r\n",
    "\r",
    ".",
    ",",
    "!",
    "#KPUBangkaBarat",
    "@kpu",
    "https://kab-bangkabarat.kpu.go.id/publikasi/2026/uu-7-2017-pemilihan-umum/",
    "http://example.org",
    "kpu.go.id",
    "www.kpu.go.id/ppid",
    "a.b",
    "1.2.3",
    "UU No. 7/2017",
    "email@kpu.go.id",
    "(https://jdih.kpu.go.id)",
    "x" * 40,
    "é",
    "“kutipan”",
    "😷",
    "🇮🇩",
    "日本",
]


def test_fast_length_matches_the_full_parser_on_random_posts() -> None:
    rng = random.Random(20261125)
    for _ in range(3000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 30)))
        assert x_weighted_length(text) == parse_tweet(text).weightedLength, repr(text)


def test_url_counts_as_23_whatever_its_length() -> None:
    short = "Lihat https://kpu.go.id"
    long = "Lihat https://kab-bangkabarat.kpu.go.id/" + "a" * 200
    assert x_weighted_length(short) == x_weighted_length(long) == len("Lihat ") + 23


HARD_PIECES = [
    *PIECES,
    "\t",
    "\x0b",
    "\x1c",
    "t.co/abc",
    "https://t.co/abcdef?x=1",
    "-kpu.go.id",
    "_x.com",
    "/a.com",
    "a-b.co.id/p?q=1&r=2.",
    "x.com:8080/a",
    "(kpu.go.id)",
    "kpu.go.id.",
    "$a.com",
    "#tag.com",
    "@user.com",
    "https://",
    "..",
    "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.com",
]


def test_fast_length_matches_the_full_parser_on_ascii_posts_full_of_url_edge_cases() -> None:
    rng = random.Random(20261202)
    for _ in range(3000):
        text = "".join(rng.choice(HARD_PIECES) for _ in range(rng.randint(1, 25)))
        if not text.isascii():
            continue
        assert x_weighted_length(text) == parse_tweet(text).weightedLength, repr(text)
