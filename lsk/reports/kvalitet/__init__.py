"""The kvalitetsberättelse: figures computed from the year's records, then rendered."""
