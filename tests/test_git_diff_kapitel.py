"""Written chapters (kapitel/NN-namn.md) in lsk diff and the history: a changed chapter is a
changed document, its title and changed words marked like any other text."""

from __future__ import annotations

from lsk.history.changed import changed_since_approval
from lsk.history.snapshot import chapter_data
from tests import gitrepos

CHAPTER = "kapitel/01-ledningssystemet.md"
TEXT = """\
# Ledningssystemet

Nämnden beslutar om ledningssystemet.

## Uppföljning

Enhetschefen följer upp rutinerna varje år.

```
## inte en rubrik: kod
```

### Rapportering

Resultatet redovisas för nämnden i kvalitetsberättelsen.
"""


def _approved(lsk, tmp_path) -> gitrepos.Git:
    git = gitrepos.make(tmp_path / "repo")
    git.write(CHAPTER, TEXT)
    git.commit("Kapitel om ledningssystemet")
    result = lsk("faststall", git.root, "--beslut", "SN 2024-04-25 § 79", "--datum", "2024-04-25")
    assert result.code == 0, result.err
    return git


def test_a_chapter_is_read_as_title_number_and_sections():
    data = chapter_data(CHAPTER, TEXT)
    assert data == {"titel": "Ledningssystemet", "ordning": 1, "avsnitt": [
        {"text": "Nämnden beslutar om ledningssystemet."},
        {"rubrik": "Uppföljning",
         "text": "Enhetschefen följer upp rutinerna varje år.\n\n```\n## inte en rubrik: kod\n```"},
        {"rubrik": "Rapportering",
         "text": "Resultatet redovisas för nämnden i kvalitetsberättelsen."}]}
    assert chapter_data("kapitel/07-tomt.md", "")["titel"] == "07-tomt"  # no title: its file


def test_a_changed_chapter_is_in_the_json_and_the_underlag_with_its_words_marked(lsk, tmp_path):
    git = _approved(lsk, tmp_path)
    assert changed_since_approval(git.root) == {}
    git.replace(CHAPTER, "# Ledningssystemet", "# Ledningssystemet och dess syfte")
    git.replace(CHAPTER, "varje år", "varje halvår")
    git.replace(CHAPTER, "### Rapportering", "### Rapportering till nämnden")
    data = lsk("diff", "--rot", git.root, "--format", "json").json
    assert data["summary"] == {"changed": 1, "added": 0, "removed": 0}
    [doc] = data["documents"]
    assert (doc["kind"], doc["id"], doc["path"], doc["title"]) == (
        "kapitel", None, CHAPTER, "Ledningssystemet och dess syfte")
    assert [(c["field_path"], c["change"], c["before"], c["after"]) for c in doc["changes"]] == [
        (["titel"], "andrad", "Ledningssystemet", "Ledningssystemet och dess syfte"),
        (["avsnitt", 1, "text"], "andrad",
         "Enhetschefen följer upp rutinerna varje år.\n\n```\n## inte en rubrik: kod\n```",
         "Enhetschefen följer upp rutinerna varje halvår.\n\n```\n## inte en rubrik: kod\n```"),
        (["avsnitt", 2, "rubrik"], "andrad", "Rapportering", "Rapportering till nämnden")]
    md = lsk("diff", "--rot", git.root).out
    assert "| Kapitel 1 Ledningssystemet och dess syfte | ändrat (3 ändringar) |" in md
    section = md[md.index("## Kapitel 1 Ledningssystemet och dess syfte\n"):]
    assert "- Rubrik: Ledningssystemet **och dess syfte**\n" in section
    assert ("- Avsnitt 2 «Uppföljning», text: Enhetschefen följer upp rutinerna varje ~~år.~~ "
            "**halvår.** \\`\\`\\` \\#\\# inte en rubrik: …\n") in section
    assert "- Avsnitt 3, rubrik: Rapportering **till nämnden**\n" in section
    # the handbook's 'changed since the edition' names processes and routines by id; a chapter
    # is in the diff by its path and carries no id that could be mistaken for one
    changed = changed_since_approval(git.root)
    assert changed is not None and list(changed) == [CHAPTER]
    assert changed[CHAPTER].document.id is None


def test_a_renumbered_chapter_is_the_same_chapter_and_a_new_one_is_new(lsk, tmp_path):
    git = _approved(lsk, tmp_path)
    git("mv", f"ledningssystem/{CHAPTER}", "ledningssystem/kapitel/03-ledningssystemet.md")
    git.write("kapitel/02-styrning.md", "# Styrning\n\nNämnden styr genom mål.\n")
    git.commit("Kapitlet om styrning före")
    data = lsk("diff", "faststalld", "HEAD", "--rot", git.root, "--format", "json").json
    docs = {d["path"]: d for d in data["documents"]}
    moved = docs["kapitel/03-ledningssystemet.md"]
    assert (moved["status"], moved["previous_path"]) == ("andrad", CHAPTER)
    assert [c["field_path"] for c in moved["changes"]] == [["fil"], ["ordning"]]
    assert docs["kapitel/02-styrning.md"]["status"] == "tillagd"
    md = lsk("diff", "faststalld", "HEAD", "--rot", git.root).out
    assert md.index("## Kapitel 2 Styrning") < md.index("## Kapitel 3 Ledningssystemet")
    assert "- Kapitlets nummer: 1 → 3\n" in md and "- Dokumentet är nytt.\n" in md
    assert "Skäl enligt versionshistoriken:\n\n- Kapitlet om styrning före\n" in md


def test_a_chapter_that_is_not_utf8_is_reported_not_crashed_on(lsk, tmp_path):
    git = _approved(lsk, tmp_path)
    (git.root / CHAPTER).write_bytes(b"# Ledningssystemet\n\n\xff\xfe trasig\n")
    md = lsk("diff", "--rot", git.root)
    assert md.code == 0 and "Kan inte jämföras: filen är inte giltig UTF-8" in md.out


def test_the_history_of_a_chapter_names_its_commits(lsk, tmp_path):
    git = _approved(lsk, tmp_path)
    git.replace(CHAPTER, "varje år", "varje halvår")
    git.commit("Uppföljningen görs varje halvår")
    result = lsk("historik", git.root / CHAPTER, git.root, "--alla")
    assert result.code == 0, result.err
    assert "Uppföljningen görs varje halvår" in result.out
    assert "Kapitel om ledningssystemet" in result.out
