"""Files → documents: discovery, parsing with positions, validation, reference resolution, cache."""
