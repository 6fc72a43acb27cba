"""Reading articles: bytes to text (any encoding), Markdown, metadata, page furniture hidden."""
