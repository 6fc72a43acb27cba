"""What the reader and the reports show of a Story, computed once for both.

Tallies of warnings, overlap shares, text made printable: display helpers, not analysis.
"""
