"""Claims: sentences of different articles that report the same thing, and how they are found."""
