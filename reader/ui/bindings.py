"""Every key of the reader in one place: ids are stable, so a user keymap can rebind them."""

from __future__ import annotations

from textual.binding import Binding

MOVE = Binding.Group("Move")
JUMP = Binding.Group("Jump")
VIEW = Binding.Group("View")
NOTES = Binding.Group("Notes")
REVIEW = Binding.Group("Review")

READER_BINDINGS: list[Binding] = [
    Binding(
        "j,down",
        "next_sentence",
        "Sentence ↓",
        id="next-sentence",
        key_display="j",
        group=MOVE,
        tooltip="Move the cursor to the next sentence of the focused article.",
    ),
    Binding(
        "k,up",
        "previous_sentence",
        "Sentence ↑",
        id="previous-sentence",
        key_display="k",
        group=MOVE,
        tooltip="Move the cursor to the previous sentence of the focused article.",
    ),
    Binding(
        "l,right,tab",
        "next_column",
        "Column →",
        id="next-column",
        key_display="l",
        group=MOVE,
        tooltip="Focus the next article; the columns page sideways when needed.",
    ),
    Binding(
        "h,left,shift+tab",
        "previous_column",
        "Column ←",
        id="previous-column",
        key_display="h",
        group=MOVE,
        tooltip="Focus the previous article; the columns page sideways when needed.",
    ),
    Binding(
        "space,pagedown,ctrl+d",
        "page_down",
        "Page ↓",
        id="page-down",
        show=False,
        tooltip="Move the cursor a screenful down.",
    ),
    Binding(
        "b,pageup,ctrl+u",
        "page_up",
        "Page ↑",
        id="page-up",
        show=False,
        tooltip="Move the cursor a screenful up.",
    ),
    Binding(
        "g,home",
        "first_sentence",
        "First",
        id="first-sentence",
        show=False,
        tooltip="Move to the first sentence of the focused article.",
    ),
    Binding(
        "G,end",
        "last_sentence",
        "Last",
        id="last-sentence",
        show=False,
        tooltip="Move to the last sentence of the focused article.",
    ),
    Binding(
        "n,right_square_bracket",
        "next_claim",
        "Next claim",
        id="next-claim",
        key_display="n",
        group=JUMP,
        tooltip="Next sentence that other articles also report.",
    ),
    Binding(
        "p,left_square_bracket",
        "previous_claim",
        "Prev claim",
        id="previous-claim",
        key_display="p",
        group=JUMP,
        tooltip="Previous sentence that other articles also report.",
    ),
    Binding(
        "enter",
        "cycle_correspondence",
        "Other version",
        id="cycle-correspondence",
        key_display="⏎",
        group=JUMP,
        tooltip="Move to this claim in the next article that reports it, "
        "cycling through all of them.",
    ),
    Binding(
        "w",
        "next_warning",
        "Warning",
        id="next-warning",
        group=JUMP,
        tooltip="Next warning (translation artifact or text error), in reading order.",
    ),
    Binding(
        "W",
        "previous_warning",
        "Prev warning",
        id="previous-warning",
        show=False,
        tooltip="Previous warning, in reading order.",
    ),
    Binding(
        "d",
        "next_discrepancy",
        "Discrepancy",
        id="next-discrepancy",
        group=JUMP,
        tooltip="Next fact the articles state differently.",
    ),
    Binding(
        "D",
        "previous_discrepancy",
        "Prev discrepancy",
        id="previous-discrepancy",
        show=False,
        tooltip="Previous discrepancy.",
    ),
    Binding(
        "slash",
        "search",
        "Search",
        id="search",
        group=JUMP,
        tooltip="Search every article; the results can be walked with > and <.",
    ),
    Binding(
        "greater_than_sign",
        "next_hit",
        "Next hit",
        id="next-hit",
        show=False,
        tooltip="Next search result.",
    ),
    Binding(
        "less_than_sign",
        "previous_hit",
        "Prev hit",
        id="previous-hit",
        show=False,
        tooltip="Previous search result.",
    ),
    Binding(
        "i",
        "toggle_inspector",
        "Inspector",
        id="toggle-inspector",
        group=VIEW,
        tooltip="Show or hide the claim inspector: every version of this claim, diffed.",
    ),
    Binding(
        "o",
        "overview",
        "Overview",
        id="overview",
        group=VIEW,
        tooltip="Overlap heat map, per-article bars, all discrepancies, warnings and claims.",
    ),
    Binding(
        "z",
        "toggle_zoom",
        "Zoom",
        id="toggle-zoom",
        group=VIEW,
        tooltip="Show only the focused article and its closest counterpart (again: all).",
    ),
    Binding(
        "f",
        "toggle_furniture",
        "Furniture",
        id="toggle-furniture",
        show=False,
        tooltip="Show or hide page furniture (bylines, share buttons...) dimmed.",
    ),
    Binding(
        "m",
        "toggle_minor",
        "Minor marks",
        id="toggle-minor",
        show=False,
        tooltip=(
            "Hide or show minor (info) marks (remembered); while hidden, w / W walk warnings only."
        ),
    ),
    Binding(
        "a",
        "annotate",
        "Note",
        id="annotate",
        group=NOTES,
        tooltip="Write a note on this sentence; ctrl+s stores it at once.",
    ),
    Binding(
        "e",
        "edit_note",
        "Edit note",
        id="edit-note",
        show=False,
        group=NOTES,
        tooltip="Edit the note on this sentence (the latest changed, if several).",
    ),
    Binding(
        "N",
        "notes",
        "Notes",
        id="notes",
        group=NOTES,
        tooltip="List the story's notes: filter, jump, edit, delete.",
    ),
    Binding(
        "u",
        "undo",
        "Undo",
        id="undo",
        show=False,
        group=NOTES,
        tooltip="Undo this session's last note or review change.",
    ),
    Binding(
        "v",
        "review('verified')",
        "Verified",
        id="review-verified",
        group=REVIEW,
        tooltip="Mark the current claim verified.",
    ),
    Binding(
        "x",
        "review('disputed')",
        "Disputed",
        id="review-disputed",
        group=REVIEW,
        tooltip="Mark the current claim disputed.",
    ),
    Binding(
        "c",
        "review('unclear')",
        "Unclear",
        id="review-unclear",
        show=False,
        group=REVIEW,
        tooltip="Mark the current claim unclear.",
    ),
    Binding(
        "0",
        "review('')",
        "Clear mark",
        id="review-clear",
        show=False,
        group=REVIEW,
        tooltip="Remove the current claim's review mark.",
    ),
    Binding(
        "r",
        "next_unreviewed",
        "Unreviewed",
        id="next-unreviewed",
        group=REVIEW,
        tooltip="Jump to the next claim not yet reviewed.",
    ),
    Binding(
        "escape",
        "back",
        "Back",
        id="back",
        show=False,
        tooltip="Back out one step: close the inspector, clear the search, leave zoom.",
    ),
]

APP_BINDINGS: list[Binding] = [
    Binding(
        "f1,question_mark", "help", "Help", id="help", tooltip="List every key and what it does."
    ),
    Binding(
        "ctrl+p",
        "command_palette",
        "Commands",
        id="command-palette",
        show=False,
        tooltip="Every action and theme, searchable.",
    ),
    Binding(
        "T",
        "cycle_theme",
        "Theme",
        id="cycle-theme",
        show=False,
        tooltip="Switch to the next theme (remembered).",
    ),
    Binding("q", "quit", "Quit", id="quit", tooltip="Quit samestory."),
]


def key_display(key: str) -> str:
    """How a key string reads in help: 'right_square_bracket' -> ']'."""
    names = {
        "right_square_bracket": "]",
        "left_square_bracket": "[",
        "slash": "/",
        "question_mark": "?",
        "greater_than_sign": ">",
        "less_than_sign": "<",
        "space": "Space",
        "enter": "Enter",
        "escape": "Esc",
        "tab": "Tab",
        "shift+tab": "Shift+Tab",
        "pagedown": "PgDn",
        "pageup": "PgUp",
        "home": "Home",
        "end": "End",
        "up": "↑",
        "down": "↓",
        "left": "←",
        "right": "→",
    }
    return ", ".join(names.get(k.strip(), k.strip()) for k in key.split(","))


# Every id a user's [keymap] may rebind (config.toml entries naming another are reported).
ACTION_IDS: frozenset[str] = frozenset(
    b.id for b in (*READER_BINDINGS, *APP_BINDINGS) if isinstance(b, Binding) and b.id
)


def all_action_ids() -> frozenset[str]:
    """ACTION_IDS and the ids of the other screens' and dialogs' bindings (imported here, so
    only when a keymap names an id the reader's own bindings do not have)."""
    from reader.ui.dialogs.confirm import Confirm
    from reader.ui.dialogs.note_editor import NoteEditor
    from reader.ui.dialogs.search import SearchDialog
    from reader.ui.screens.notes import NotesScreen
    from reader.ui.screens.overview import OverviewScreen

    found = set(ACTION_IDS)
    for screen in (Confirm, NoteEditor, SearchDialog, NotesScreen, OverviewScreen):
        found.update(b.id for b in screen.BINDINGS if isinstance(b, Binding) and b.id)
    return frozenset(found)
