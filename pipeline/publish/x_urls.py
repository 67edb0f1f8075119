"""twitter-text's URL extractor and X's URL weight, loaded without the package's `__init__`.

`import twitter_text` (and so any of its submodules) first runs the package's `__init__`, which
imports `parse_tweet` and compiles the emoji expression: about 0.16 s that `kpu check` paid
before measuring a single ASCII post, where only URLs are weighed differently. This module
imports the two submodules it needs with the package entry held aside, then removes it again,
so that a later `import twitter_text` (non-ASCII text, the full parser) runs `__init__` as usual
and reuses the same, already loaded submodules: the functions are the library's own.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import sys
from collections.abc import Callable
from typing import Any

PACKAGE = "twitter_text"


@functools.cache
def _load() -> tuple[Callable[[str], list[dict[str, Any]]], int]:
    if PACKAGE in sys.modules:  # already imported in full: use it
        urls = importlib.import_module(f"{PACKAGE}.extract_urls")
        config = importlib.import_module(f"{PACKAGE}.config")
    else:
        spec = importlib.util.find_spec(PACKAGE)
        if spec is None or spec.submodule_search_locations is None:
            raise ImportError(PACKAGE)
        package = importlib.util.module_from_spec(spec)  # created, its __init__ not run
        sys.modules[PACKAGE] = package
        try:
            urls = importlib.import_module(f"{PACKAGE}.extract_urls")
            config = importlib.import_module(f"{PACKAGE}.config")
        finally:
            if sys.modules.get(PACKAGE) is package:
                del sys.modules[PACKAGE]
    weight = int(config.config["defaults"]["transformed_url_length"])
    return urls.extract_urls_with_indices, weight


def extract_urls_with_indices(text: str) -> list[dict[str, Any]]:
    """twitter-text's `extract_urls_with_indices(text)`."""
    return _load()[0](text)


def url_weight() -> int:
    """What X counts for each URL (twitter-text's `transformed_url_length`)."""
    return _load()[1]
