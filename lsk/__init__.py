"""lsk – ledningssystem som kod: check, trace and publish a socialnämnd's ledningssystem (SOSFS 2011:9)."""

__version__ = "0.1.0"
