"""Reports derived from the model (trace matrix; later the handbook and kvalitetsberättelse)."""
