"""Post text: rendered per channel from the publication, measured as each network measures it.

Over-long text is a `kpu check` error, so it is caught in the pull request, before the merge.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.core import inert
from pipeline.core.model import Publication, channels_of
from pipeline.core.timeutil import aware
from pipeline.messages import publish as msg
from pipeline.publish import x_urls
from pipeline.publish.channels.traits import TRAITS, Limits
from pipeline.site.urls import post_url, post_url_bound

if TYPE_CHECKING:
    from pipeline.check.validate import Context
    from pipeline.publish.channels.base import Channel, Post

MKDOCS_FILE = "mkdocs.yml"
_URL = re.compile(r"https?://\S+")
_HASHTAG = re.compile(r"(?<![\w#])#\w+")
_OTHER_SPACE = re.compile(r"[\t\x0b\x0c\x1c-\x1f]")  # whitespace other than space and newline


def compose_text(publication: Publication, channel: str, url: str, hashtags: Sequence[str]) -> str:
    """The draft's text for this channel (or title and description), the URL, then the hashtags
    that the text does not already contain."""
    return _compose(_written(publication, channel), url, hashtags)


def _compose(body: str, url: str, hashtags: Sequence[str]) -> str:
    parts = [body.strip()]
    if url not in body:
        parts.append(url)
    present = {tag.lower() for tag in _HASHTAG.findall(body)}
    tags = [tag for tag in dict.fromkeys(hashtags) if tag.lower() not in present]
    if tags:
        parts.append(" ".join(tags))
    return "\n\n".join(parts)


def _written(publication: Publication, channel: str) -> str:
    """What the author wrote for this channel, else the title and the description."""
    front = publication.front
    return front.social.for_channel(channel) or f"{front.title}\n\n{front.description}"


def measure(text: str, limits: Limits) -> int:
    """The length the network counts: X by weight, URLs as 23 where the network does so."""
    if limits.weighted:
        return x_weighted_length(text)
    if limits.urls_as is not None:
        text = _URL.sub("x" * limits.urls_as, text)
    return len(text)


def x_weighted_length(text: str) -> int:
    """X's weighted length by the twitter-text rules.

    The full parser costs about 1 ms a post (its emoji scan), too slow for `kpu check` on
    thousands of drafts. ASCII text holds no emoji and weighs 1 per character, so there only
    URLs differ, found with the library's own extractor; other text takes the full parser.
    """
    # twitter-text is imported here, not with the module, and for ASCII text without its emoji
    # tables (pipeline/publish/x_urls.py): `kpu --help` or a check without X never pays for it
    if not text.isascii():
        from twitter_text import parse_tweet

        return int(parse_tweet(text).weightedLength)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _OTHER_SPACE.search(text):
        urls = [u["url"] for u in x_urls.extract_urls_with_indices(text)]
    else:
        # A URL never spans a space or a line break and needs a dot, and a word's start reads
        # to the extractor as the start of the text (both are valid preceding characters): so
        # only the words with a dot are scanned, not the whole post (a randomized test checks
        # that the length agrees with the full parser).
        words = text.replace("\n", " ").split(" ")
        urls = [u["url"] for w in words if "." in w for u in x_urls.extract_urls_with_indices(w)]
    return len(text) - sum(map(len, urls)) + x_urls.url_weight() * len(urls)


def hashtag_count(text: str) -> int:
    return len(_HASHTAG.findall(text))


def render_post(channel: Channel, publication: Publication, url: str) -> Post:
    """The post exactly as `channel` will send it, image included."""
    from pipeline.publish.channels.base import Post  # the channel modules: only to post
    from pipeline.site import card  # Pillow, only when posts are made

    channel = channel.voice()
    config = channel.config
    text = compose_text(publication, channel.name, url, config.channels.hashtags)
    images = card.social_images(channel.root, config, publication)
    image = images.square if channel.square_image else images.wide
    image_url = config.base_url + card.site_path(publication.slug) if channel.square_image else None
    return Post(
        channel=channel.name,
        slug=publication.slug,
        text=text,
        link=url,
        key=f"kpu-{publication.slug}-{channel.name}",
        image=image,
        image_url=image_url,
        alt=publication.front.image_alt or publication.front.title,
    )


def publication_url(ctx: Context, publication: Publication, strict: bool = True) -> str:
    """The page URL; a draft, not dated yet, is placed as if published today.

    Not `strict` (checking drafts): when mkdocs.yml cannot be read, `kpu build` reports that, so
    the lengths are measured with a URL of the usual size instead.
    """
    try:
        return post_url(ctx.config.base_url, ctx.root / MKDOCS_FILE, publication, when=_today(ctx))
    except (Exception, SystemExit) as exc:
        from mkdocs.exceptions import MkDocsException  # only once something went wrong

        expected = (MkDocsException, SystemExit, OSError, ValueError, KeyError)
        if strict or not isinstance(exc, expected):
            raise
        return f"{ctx.config.base_url}publikasi/{_today(ctx):%Y}/{publication.slug}/"


def _url_bound(ctx: Context, publication: Publication) -> str | None:
    """`post_url_bound` of the publication, or None whenever the real URL must be computed
    (the date pattern needs babel, mkdocs.yml cannot be read: `publication_url` decides)."""
    try:
        return post_url_bound(ctx.config.base_url, _mkdocs_file(ctx.root), publication)
    except (Exception, SystemExit):
        return None


@functools.lru_cache(maxsize=8)
def _mkdocs_file(root: Path) -> Path:
    """One Path object per root: the blog settings are looked up by it for every draft."""
    return root / MKDOCS_FILE


def surely_within(text: str, limits: Limits) -> bool:
    """True when `text` is certainly within `limits` however its URLs are counted: an upper bound
    of `measure`, without twitter-text. Each URL X or Mastodon counts as `urls_as` is at least
    one `.` (X: ASCII text, a domain has one) or one `http` (Mastodon) of the text, and replaces
    at least one character; a hashtag starts with `#`. False says nothing: measure it."""
    bound = len(text)
    if limits.weighted:
        if not text.isascii() or limits.urls_as is None:
            return False
        bound += limits.urls_as * text.count(".")
    elif limits.urls_as is not None:
        bound += limits.urls_as * text.count("http")
    if limits.hashtags is not None and text.count("#") > limits.hashtags:
        return False
    return bound <= limits.text


def problems_of(text: str, name: str) -> list[str]:
    """Indonesian messages for every limit of channel `name` that `text` breaks."""
    limits = TRAITS[name].limits
    label = TRAITS[name].label
    found = []
    length = measure(text, limits)
    if length > limits.text:
        how = msg.HOW_X_COUNTS if limits.weighted else msg.HOW_URLS_COUNT if limits.urls_as else ""
        found.append(
            msg.POST_TOO_LONG.format(
                label=label, length=length, limit=limits.text, how=how, key=name
            )
        )
    tags = hashtag_count(text) if limits.hashtags is not None else 0
    if limits.hashtags is not None and tags > limits.hashtags:
        found.append(
            msg.TOO_MANY_HASHTAGS.format(label=label, count=tags, limit=limits.hashtags, key=name)
        )
    return found


def check_posts(ctx: Context, publication: Publication) -> list[tuple[str, str]]:
    """(channel, message) for every channel whose rendered post breaks that network's limits.

    Most drafts are far below every limit: each channel's post is first composed with a URL at
    least as long as the real one (`post_url_bound`), and only a post that may come near the
    limit is composed with the real URL and measured as the network measures it.
    """
    hashtags = ctx.config.channels.hashtags
    bound = _url_bound(ctx, publication)
    prefix = ctx.config.base_url.rstrip("/") + "/"  # what both URLs start with
    url: str | None = None
    bounded: dict[str, str] = {}  # channels mostly share one text: composed once
    result: list[tuple[str, str]] = []
    for name in channels_of(publication, ctx.config.channels.enabled):
        written = _written(publication, name)
        if bound is not None and prefix not in written:
            # neither URL is in the text, so both are appended: the bound's post is the longer
            if written not in bounded:
                bounded[written] = _compose(written, bound, hashtags)
            if surely_within(bounded[written], TRAITS[name].limits):
                continue
        if url is None:
            url = publication_url(ctx, publication, strict=False)
        text = compose_text(publication, name, url, hashtags)
        result.extend((name, problem) for problem in problems_of(text, name))
    return result


def preview_markdown(publications: Iterable[Publication], ctx: Context) -> str:
    """Each publication's post per channel, with its length and limit, for the PR comment.

    Draft text is shown inert: the title escaped, each post in a fence it cannot close.
    """
    hashtags = ctx.config.channels.hashtags
    lines = [msg.PREVIEW_TITLE, ""]
    count = 0
    for publication in publications:
        count += 1
        url = publication_url(ctx, publication)
        title = inert.text(publication.front.title)
        lines += [f"#### {title}", "", msg.PREVIEW_PAGE.format(url=inert.code(url)), ""]
        for name in channels_of(publication, ctx.config.channels.enabled):
            limits = TRAITS[name].limits
            text = compose_text(publication, name, url, hashtags)
            length = measure(text, limits)
            mark = "✅" if not problems_of(text, name) else "❌"
            lines.append(
                msg.PREVIEW_CHANNEL.format(
                    mark=mark, label=TRAITS[name].label, length=length, limit=limits.text
                )
            )
            if name == "x":
                from pipeline.publish.quotas import (
                    x_post_cost,  # the ledger's locks: PR comments only
                )

                cost = f"{x_post_cost(text):.3f}".rstrip("0").replace(".", ",")
                lines += ["", msg.PREVIEW_X_COST.format(usd=cost)]
            lines += ["", inert.block(text), ""]
            tags = " ".join(inert.code(tag) for tag in dict.fromkeys(_HASHTAG.findall(text)))
            from pipeline.site import card  # Pillow, only when a comment shows the images

            wide, square = card.preview_paths(publication)
            image = square if TRAITS[name].square_image else wide
            lines += [
                msg.PREVIEW_LINK.format(url=inert.code(url) if url in text else "-"),
                msg.PREVIEW_TAGS.format(tags=tags or "-"),
                msg.PREVIEW_IMAGE.format(path=inert.code(image)),
                "",
            ]
    if not count:
        lines.append(msg.PREVIEW_NONE)
    return "\n".join(lines).rstrip() + "\n"


def _today(ctx: Context) -> dt.datetime:
    return aware(ctx.today, ctx.config.tz)
