"""Limits that keep a malicious or broken file from exhausting time or memory (documented in README)."""

MAX_FILE_BYTES = 1_048_576
"""Largest file the loader reads: 1 MiB, far above any real routine or process."""

MAX_DEPTH = 40
"""Deepest nesting of mappings and lists; real documents stay below 8."""

MAX_ALIAS_NODES = 10_000
"""Values that aliases (``*ankare``) may copy into one file in total: stops 'billion laughs'."""

MAX_FOLDER_DEPTH = 20
"""Deepest folder under the root that is read; documents lie one or two levels down. Bounds the
walk (a thousand nested folders once exhausted the stack) and the length of every path."""

MAX_DOCUMENTS = 50_000
"""Most YAML files read under one root."""

MAX_FINDINGS_PER_CODE = 100
"""Diagnostics shown per file and code; the rest are counted in one line (a file with 90,000
unknown keys would otherwise take half a minute and write hundreds of MB of JSON)."""
