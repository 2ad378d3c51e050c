"""`brief speakers` (table, JSON, outline entries) and the speaker warnings of
`brief check`."""

from __future__ import annotations

import json

import yaml

from pipeline.build import BuildOptions, build_brief
from pipeline.speakers import Speaker
from pipeline.speakers.report import FREQUENT_SPEAKER_STATEMENTS, ROLE_WIDTH, speakers_yaml

from .conftest import DEMO_CORPUS, DEMO_OUTLINE, run_cli

JSON_KEYS = ["id", "name", "kind", "role", "roles", "tags", "affiliation", "statements",
             "sources", "docs", "actor", "matched_by", "variants"]

# Four articles: one person under three forms across them ("Christopher Burman", "Chris
# Burman", "Burman"), another whose surname alone is written in a second article
# ("Lopez"), a third sharing the first one's surname, and a group.
UNASSIGNED = {
    "a.txt": "Tax plan under fire\n\n"
             "Christopher Burman, an economist at the Tax Policy Center, said the plan would "
             "cost $1 trillion over a decade.\n\n"
             "Christopher Burman said the estimate was conservative and could rise.\n\n"
             "Maria Lopez, a voter in Toledo, said the economy mattered most to her family.\n",
    "b.txt": "Economists doubt the numbers\n\n"
             "Chris Burman said the campaign had not answered questions about the deficit.\n\n"
             "Lopez said she had not decided whom to support in the race.\n",
    "c.txt": "A new voter\n\n"
             "Alice Burman, a teacher in Ohio, said she would vote for the first time this "
             "year.\n",
    "e.txt": "The estimate\n\n"
             "Burman, the economist, said the deficit would grow by half a trillion dollars.\n",
}
UNASSIGNED_OUTLINE = ("title: T\ncorpus: corpus\nactors:\n"
                      "  - {id: voices, title: Voices, descriptors: [observers]}\n")

TWO_CLINTONS = {
    "a.txt": "Campaign trail\n\n"
             "Hillary Clinton said on Monday that the plan would lower costs for working "
             "families.\n\n"
             "Bill Clinton said the campaign would win in Ohio and Pennsylvania this fall.\n",
}
NOMINEE = {
    "a.txt": "Running mates\n\n"
             "Mike Pence, the Republican nominee for vice president, said the plan would "
             "raise taxes.\n\n"
             "Tim Kaine, the Democratic nominee for vice president, said the plan would "
             "cut them.\n",
}
FREQUENT = {
    "b.txt": "A voter decides\n\n"
             "Maria Lopez, a voter in Toledo, said the economy mattered most to her family.\n\n"
             "“I want lower prices,” Maria Lopez said.\n\n"
             "Lopez said she had not decided whom to support.\n\n"
             "“Taxes are too high,” said Maria Lopez.\n\n"
             "Maria Lopez said her neighbours felt the same way about the race.\n\n"
             "Ms. Lopez added that she would watch the debate on Tuesday night.\n",
}


def _warnings(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("brief: warning:")]


# ---------------------------------------------------------------------- the demo


def test_speakers_table_is_aligned_sorted_and_cuts_long_roles(demo_result):
    code, out, err = run_cli("speakers", str(DEMO_OUTLINE), "-q")
    assert code == 0 and err == ""
    header, *rows = out.splitlines()
    speakers = demo_result.speakers.speakers
    assert header.split()[:3] == ["NAME", "KIND", "ROLE"] and header.endswith("ID")
    assert len(rows) == len(speakers)
    id_at = header.index("ID")
    ids = [row[id_at:] for row in rows]
    assert sorted(ids) == sorted(s.id for s in speakers)  # one row each, ids whole
    at = header.index("STATEMENTS")
    statements = [int(row[at:at + len("STATEMENTS")]) for row in rows]
    assert statements == sorted(statements, reverse=True)
    rubin = next(row for row in rows if row.endswith("p:barnett-rubin"))
    assert "a senior former State Department" in rubin and "…" in rubin
    assert "on Afghanistan and Pakistan" not in rubin  # cut to ROLE_WIDTH
    assert "analysts (member)" in rubin
    taliban = next(row for row in rows if row.endswith("g:taliban"))
    assert "taliban (affiliation)" in taliban and " Taliban " in taliban
    role_at, affiliation_at = header.index("ROLE"), header.index("AFFILIATION")
    assert all(len(row[role_at:affiliation_at].rstrip()) <= ROLE_WIDTH for row in rows)
    assert all(row[affiliation_at - 2:affiliation_at] == "  " for row in rows)  # aligned


def test_speakers_json_is_every_speaker_in_a_stable_order(demo_result):
    code, out, _ = run_cli("speakers", str(DEMO_OUTLINE), "--format", "json", "-q")
    assert code == 0
    rows = json.loads(out)
    assert all(list(row) == JSON_KEYS for row in rows)
    assert [(r["statements"], r["name"]) for r in rows] == sorted(
        ((r["statements"], r["name"]) for r in rows), key=lambda sn: (-sn[0], sn[1]))
    assert {r["id"] for r in rows} == {s.id for s in demo_result.speakers.speakers}
    by_id = {r["id"]: r for r in rows}
    khan = by_id["p:imran-khan"]
    assert khan["actor"] == "pakistani_officials" and khan["matched_by"] == "member"
    assert khan["role"] == "Pakistani Prime Minister" and "Prime Minister" in khan["roles"]
    assert khan["sources"] == len(khan["docs"]) == 4
    assert by_id["g:taliban"]["affiliation"] == "Taliban"
    assert by_id["p:imran-khan"]["affiliation"] is None
    rubin = by_id["p:barnett-rubin"]["role"]
    assert rubin.endswith("on Afghanistan and Pakistan")  # never cut in JSON
    journalists = by_id["g:journalists"]
    assert journalists["actor"] is None and journalists["matched_by"] is None
    assert run_cli("speakers", str(DEMO_OUTLINE), "--format", "json", "-q")[1] == out


def test_speakers_yaml_of_the_demo_lists_the_speakers_of_no_actor(demo_result):
    code, out, _ = run_cli("speakers", str(DEMO_OUTLINE), "--format", "yaml", "-q")
    assert code == 0
    data = yaml.safe_load(out)
    speakers = demo_result.speakers.speakers
    assert {m["name"] for m in data["members"]} == {
        s.name for s in speakers if s.actor is None and s.kind == "person"}
    assert set(data["descriptors"]) == {
        s.name for s in speakers if s.actor is None and s.kind == "group"}
    assert "Imran Khan" not in {m["name"] for m in data["members"]}
    nazar = next(line for line in out.splitlines() if '"Khan Nazar"' in line)
    assert "# an Afghan refugee in Karachi; 2 statements in 1 source" in nazar
    assert run_cli("speakers", str(DEMO_OUTLINE), "--format", "yaml", "-q")[1] == out


def test_speakers_yaml_members_pasted_into_the_demo_join_that_actor(tmp_path):
    _, out, _ = run_cli("speakers", str(DEMO_OUTLINE), "--format", "yaml", "-q")
    members = yaml.safe_load(out)["members"]
    outline = yaml.safe_load(DEMO_OUTLINE.read_text(encoding="utf-8"))
    outline["corpus"] = str(DEMO_CORPUS)
    outline["actors"].append({"id": "others", "title": "Others", "members": members})
    path = tmp_path / "outline.yaml"
    path.write_text(yaml.safe_dump(outline, allow_unicode=True), encoding="utf-8")
    speakers = build_brief(path, options=BuildOptions(cache=False)).speakers.speakers
    joined = {s.name: (s.actor, s.matched_by) for s in speakers
              if s.name in {m["name"] for m in members}}
    assert len(joined) == len(members)
    assert set(joined.values()) == {("others", "member")}


# ------------------------------------------------------------ small corpora


def test_speakers_yaml_aliases_and_descriptors_make_a_rebuild_find_the_actor(make_corpus):
    outline = make_corpus(UNASSIGNED, outline=UNASSIGNED_OUTLINE)
    code, out, _ = run_cli("speakers", str(outline), "--format", "yaml", "--no-cache", "-q")
    assert code == 0
    data = yaml.safe_load(out)
    aliases = {m["name"]: m.get("aliases", []) for m in data["members"]}
    # a full form, and a surname no one else has; never "Burman", which Alice shares
    assert aliases == {"Christopher Burman": ["Chris Burman"], "Maria Lopez": ["Lopez"],
                       "Alice Burman": []}
    assert data["descriptors"] == ["Economists"]
    text = outline.read_text(encoding="utf-8").replace(
        "descriptors: [observers]}", "descriptors: [observers]}\n"
        "  - id: found\n    title: Found\n" + "\n".join(
            "    " + line for line in yaml.safe_dump(
                {"members": data["members"], "descriptors": data["descriptors"]}).splitlines()))
    outline.write_text(text + "\n", encoding="utf-8")
    speakers = build_brief(outline, options=BuildOptions(cache=False)).speakers.speakers
    assert {s.name: (s.actor, s.matched_by) for s in speakers} == {
        "Christopher Burman": ("found", "member"), "Maria Lopez": ("found", "member"),
        "Alice Burman": ("found", "member"), "Economists": ("found", "descriptor")}
    code, out, _ = run_cli("speakers", str(outline), "--format", "yaml", "--no-cache", "-q")
    assert yaml.safe_load(out) == {"members": [], "descriptors": []}


def test_speakers_yaml_quotes_what_the_corpus_writes():
    hostile = ['He said: "no" # really', "Line\nbreak: value", "x\u2028- y: z",
               "\x1b[31mred", "O’Brien \\ 'quoted'", "- item", "null", "&anchor *alias"]
    speakers = tuple(
        Speaker(id=f"p:{n}", name=name, kind="person", role=name, roles=(name,), tags=(),
                actor=None, matched_by="", statements=1, docs=(name,),
                variants=(name,))
        for n, name in enumerate(hostile)) + (
        Speaker(id="g:x", name=hostile[1], kind="group", role=None, roles=(), tags=(),
                actor=None, matched_by="", statements=1, docs=("d",),
                variants=(hostile[2],)),)
    text = speakers_yaml(speakers, "out\nline.yaml")
    data = yaml.safe_load(text)
    assert sorted(m["name"] for m in data["members"]) == sorted(hostile)
    assert data["descriptors"] == [hostile[1]]
    assert "\x1b" not in text
    # line breaks inside values and comments are escaped: every line is one of these
    assert all(line.startswith(("# ", "members:", "descriptors:", "  - ", "    aliases: "))
               for line in text.splitlines())
    assert speakers_yaml(speakers, "out\nline.yaml") == text


def test_speakers_writes_to_o_and_nothing_to_stdout(make_corpus, tmp_path):
    outline = make_corpus(UNASSIGNED, outline=UNASSIGNED_OUTLINE)
    target = tmp_path / "out" / "speakers.json"
    target.parent.mkdir()
    code, out, _ = run_cli("speakers", str(outline), "--format", "json", "-o", str(target),
                           "--no-cache", "-q")
    assert code == 0 and out == ""
    rows = json.loads(target.read_text(encoding="utf-8"))
    assert rows[0]["name"] == "Christopher Burman"


def test_speakers_of_a_missing_outline_is_one_line_exit_2(tmp_path):
    code, out, err = run_cli("speakers", str(tmp_path / "none.yaml"))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "none.yaml" in err and "not found" in err
    assert run_cli("speakers", str(DEMO_OUTLINE), "--format", "csv")[0] == 2


# -------------------------------------------------------------- brief check


def test_check_warns_of_an_alias_that_matches_two_speakers(make_corpus):
    outline = make_corpus(TWO_CLINTONS, outline=(
        "title: T\ncorpus: corpus\nactors:\n  - id: dems\n    title: Democrats\n"
        "    members:\n      - {name: Hillary Clinton, aliases: [Clinton]}\n"))
    code, out, err = run_cli("check", str(outline), "--no-cache")
    assert code == 0 and "1 warnings" in out
    (line,) = _warnings(err)
    assert "actor 'dems'" in line and 'alias "Clinton"' in line
    assert "Bill Clinton (p:bill-clinton)" in line and "Hillary Clinton (p:hillary-clinton)" in line
    assert 'full name ("Hillary Clinton")' in line


def test_check_warns_of_an_actor_taking_speakers_on_a_role_alone(make_corpus):
    outline = make_corpus(NOMINEE, outline=(
        "title: T\ncorpus: corpus\nactors:\n"
        "  - {id: nominees, title: Nominees, roles: [nominee]}\n"))
    code, out, err = run_cli("check", str(outline), "--no-cache")
    assert code == 0 and "1 warnings" in out
    (line,) = _warnings(err)
    assert "actor 'nominees' takes 2 speakers on a role word alone" in line
    assert "Mike Pence (the Republican nominee" in line and "1 statement)" in line
    assert "Tim Kaine (the Democratic nominee" in line
    assert "`nationality` or `affiliations`" in line and "`members`" in line


def test_check_warns_of_a_frequent_speaker_of_no_actor(make_corpus):
    outline = make_corpus(FREQUENT, outline=UNASSIGNED_OUTLINE)
    code, out, err = run_cli("check", str(outline), "--no-cache")
    assert code == 0 and "2 warnings" in out
    empty, line = _warnings(err)
    assert "actor 'voices' has no matching material" in empty
    assert f"quoted {FREQUENT_SPEAKER_STATEMENTS} times or more" in line
    assert "Maria Lopez (6 statements)" in line
    assert f"brief speakers {outline} --format yaml" in line
    # an outline without actors wants none: no warning
    outline.write_text("title: T\ncorpus: corpus\nactors: []\n", encoding="utf-8")
    code, out, err = run_cli("check", str(outline), "--no-cache")
    assert code == 0 and "0 warnings" in out and _warnings(err) == []


def test_check_of_the_demo_names_its_speaker_warnings():
    code, out, err = run_cli("check", str(DEMO_OUTLINE))
    assert code == 0
    lines = _warnings(err)
    assert f"{len(lines)} warnings" in out
    assert any("actor 'analysts' takes 1 speaker on a role word alone: Ghulam Mustafa" in line
               for line in lines)
    assert any("Journalists (9 statements)" in line for line in lines)
    assert not any("matches" in line for line in lines)  # no ambiguous alias in the demo


def test_speakers_help(capsys):
    code, _, _ = run_cli("speakers", "--help")
    assert code == 0 and "--format {table,yaml,json}" in capsys.readouterr().out
