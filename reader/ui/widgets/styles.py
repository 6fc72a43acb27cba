"""Styles of a widget's component classes as overlays for Content spans.

Widget.get_visual_style(partial=True) drops an opaque background (it blends by 1 - alpha), so
overlays are built here from the component's rules: colour, background and text style only.
"""

from __future__ import annotations

from textual.style import Style
from textual.widget import Widget


def overlay_style(widget: Widget, component: str) -> Style:
    styles = widget.get_component_styles(component)
    text_style = styles.text_style
    return Style(
        background=styles.background if styles.has_rule("background") else None,
        foreground=styles.color if styles.has_rule("color") else None,
        bold=True if text_style.bold else None,
        dim=True if text_style.dim else None,
        italic=True if text_style.italic else None,
        underline=True if text_style.underline else None,
        reverse=True if text_style.reverse else None,
        strike=True if text_style.strike else None,
    )
