"""Commands that write the user's files: round-trip YAML, canonical order, atomic writes.

Rule for every writer: a file that does not parse is never rewritten, nothing is written
unless it changes, and every write goes to a temporary file that replaces the original.
"""
