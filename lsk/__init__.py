"""lsk – ledningssystem som kod: check, trace and publish a socialnämnd's ledningssystem (SOSFS 2011:9)."""

__version__ = "0.1.0"

HOMEPAGE = "https://github.com/lsk-ledningssystem/lsk"
"""Where lsk is published; SARIF links its rules' help here. Change it here when the project moves."""
