"""The samestory command line: the reader, reports, notes in and out."""
