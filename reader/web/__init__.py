"""Articles from the web: pages fetched over HTTP(S) into the page cache, inputs resolved."""
