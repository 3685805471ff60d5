from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from coach.cli import cli
from coach.config import Settings


@pytest.fixture
def env(tmp_path, monkeypatch) -> dict[str, str]:
    data = tmp_path / "data"
    monkeypatch.setenv("COACH_DATA_DIR", str(data))
    return {"COACH_DATA_DIR": str(data)}


@pytest.fixture(scope="module")
def indexed(tmp_path_factory) -> str:
    data = tmp_path_factory.mktemp("cli-data")
    runner = CliRunner()
    result = runner.invoke(cli, ["index"], env={"COACH_DATA_DIR": str(data)})
    assert result.exit_code == 0, result.output
    assert "chunks:" in result.output and "embedded" in result.output
    return str(data)


def test_search_prints_passages_with_heading_paths(indexed) -> None:
    result = CliRunner().invoke(cli, ["search", "how soon should I send a thank-you email?"],
                                env={"COACH_DATA_DIR": indexed})
    assert result.exit_code == 0, result.output
    assert "Post-Interview Follow-Up › Sending a Thank-You Email" in result.output
    assert result.output.count("score") == 3
    # Where each passage lives: the file and the heading's anchor (also the app's #guide-...).
    assert ("guide/04-post-interview-follow-up.md"
            "#post-interview-follow-up--sending-a-thank-you-email") in result.output


def test_search_json_has_the_documented_fields(indexed) -> None:
    result = CliRunner().invoke(cli, ["search", "they never replied", "--k", "5", "--json"],
                                env={"COACH_DATA_DIR": indexed})
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == 5
    assert all(set(r) == {"text", "heading_path", "source", "score", "location",
                          "for_employers"} for r in rows)
    assert all(r["location"].split("#")[0].endswith("guide/" + r["source"]) for r in rows)
    assert rows[0]["score"] >= rows[-1]["score"]


def test_index_again_reports_unchanged(indexed) -> None:
    result = CliRunner().invoke(cli, ["index"], env={"COACH_DATA_DIR": indexed})
    assert result.exit_code == 0 and "0 embedded" in result.output
    assert "(unchanged)" in result.output


def test_empty_query_gets_a_clear_message(indexed) -> None:
    result = CliRunner().invoke(cli, ["search", "   "], env={"COACH_DATA_DIR": indexed})
    assert result.exit_code == 1
    assert "Type a question" in result.output
    assert "Traceback" not in result.output


def test_huge_query_is_searched_truncated(indexed) -> None:
    query = "how do I follow up after the interview " * 3000  # ~120 KB
    result = CliRunner().invoke(cli, ["search", query, "--json"], env={"COACH_DATA_DIR": indexed})
    assert result.exit_code == 0
    assert "first 2000 characters" in result.stderr
    assert json.loads(result.stdout)


def test_search_before_indexing_says_what_to_do(env) -> None:
    result = CliRunner().invoke(cli, ["search", "thank you email"], env=env)
    assert result.exit_code == 1
    assert "coach index" in result.output


def test_missing_knowledge_folder_is_named(env, tmp_path) -> None:
    missing = tmp_path / "no-such-knowledge"
    result = CliRunner().invoke(cli, ["index"], env={**env, "COACH_KNOWLEDGE_DIR": str(missing)})
    assert result.exit_code == 1
    assert str(missing / "guide") in result.output


def test_settings_read_coach_variables(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("COACH_BACKEND", "openai")
    monkeypatch.setenv("COACH_OPENAI_API_KEY", "sk-secret")
    monkeypatch.setenv("COACH_CHROMA_HOST", "127.0.0.1")
    settings = Settings(_env_file=None)
    assert settings.backend == "openai"
    assert settings.chroma_host == "127.0.0.1"
    assert "sk-secret" not in repr(settings)
    assert settings.openai_api_key is not None
    assert settings.openai_api_key.get_secret_value() == "sk-secret"


def test_interpret_reads_stdin_and_prints_the_plan(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("COACH_CLASSIFY_WITH_MODEL", "false")
    ics = tmp_path / "plan.ics"
    result = CliRunner().invoke(
        cli, ["interpret", "--received", "2026-11-26", "--ics", str(ics)],
        input="Thanks for coming in. We'll decide by the end of next week.",
        env={"COACH_DATA_DIR": str(tmp_path / "data")})
    assert result.exit_code == 0, result.output
    assert "Clear timeline" in result.stdout
    assert "Thu 3 Dec – Fri 4 Dec 2026" in result.stdout
    assert "Follow up if you have not heard back" in result.stdout
    assert ics.read_text().startswith("BEGIN:VCALENDAR")


def test_interpret_json_validates_against_the_schema(tmp_path, monkeypatch) -> None:
    from coach.schemas import Interpretation

    monkeypatch.setenv("COACH_CLASSIFY_WITH_MODEL", "false")
    result = CliRunner().invoke(cli, ["interpret", "--json", "--received", "2026-11-26"],
                                input="<p>We went with another candidate.</p>",
                                env={"COACH_DATA_DIR": str(tmp_path / "data")})
    assert result.exit_code == 0, result.output
    parsed = Interpretation.model_validate_json(result.stdout)
    assert parsed.category == "rejection" and any("HTML" in n for n in parsed.notes)


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [(["interpret"], "   ", "Paste what the recruiter"),
     (["interpret", "--received", "26/11/2026"], "hi", "must be a date like 2026-11-26")],
)
def test_interpret_bad_input_messages(tmp_path, monkeypatch, args, stdin, message) -> None:
    monkeypatch.setenv("COACH_CLASSIFY_WITH_MODEL", "false")
    result = CliRunner().invoke(cli, args, input=stdin,
                                env={"COACH_DATA_DIR": str(tmp_path / "data")})
    assert result.exit_code == 1 and message in result.output
    assert "Traceback" not in result.output


def test_interpret_batch_keeps_order_and_reports_bad_lines(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("COACH_CLASSIFY_WITH_MODEL", "false")
    batch = tmp_path / "inbox.jsonl"
    batch.write_text("\n".join([
        json.dumps({"text": "We went with another candidate.", "received": "2026-11-26"}),
        "this is not json",
        json.dumps({"text": "The role is on hold for now."}),
        json.dumps({"received": "2026-11-26"}),
        json.dumps({"text": "We'll decide by Friday.", "received": "2026-13-01"}),
    ]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["interpret", "--batch", str(batch)],
                                env={"COACH_DATA_DIR": str(tmp_path / "data")})
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 5
    assert rows[0]["category"] == "rejection" and rows[2]["category"] == "none"
    assert [r["error"]["message"][:10] for r in rows if "error" in r] == [
        "not valid ", 'each line ', "received m"]
    assert [r.get("line") for r in rows] == [None, 2, None, 4, 5]


def test_assess_prints_a_verdict_and_tips(tmp_path) -> None:
    env = {"COACH_DATA_DIR": str(tmp_path / "data")}
    result = CliRunner().invoke(cli, ["assess", "So, did I get the job?"], env=env)
    assert result.exit_code == 0, result.output
    assert "Pushy" in result.stdout and "Tip:" in result.stdout


def test_assess_batch_writes_one_verdict_per_line(tmp_path) -> None:
    batch = tmp_path / "asks.jsonl"
    batch.write_text("\n".join([
        json.dumps({"text": "Thank you! What are the next steps?"}),
        json.dumps({"text": "When will you decide?", "moment": "early"}),
        "{broken",
        json.dumps({"text": "What's the salary?", "moment": "sometime"}),
    ]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["assess", "--batch", str(batch)],
                                env={"COACH_DATA_DIR": str(tmp_path / "data")})
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r.get("verdict") for r in rows] == ["polite", "premature", None, None]
    assert "moment" in rows[3]["error"]["message"]


def test_assess_needs_a_message(tmp_path) -> None:
    result = CliRunner().invoke(cli, ["assess"], env={"COACH_DATA_DIR": str(tmp_path / "d")})
    assert result.exit_code == 1 and "Give the message in quotes" in result.output


def test_interpret_choose_and_correct_then_list_and_undo(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("COACH_CLASSIFY_WITH_MODEL", "false")
    env = {"COACH_DATA_DIR": str(tmp_path / "data")}
    text = "Got your note. Let me check with the team."
    chosen = CliRunner().invoke(cli, ["interpret", "--json", "--received", "2026-11-26",
                                      "--choose", "rejection"], input=text, env=env)
    assert chosen.exit_code == 0, chosen.output
    data = json.loads(chosen.stdout)
    assert data["category"] == "rejection" and data["method"] == "user"
    assert len(data["alternatives"]) == 2
    bad = CliRunner().invoke(cli, ["interpret", "--choose", "maybe"], input=text, env=env)
    assert bad.exit_code == 1 and "--choose takes one of" in bad.output
    corrected = CliRunner().invoke(cli, ["interpret", "--received", "2026-11-26", "--correct",
                                         "none"], input=text, env=env)
    assert corrected.exit_code == 0, corrected.output
    assert "Saved correction" in corrected.stderr and "No next steps" in corrected.stdout
    listed = CliRunner().invoke(cli, ["corrections", "list", "--json"], env=env)
    saved = json.loads(listed.stdout)
    assert [c["category"] for c in saved] == ["none"]
    again = CliRunner().invoke(cli, ["interpret", "--json", "--received", "2026-11-26"],
                               input=text + " ", env=env)
    assert json.loads(again.stdout)["method"] == "correction"
    undone = CliRunner().invoke(cli, ["corrections", "undo", saved[0]["id"]], env=env)
    assert undone.exit_code == 0 and "Undone" in undone.stdout
    assert "No corrections yet" in CliRunner().invoke(cli, ["corrections", "list"],
                                                      env=env).stdout
    missing = CliRunner().invoke(cli, ["corrections", "undo", "nope"], env=env)
    assert missing.exit_code == 1 and "No correction with id" in missing.output


def test_practice_script_json_plays_the_lines_and_reports(tmp_path, monkeypatch) -> None:
    from coach import cli as cli_module
    from coach.config import Settings
    from coach.services import bootstrap

    from .conftest import KNOWLEDGE
    from .fakes import FakeChat

    services = bootstrap(Settings(_env_file=None, data_dir=tmp_path / "data",
                                  knowledge_dir=KNOWLEDGE, classify_with_model=False),
                         model=FakeChat("Thanks. Do you have any questions for me?",
                                        "Yes, you are hired! Your start date is Monday.",
                                        "Great — you're hired, congratulations!").enqueue(
                                            *["A scripted line."] * 5))
    monkeypatch.setattr(cli_module, "_services", lambda: services)
    script = tmp_path / "lines.txt"
    script.write_text("I'd focus on the routing data first.\n\nSo did I get the job?\n",
                      encoding="utf-8")
    result = CliRunner().invoke(cli, ["practice", "--preset", "Phone screen, still "
                                      "interviewing", "--script", str(script), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["scenario"]["truth"] == "vague"
    roles = [t["role"] for t in data["turns"]]
    assert roles == ["interviewer", "candidate", "interviewer", "candidate", "interviewer"]
    assert all("verdict" in t for t in data["turns"] if t["role"] == "candidate")
    assert "hired" not in data["turns"][-1]["text"]
    assert "scores" in data["report"]
