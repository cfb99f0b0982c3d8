"""A template's loop over one context list, cut out of the template so that it can be rendered apart.

The LKIP's Daftar Isi lists the headings the rendered report prints, so the list it loops over is
only known once the rest of the report is rendered. Rendering the report twice (once for its
headings, once with its Daftar Isi) costs a whole render; instead the rest is rendered once with a
marker where the loop was, and the loop alone, with the list, replaces the marker
(tasks.reporting.render.render_docx_listing).

That gives the very text of a render of the whole template only when the loop renders the same
alone as in place, which is checked here on Jinja's own tokens; a template that does not pass is
rendered twice, as before:
- the list's name appears once in the template: as the loop's iterable;
- the loop is in no other block than `if`s (not in a loop, macro, call, filter or `with`);
- the template assigns nothing (no set, macro, import, include, block or extends): every name the
  loop reads then comes from the context, as it does in place;
- the loop's own tags strip no whitespace around them (`{%-`, `-%}`, `+`) and the environment trims
  none (trim_blocks, lstrip_blocks): the text around the loop is then the same with the marker.
"""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

_ASSIGNING = frozenset({"set", "endset", "macro", "call", "import", "from", "include", "block", "extends", "with",
                        "filter", "autoescape"})
_SCOPES = frozenset({"for", "if", "macro", "call", "filter", "with", "block", "autoescape", "set"})


@dataclass(frozen=True)
class LoopSplit:
    """A template source as (before, loop, after): before + loop + after is the source; `loop` runs
    from its `{% for %}` through its `{% endfor %}`."""

    before: str
    loop: str
    after: str


def split_loop(source: str, env: jinja2.Environment, name: str) -> LoopSplit | None:
    """The loop of `source` over the context list `name`, when it renders alone as in place (module
    docstring); None otherwise, or when the source does not lex."""
    if env.trim_blocks or env.lstrip_blocks or getattr(env, "line_statement_prefix", None):
        return None
    try:
        tokens = list(env.lex(source))
    except jinja2.TemplateSyntaxError:
        return None
    if sum(1 for _, kind, value in tokens if kind in ("name", "string") and name in value) != 1:
        return None
    offsets, at = [], 0
    for _, _, value in tokens:
        offsets.append(at)
        at += len(value)
    if at != len(source):  # the lexer gives the source back token by token; anything else is not understood
        return None
    start = end = None
    open_blocks: list[str] = []
    for index, (_, kind, value) in enumerate(tokens):
        if kind != "block_begin":
            continue
        words = _tag_words(tokens, index)
        if not words:
            return None
        tag = words[0]
        if tag in _ASSIGNING:
            return None
        if tag == "for" and start is None and "in" in words and words[words.index("in") + 1:][:1] == [name]:
            if any(block != "if" for block in open_blocks) or not _plain(tokens, index):
                return None
            start, depth = index, len(open_blocks)
        if tag in _SCOPES:
            open_blocks.append(tag)
        elif tag.startswith("end"):
            if not open_blocks or open_blocks.pop() != tag[3:]:
                return None
            if start is not None and end is None and len(open_blocks) == depth:
                if not _plain(tokens, index):
                    return None
                end = _block_end(tokens, index)
    if start is None or end is None or open_blocks:
        return None
    first, last = offsets[start], offsets[end] + len(tokens[end][2])
    return LoopSplit(source[:first], source[first:last], source[last:])


def _tag_words(tokens: list, index: int) -> list[str]:
    """The names of the block tag opening at tokens[index] ('for', 'e', 'in', 'daftar_isi')."""
    words = []
    for _, kind, value in tokens[index + 1:]:
        if kind == "block_end":
            break
        if kind == "name":
            words.append(value)
    return words


def _block_end(tokens: list, index: int) -> int:
    return next(i for i in range(index + 1, len(tokens)) if tokens[i][1] == "block_end")


def _plain(tokens: list, index: int) -> bool:
    """The block tag at tokens[index] is written `{% … %}`: it strips no whitespace around it."""
    return tokens[index][2] == "{%" and tokens[_block_end(tokens, index)][2] == "%}"
