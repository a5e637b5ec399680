"""Derived views of the model that rules, trace and reports share (coverage, self-assessment)."""
