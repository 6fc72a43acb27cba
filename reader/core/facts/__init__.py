"""Facts the articles state (amounts, dates, names) and the discrepancies between them."""
