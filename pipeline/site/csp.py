"""The site's Content-Security-Policy, sent as a <meta http-equiv> tag by the theme override.

Scripts come from the site only (the theme's inline scripts are files, see scripts/), so an
injected <script> or on*= handler never runs even if it got past the sanitiser. The only inline
styles allowed are the exact column alignments Markdown tables write (and Material's tag list).
"""

from __future__ import annotations

import base64
import hashlib

# The style attribute values the sanitiser leaves (it rewrites them without spaces) and
# Material's tags listing writes.
INLINE_STYLES = (
    "text-align:left",
    "text-align:center",
    "text-align:right",
    "list-style-type:none",
)


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy() -> str:
    styles = " ".join(_hash(style) for style in INLINE_STYLES)
    directives = [
        "default-src 'self'",
        "script-src 'self'",
        f"style-src 'self' 'unsafe-hashes' {styles}",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self'",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    return "; ".join(directives)
