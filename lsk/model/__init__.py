"""The pydantic domain model: one module per document kind, and the kind registry in ``kinds``."""
