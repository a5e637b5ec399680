"""The ledningssystem over time, read from git: approved editions, snapshots, semantic diffs.

* ``editions``: approved editions are annotated tags ``faststalld/<datum>`` with YAML metadata;
* ``snapshot``: the documents of a commit or of the working tree, parsed by lsk's own reader;
* ``semdiff``: what changed between two snapshots, field by field, described in Swedish;
* ``changed``: what changed since the latest approval (for the handbook) and the files that
  ``lsk check --changed-since`` reports on.

All git access goes through ``lsk.gitrepo``; outside git it raises ``GitUnavailable`` (exit 2).
"""
