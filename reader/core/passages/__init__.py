"""Shared passages: runs of text that articles reuse from each other."""
