"""Building the site: `build` stages the docs tree with everything generated (`staging`,
`generate`: regulation pages, DIP, Arsip Link Aktif, home lists, feeds, cards, office identity)
and runs the engine, MkDocs + Material or Zensical; what only MkDocs has lives in its plugin
(`plugin`), with the build cache that reuses what did not change between runs (`render_cache`,
`cached_render`, `page_cache`, `cached_derived`, `cached_templates`) and the blog excerpts
converted once per build (`excerpt_memo`); a failed build is told in Indonesian (`build_log`);
the pull request's preview site is built the same way (`preview`).
"""
