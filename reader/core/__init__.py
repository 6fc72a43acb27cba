"""The analysis engine: plain data in, plain dataclasses out. No Textual here."""
