"""How wide a label is, measured in the font the pictures use (DejaVu Sans).

The layouts are computed in Python for the page and the drawings alike, so they must know
how much room each label takes before any browser sees it. The font file shipped with
matplotlib is read with FreeType: each glyph's unhinted advance (at 72 dpi, so one point
is one pixel), summed without kerning, comes out a fraction of a percent wider than what
Chromium measures for the same text, so a box sized from here never clips.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

FACE = "DejaVu Sans"


#: Glyph advances are read at this size and scaled: widths are linear in the size.
_REFERENCE = 100.0


@lru_cache(maxsize=2)
def _font(bold: bool) -> Any:
    from matplotlib import font_manager, ft2font

    prop = font_manager.FontProperties(family=FACE, weight="bold" if bold else "normal")
    font = ft2font.FT2Font(font_manager.findfont(prop, fallback_to_default=True))
    font.set_size(_REFERENCE, 72)
    return font


@lru_cache(maxsize=4096)
def _advance(char: str, bold: bool) -> float:
    """One glyph's unhinted advance at the reference size (what a browser's canvas uses)."""
    from matplotlib import ft2font

    flags = getattr(ft2font, "LoadFlags", None)
    no_hinting = flags.NO_HINTING if flags is not None else ft2font.LOAD_NO_HINTING
    return _font(bold).load_char(ord(char), flags=no_hinting).linearHoriAdvance / 65536.0


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in pixels of one line of ``text`` at ``size`` pixels (no kerning: a hair wide)."""
    return sum(_advance(c, bold) for c in text) * size / _REFERENCE


def wrap(text: str, size: float, max_width: float, bold: bool = False) -> list[str]:
    """Words in lines no wider than ``max_width`` (a single long word keeps its own line)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            trial = f"{line} {word}" if line else word
            if line and text_width(trial, size, bold) > max_width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return lines


def block_width(lines: list[str], size: float, bold: bool = False) -> float:
    """Width of the widest line."""
    return max((text_width(line, size, bold) for line in lines), default=0.0)
