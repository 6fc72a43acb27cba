"""Words, tokens, spans and word statistics that every stage shares."""
