"""How far a statement's or an event's confidence can be trusted: share right per basis and per confidence band.

Reads the annotated article sets beside the project, pairs every predicted statement and event with
its gold the way the shared scorers do, and prints, for statements and for events:

  - per basis (how the speaker was found; how the event was read, Event.basis parts): count, share
    right, the mean confidence stored now;
  - the reliability table: confidence band → count, mean confidence, share right, the expected
    calibration error (the count-weighted gap between confidence and share right), the Brier score,
    and how well "least confident first" puts the errors first (the queue order: the chance that a wrong
    row comes before a right one, 0.5 no better than chance).

Statements: a speaker is right as the scorers judge it (score.py: the same gold actor;
score_attribution.py: the gold key word in the speaker's name or mentions); a statement whose gold
speaker is unknown is right when the pipeline names nobody either. Unmatched statements are left out:
a statement's confidence is about its speaker, not about whether the words are a statement.
Events: every predicted event is judged; it is right when score.py's pairing (score_events, called
as is) matches it with a gold event, required or optional. An event's confidence is about the event.

--fit fits the values on the sets read (an additive model: a value per basis, or per trigger reading,
plus a shift per supporting part, plus a shift per set folded back at the sets' average; least squares
shrunk by two pseudo-counts towards the overall share and towards no shift, rounded to 0.01; a basis
seen fewer than five times is held at 0.8 and at its present value at most), prints the tables again
with the fitted values, and prints the values paste-ready for
apps/extraction/pipeline/quotes.py (BASIS_CONFIDENCE, INDIRECT_PENALTY) and
apps/extraction/pipeline/events/kinds.py (TRIGGER_CONFIDENCE, SUPPORT_CONFIDENCE).

--cv (with --fit) forecasts each set by the values fitted without it: how far the fit carries to a set
it has not seen (pooled over sets, so a set harder than the others weighs on the queue order too).

--unseen (with --fit) carries the event values over to text the rules were not tuned on. The fit sets
are the texts the rules were tuned on: there an event is right 0.88 of the time, on a new article about
0.7, and the weaker readings fall the most. Each blind set's dev half was first scored by the code as it
stood before that round's fixes (FIRST_RUNS): what that code predicted there is what the rules do on
unseen text. Those judged rows are kept in scripts/calibration_first_runs.json (they do not change with
the rules); the fitted values are then mapped value → a + b·value, a and b the least squares of right
over the first-run rows (b above 1: on unseen text the readings differ more than on tuned text). The
map is linear, so the values stay additive and the queue keeps the fit's order; only events are carried
over (statements hold on the holdouts as fitted). With --cv: each blind set's first run is forecast by the
values fitted without that set (neither its rows now nor its first run).

  The one command after a change of the rules (paste its last lines into quotes.py and kinds.py):
  .venv/bin/python scripts/calibration.py --fit --unseen [--cv]

  The first runs are made again only if a blind dev gold is corrected or a blind set is added (its
  commit in FIRST_RUNS): for each set, `git worktree add --detach /tmp/OLD COMMIT`, `ln -s` the .venv
  into it, `calibration.py --code /tmp/OLD --only SET --dump /tmp/SET.json` (this checkout's golds and
  judge, that commit's pipeline), join the dumps into the JSON file (a list of rows), remove the worktree.

--holdout measures the blind holdouts instead, as a forecast of the values in the code: the
aggregate reliability tables only (no basis rows, no article), never a fit.

  .venv/bin/python scripts/calibration.py [--shared ../shared/eval] [--only polnear,dev,fixtures,blind,blind2,blind3]
  .venv/bin/python scripts/calibration.py --fit [--cv] [--unseen [ROWS.json]]
  .venv/bin/python scripts/calibration.py --holdout

Writes nothing (but --dump PATH, the judged rows, which --load PATH reads back instead of extracting);
standard library and the pipeline only (no database).
"""
from __future__ import annotations

import argparse
import bisect
import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BANDS = [(0.0, 0.4), (0.4, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]
FIT_SETS = ("polnear", "dev", "fixtures", "blind", "blind2", "blind3", "blind4")
# blind5, blind6 and the two probe batteries are not among the fit sets: made after the last fit, their dev
# halves are read as a forecast (`--only blind5`), and every holdout only with `--holdout`, never fitted on.
# blind4's dev half, tuned on since 2026-12-05, is a fit set like the three before it.
BLIND = {"blind": "tests/fixtures/blind", "blind2": "tests/fixtures/blind2", "blind3": "tests/fixtures/blind3",
         "blind4": "tests/fixtures/blind4", "blind5": "tests/fixtures/blind5", "blind6": "tests/fixtures/blind6",
         "probes": "tests/fixtures/probes", "qprobes": "tests/fixtures/qprobes",
         "blind7": "tests/fixtures/blind7",  # blind7 has a holdout only: read by --holdout, never fitted on
         "blind8": "tests/fixtures/blind8", "blind9": "tests/fixtures/blind9", "blind10": "tests/fixtures/blind10",
         "blind11": "tests/fixtures/blind11", "blind12": "tests/fixtures/blind12", "blind13": "tests/fixtures/blind13",
         "blind14": "tests/fixtures/blind14", "blind15": "tests/fixtures/blind15", "blind16": "tests/fixtures/blind16",
         "blind17": "tests/fixtures/blind17", "blind18": "tests/fixtures/blind18", "blind19": "tests/fixtures/blind19",
         "blind20": "tests/fixtures/blind20", "blind21": "tests/fixtures/blind21",
         "blind22": "tests/fixtures/blind22", "blind23": "tests/fixtures/blind23"}
# The code each blind set's dev half was first scored on, before any fix of its round (the commit adding the
# set, or its eval line): what that code predicted there is what the rules do on text they were not tuned on.
# (blind8, blind9 and blind10's first runs joined calibration_first_runs.json in stop 30, blind11's in stop 31,
# blind12's in stop 34, blind13's in stop 35, blind14 to blind19's in stop 40, blind20's in stop 41, blind21's in stop 42,
# blind22's in stop 43, blind23's in stop 44, after the values in the code were fitted: the next `--fit --unseen`
# reads them.)
FIRST_RUNS = {"blind": "1631b2f", "blind2": "2c3be12", "blind3": "296502b", "blind4": "a4953e4", "blind5": "c9413cc",
              "blind6": "7be131e", "probes": "7be131e", "qprobes": "7be131e", "blind8": "a858c3c", "blind9": "0eadcfd",
              "blind10": "99b12b8", "blind11": "9f23d1f", "blind12": "161d677",
              "blind13": "484b934", "blind14": "067587a", "blind15": "761f196", "blind16": "600b7aa", "blind17": "887f7c6",
              "blind18": "0c20ef7", "blind19": "0a0ba4f", "blind20": "7b04d5d",
              "blind21": "64922a4", "blind22": "489799b", "blind23": "39ff6b0"}
FIRST_RUN_ROWS = ROOT / "scripts" / "calibration_first_runs.json"
# Every event is dated one way only (date, lead, story, default or undated): those shifts are measured
# against a date the text gives, which adds nothing, or the model could not tell them from the trigger's value.
REFERENCE = {"date"}
PSEUDO_COUNTS = 2.0  # how many rows' worth of belief the prior (the overall share; no shift) is given
RARE = 5             # a basis seen fewer times is held at RARE_CAP and at its present value at most
RARE_CAP = 0.8
FLOOR, CEILING = 0.05, 0.99  # the range kinds.confidence keeps an event's confidence within


class Row(NamedTuple):
    what: str           # "statement" | "event"
    parts: list[str]    # statement: [basis, "reported"?]; event: Event.basis split on "+"
    confidence: float   # as stored now
    right: bool
    where: str          # the set it comes from


def _module(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _articles(folder: Path):
    from apps.extraction.management.commands.extract import read_article

    paths = sorted(folder.glob("*.article.json"))
    return paths, [read_article(p) for p in paths]


def _gold(path: Path) -> dict:
    return json.loads(path.with_name(path.name.replace(".article.json", ".gold.json")).read_text(encoding="utf-8"))


def _extract(articles):
    from apps.extraction.pipeline import extract_many, to_contract_json

    extractions = extract_many(articles)
    return [(x, to_contract_json(x)) for x in extractions]


def _statement_parts(st) -> list[str]:
    return [st.basis if st.speaker else ""] + ([] if st.direct else ["reported"])


def judge_attribution(folder: Path, scorer, where: str) -> list[Row]:
    """Every PolNeAR quote the extractor found and the scorer matched, with its speaker judged."""
    paths, articles = _articles(folder)
    rows = []
    for path, (extraction, contract) in zip(paths, _extract(articles)):
        gold = _gold(path)
        pairs = [(st, c) for st, c in zip(extraction.statements, contract["statements"]) if st.direct]
        direct = [c for _, c in pairs]
        for i, j in scorer.greedy_pairs(direct, gold["quotes"]):
            g = gold["quotes"][j]
            if g["optional"]:
                continue
            st = pairs[i][0]
            if g["source_kind"] == "none":
                right = st.speaker is None
            else:
                right = any(scorer.key_in(k, scorer.speaker_forms(contract, direct[i])) for k in scorer.gold_keys(g))
            rows.append(Row("statement", _statement_parts(st), st.confidence, right, where))
    return rows


def event_pairs(scorer, pred: list[dict], gold: dict) -> tuple[list[tuple[int, int]], list[dict]]:
    """score.py's own pairing of predicted and gold events: score_events is called as it is, and the
    pairs its greedy_pairs returns are kept (so the judgement follows the scorer when it changes)."""
    seen = []
    original = scorer.greedy_pairs

    def spy(preds, golds, score):
        pairs = original(preds, golds, score)
        seen.append((golds, pairs))
        return pairs

    scorer.greedy_pairs = spy
    try:
        scorer.score_events(pred, gold)
    finally:
        scorer.greedy_pairs = original
    golds, pairs = seen[-1]
    return pairs, golds


def judge_articles(folder: Path, scorer, where: str) -> list[Row]:
    """The quotes, reported statements and events of a score.py gold folder, judged."""
    paths, articles = _articles(folder)
    rows = []
    for path, (extraction, contract) in zip(paths, _extract(articles)):
        gold = _gold(path)
        names = scorer.Names(gold["actors"] + gold.get("optional_actors", []))
        pairs = list(zip(extraction.statements, contract["statements"]))

        def sim(p, g):
            s = scorer.overlap(p.get("text", ""), g["text"])
            return s if s >= 0.6 else 0

        def isim(p, g):
            tg, tp = scorer.norm(g["text"]).split(), scorer.norm(p.get("text", "")).split()
            common = sum((scorer.Counter(tg) & scorer.Counter(tp)).values())
            return common / len(tg) if tg and common / len(tg) >= 0.5 else 0

        # quotations pair with the required and optional gold quotations at once, as score.py pairs them;
        # the speaker of an optional one is not judged
        quotes = [dict(g, optional=False) for g in gold["statements"]]
        quotes += [dict(g, optional=True) for g in gold.get("optional_statements", [])]
        reported = [dict(g, optional=False) for g in gold.get("indirect_statements", [])]
        for direct, golds, score in ((True, quotes, sim), (False, reported, isim)):
            mine = [(st, c) for st, c in pairs if st.direct == direct]
            for i, j in scorer.greedy_pairs([c for _, c in mine], golds, score):
                if golds[j]["optional"]:
                    continue
                st, c = mine[i]
                expected = golds[j]["speaker"]
                right = c["speaker"] is None if expected is None else names.canonical(c["speaker"]) == expected
                rows.append(Row("statement", _statement_parts(st), st.confidence, right, where))

        matched, _ = event_pairs(scorer, contract["events"], gold)
        matched = {i for i, _ in matched}
        for i, event in enumerate(extraction.events):
            rows.append(Row("event", event.basis.split("+"), event.confidence, i in matched, where))
    return rows


# --- the model: a value per first part, plus a shift per other part --------------------------------------------

class Model(NamedTuple):
    base: dict[str, float]    # first part → value (statements: basis; events: how the trigger was read)
    shift: dict[str, float]   # other part → what it adds (statements: "reported"; events: args, date, …)
    default: float            # a first part the table does not know

    def predict(self, parts: list[str]) -> float:
        value = self.base.get(parts[0], self.default) + sum(self.shift.get(p, 0.0) for p in parts[1:])
        return round(min(CEILING, max(FLOOR, value)), 2)


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the system is small and positive definite)."""
    n = len(vector)
    a = [row[:] + [v] for row, v in zip(matrix, vector)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(n):
            if r != col and a[r][col]:
                f = a[r][col] / a[col][col]
                a[r] = [x - f * y for x, y in zip(a[r], a[col])]
    return [a[i][n] / a[i][i] for i in range(n)]


def fit(rows: list[Row], current: Model) -> Model:
    """Least squares (the Brier score) of right ~ base[first part] + Σ shift[other parts] + set[where it comes
    from], each base value shrunk towards the overall share and each shift towards zero by PSEUDO_COUNTS.

    The per-set term keeps a set harder than the others (PolNeAR's quotations, a blind set's events) from
    passing for a property of the parts it uses more: reported speech is only in the article sets, whose
    quotations are easier than PolNeAR's. It is folded back into the base values at the sets' average
    (weighted by rows), so the values forecast the pooled share. Rounded to 0.01: ties at 0.05 steps hid
    measured differences from the queue."""
    mean = sum(r.right for r in rows) / len(rows)
    keys = (sorted({("base", r.parts[0]) for r in rows})
            + sorted({("shift", p) for r in rows for p in r.parts[1:] if p not in REFERENCE})
            + sorted({("set", r.where) for r in rows}))
    index = {k: i for i, k in enumerate(keys)}
    n = len(keys)
    xtx = [[0.0] * n for _ in range(n)]
    xty = [0.0] * n
    for r in rows:
        cols = ([index[("base", r.parts[0])], index[("set", r.where)]]
                + [index[("shift", p)] for p in r.parts[1:] if p not in REFERENCE])
        for a in cols:
            xty[a] += r.right
            for b in cols:
                xtx[a][b] += 1
    for (what, _), i in index.items():
        xtx[i][i] += PSEUDO_COUNTS
        xty[i] += PSEUDO_COUNTS * (mean if what == "base" else 0.0)
    w = _solve(xtx, xty)
    counts = defaultdict(int)
    for r in rows:
        counts[r.parts[0]] += 1
        for p in r.parts[1:]:
            counts["+" + p] += 1
    sets = defaultdict(int)
    for r in rows:
        sets[r.where] += 1
    average_set = sum(count * w[index[("set", where)]] for where, count in sets.items()) / len(rows)
    cent = lambda x: round(x, 2) + 0.0  # noqa: E731  (+ 0.0: no "-0.0")
    base = dict(current.base)
    shift = dict(current.shift) | {p: 0.0 for r in rows for p in r.parts[1:] if p in REFERENCE}
    for (what, k), i in index.items():
        if what == "shift":
            shift[k] = cent(w[i])
        elif what == "base":
            value = w[i] + average_set
            # too few to measure: never raised above 0.8 nor above the value set before
            value = min(value, RARE_CAP, current.base.get(k, RARE_CAP)) if counts[k] < RARE else value
            base[k] = cent(min(CEILING, max(FLOOR, value)))
    return Model(base, shift, current.default)


def unseen(fitted: Model, first_runs: list[Row], current: Model) -> Model:
    """The fitted values carried over to text the rules were not tuned on: value → a + b·value, a and b the least
    squares of right ~ the fitted forecast over the first-run rows.

    A fit on the sets the rules were tuned on measures how right the rules are where their errors were fixed:
    on a new article every reading is less often right, and the weaker readings fall the most (b above 1), so
    one shift would not do. Being linear, the map keeps the values additive (a + b·base per reading, b·shift
    per support) and keeps the queue's order. A reading too rare to fit was held at RARE_CAP by the fit and is
    carried over from there: its value before is on the other scale (the first time) or this one's own output."""
    xs = [fitted.predict(r.parts) for r in first_runs]
    ys = [float(r.right) for r in first_runs]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mx) ** 2 for x in xs)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / spread if spread else 1.0
    b = max(b, 0.0) or 1.0  # a slope at or below 0 would turn the queue over: then only the level moves
    a = my - b * mx
    cent = lambda x: round(x, 2) + 0.0  # noqa: E731
    base = {k: cent(min(CEILING, max(FLOOR, a + b * v))) for k, v in fitted.base.items()}
    return Model(base, {k: cent(b * v) for k, v in fitted.shift.items()}, current.default)


def read_rows(path: Path) -> list[Row]:
    """Judged rows written by --dump (or kept, as the first runs are)."""
    return [Row(**r) for r in json.loads(path.read_text(encoding="utf-8"))]


def fit_unseen(rows: list[Row], first_runs: list[Row], current: Model) -> Model:
    """fit() on the sets, then unseen() on the first runs. A rare reading is held at RARE_CAP in the fit, not at
    its value before, which is on the unseen scale."""
    return unseen(fit(rows, Model({}, current.shift, current.default)), first_runs, current)


# --- reports ------------------------------------------------------------------------------------------------

def reliability(rows: list[Row], confidences: list[float], noun: str) -> None:
    print(f"{'confidence band':16} {'n':>5} {'mean conf':>10} {'share right':>12}")
    gap = 0.0
    for lo, hi in BANDS:
        band = [(c, r.right) for c, r in zip(confidences, rows) if lo <= c < hi]
        if not band:
            continue
        mean = sum(c for c, _ in band) / len(band)
        share = sum(ok for _, ok in band) / len(band)
        gap += len(band) * abs(mean - share)
        print(f"[{lo:.1f}, {min(hi, 1.0):.1f}){'':5} {len(band):5d} {mean:10.2f} {share:12.2f}")
    total = len(rows)
    print(f"{total} {noun}, {sum(r.right for r in rows) / max(total, 1):.2f} right, "
          f"expected calibration error {gap / max(total, 1):.3f}, Brier {brier(rows, confidences):.3f}, "
          f"queue order (AUC) {queue_order(rows, confidences):.2f}")


def brier(rows: list[Row], confidences: list[float]) -> float:
    """The mean squared gap between confidence and right (1) or wrong (0): lower is better."""
    return sum((c - r.right) ** 2 for c, r in zip(confidences, rows)) / max(len(rows), 1)


def queue_order(rows: list[Row], confidences: list[float]) -> float:
    """How well "least confident first" puts the errors first: the chance that a wrong row comes before a right
    one (ties count half; 0.5 is no better than chance, 1.0 every error before every right row)."""
    wrong = sorted(c for c, r in zip(confidences, rows) if not r.right)
    right = [c for c, r in zip(confidences, rows) if r.right]
    if not wrong or not right:
        return float("nan")
    won = sum(bisect.bisect_left(wrong, c) + 0.5 * (bisect.bisect_right(wrong, c) - bisect.bisect_left(wrong, c))
              for c in right)
    return won / (len(wrong) * len(right))


def by_part(rows: list[Row], model: Model | None) -> None:
    cells = defaultdict(lambda: [0, 0, 0.0])
    for r in rows:
        for k, part in enumerate(r.parts):
            cell = cells[(k > 0, part or "(none)")]
            cell[0] += 1
            cell[1] += r.right
            cell[2] += r.confidence
    print(f"{'part':22} {'n':>5} {'right':>7} {'mean conf now':>14}" + (f" {'fitted':>7}" if model else ""))
    for (shift, part), (n, ok, total) in sorted(cells.items(), key=lambda kv: (kv[0][0], -kv[1][0], kv[0][1])):
        label = ("+" if shift else "") + part
        fitted = ""
        if model:
            key = "" if part == "(none)" else part
            fitted = f" {model.shift.get(key, 0.0):+7.2f}" if shift else f" {model.base.get(key, model.default):7.2f}"
        print(f"{label:22} {n:5d} {ok / n:7.2f} {total / n:14.2f}{fitted}")


def by_basis(rows: list[Row]) -> None:
    cells = defaultdict(lambda: [0, 0, 0.0])
    for r in rows:
        cell = cells["+".join(r.parts) or "(none)"]
        cell[0] += 1
        cell[1] += r.right
        cell[2] += r.confidence
    print(f"{'basis':36} {'n':>5} {'right':>7} {'confidence now':>15}")
    for basis, (n, ok, total) in sorted(cells.items(), key=lambda kv: (-kv[1][0], kv[0])):
        print(f"{basis:36} {n:5d} {ok / n:7.2f} {total / n:15.2f}")


def per_set(rows: list[Row]) -> None:
    cells = defaultdict(lambda: [0, 0])
    for r in rows:
        cells[r.where][0] += 1
        cells[r.where][1] += r.right
    print("  ".join(f"{where} {ok}/{n}" for where, (n, ok) in cells.items()))


def paste_ready(statements: Model, s_rows: list[Row], events: Model, e_rows: list[Row],
                first_runs: list[Row] | None = None) -> None:
    def share(rows, part, first):
        mine = [r for r in rows if (r.parts[0] == part if first else part in r.parts[1:])]
        if not mine:
            return "not in the sets: kept"
        held = f", under {RARE}: capped" if first and len(mine) < RARE else ""
        measured = f"{sum(r.right for r in mine) / len(mine):.2f} ({len(mine)}{held})"
        if first_runs is None or rows is not e_rows:
            return measured
        unseen_rows = [r for r in first_runs if (r.parts[0] == part if first else part in r.parts[1:])]
        if not unseen_rows:
            return measured
        return f"{measured}, unseen {sum(r.right for r in unseen_rows) / len(unseen_rows):.2f} ({len(unseen_rows)})"

    print("# apps/extraction/pipeline/quotes.py (measured share right (count) in the comments)")
    print("BASIS_CONFIDENCE = {")
    for basis, value in sorted(statements.base.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"    {json.dumps(basis) + ':':22} {value},  # {share(s_rows, basis, True)}")
    print("}")
    print(f"INDIRECT_PENALTY = {-statements.shift.get('reported', 0.0) + 0.0}  # reported speech: "
          f"{share(s_rows, 'reported', False)}")
    print("\n# apps/extraction/pipeline/events/kinds.py (measured share right (count) in the comments)")
    print("TRIGGER_CONFIDENCE = {")
    for part, value in sorted(events.base.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"    {json.dumps(part) + ':':14} {value},  # {share(e_rows, part, True)}")
    print("}")
    print("SUPPORT_CONFIDENCE = {")
    for part, value in sorted(events.shift.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"    {json.dumps(part) + ':':12} {value},  # with it: {share(e_rows, part, False)}")
    print("}")


def cross_validate(rows: list[Row], current: Model, noun: str) -> None:
    """Each set forecast by the values fitted on the others (leave one set out), pooled: how well the fit
    carries to a set it has not seen, beside the values in the code."""
    if len({r.where for r in rows}) < 2:
        print(f"-- {noun}: one set only, nothing to leave out")
        return
    forecast = {}
    for where in sorted({r.where for r in rows}):
        model = fit([r for r in rows if r.where != where], current)
        forecast.update({id(r): model.predict(r.parts) for r in rows if r.where == where})
    print(f"-- {noun}, each set forecast by the values fitted without it")
    reliability(rows, [forecast[id(r)] for r in rows], noun)


def cross_validate_unseen(rows: list[Row], first_runs: list[Row], current: Model) -> None:
    """Each blind set's first run forecast by the values fitted without that set (its rows now and its first
    run both left out): how far the carried-over values hold on a set whose first run they have not seen."""
    if len({r.where for r in first_runs}) < 2:
        print("-- events: one first run only, nothing to leave out")
        return
    plain, carried, judged = [], [], []
    for where in sorted({r.where for r in first_runs}):
        mine = [r for r in first_runs if r.where == where]
        tuned = fit([r for r in rows if r.where != where], Model({}, current.shift, current.default))
        model = unseen(tuned, [r for r in first_runs if r.where != where], current)
        plain += [tuned.predict(r.parts) for r in mine]
        carried += [model.predict(r.parts) for r in mine]
        judged += mine
    print("-- events, each blind set's first run forecast by the values fitted without that set")
    reliability(judged, plain, "events (the fit alone)")
    reliability(judged, carried, "events (carried over to unseen text)")


def current_models() -> tuple[Model, Model]:
    from apps.extraction.pipeline.events.kinds import SUPPORT_CONFIDENCE, TRIGGER_CONFIDENCE
    from apps.extraction.pipeline.quotes import BASIS_CONFIDENCE, INDIRECT_PENALTY

    return (Model(dict(BASIS_CONFIDENCE), {"reported": -INDIRECT_PENALTY}, 0.3),
            Model(dict(TRIGGER_CONFIDENCE), dict(SUPPORT_CONFIDENCE), 0.5))


def measure(sets: list[str], shared: Path, holdout: bool) -> list[Row]:
    score = _module(shared / "score.py", "score")
    rows = []
    for name in sets:
        if name == "polnear":
            attribution = _module(shared / "score_attribution.py", "score_attribution")
            rows += judge_attribution(shared / "peer" / "attribution" / "dev", attribution, name)
        elif name == "dev":
            rows += judge_articles(shared / "dev", score, name)
        elif name == "fixtures":
            rows += judge_articles(ROOT / "tests" / "fixtures" / "articles", score, name)
        elif name in BLIND:
            folder = ROOT / BLIND[name] / ("holdout" if holdout else "dev")
            if folder.is_dir():
                rows += judge_articles(folder, score, name)
        else:
            raise SystemExit(f"unknown set {name!r}: among {', '.join(FIT_SETS)}")
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--only", default=",".join(FIT_SETS), help="comma-separated sets among " + ", ".join(FIT_SETS))
    ap.add_argument("--fit", action="store_true", help="fit the values on these sets and print them paste-ready")
    ap.add_argument("--cv", action="store_true", help="with --fit: each set forecast by the values fitted without it")
    ap.add_argument("--holdout", action="store_true",
                    help="the blind holdouts, aggregate tables only, as a forecast of the values in the code")
    ap.add_argument("--unseen", type=Path, nargs="?", const=FIRST_RUN_ROWS,
                    help="with --fit: carry the event values over to unseen text by the blind sets' first runs "
                         f"(judged rows, default {FIRST_RUN_ROWS.relative_to(ROOT)})")
    ap.add_argument("--code", type=Path,
                    help="run the pipeline of this checkout (an old commit's `git worktree`) on this checkout's sets")
    ap.add_argument("--dump", type=Path, help="write the judged rows to this JSON file")
    ap.add_argument("--load", type=Path, nargs="+", help="read the judged rows from these files instead of extracting")
    args = ap.parse_args()
    if not args.load and not args.shared.is_dir():
        print(f"no {args.shared}: the gold sets live there; nothing to measure")
        return 0
    if args.holdout and (args.fit or args.dump):
        raise SystemExit("the holdouts are a forecast: never fit on them, nor keep their rows")
    if args.code:
        sys.path.insert(0, str(args.code.resolve()))
    statements_now, events_now = current_models()
    if args.load:
        rows = [r for path in args.load for r in read_rows(path)]
    else:
        sets = list(BLIND) if args.holdout else args.only.split(",")
        rows = measure(sets, args.shared, args.holdout)
    if args.dump:
        args.dump.write_text(json.dumps([r._asdict() for r in rows]), encoding="utf-8")
    s_rows = [r for r in rows if r.what == "statement"]
    e_rows = [r for r in rows if r.what == "event"]

    if args.holdout:
        print("== holdout forecast (the values in the code; aggregate only)\n-- statements")
        reliability(s_rows, [r.confidence for r in s_rows], "statements")
        print("-- events")
        reliability(e_rows, [r.confidence for r in e_rows], "events")
        return 0

    first_runs = None
    if args.unseen:
        if not args.fit:
            raise SystemExit("--unseen goes with --fit")
        first_runs = [r for r in read_rows(args.unseen) if r.what == "event"]
    s_fit = fit(s_rows, statements_now) if args.fit and s_rows else None
    e_fit = None
    if args.fit and e_rows:
        e_fit = fit_unseen(e_rows, first_runs, events_now) if first_runs else fit(e_rows, events_now)
    for noun, mine, fitted in (("statements", s_rows, s_fit), ("events", e_rows, e_fit)):
        if not mine:
            continue
        print(f"== {noun} (sets: {args.only})")
        per_set(mine)
        print()
        by_part(mine, fitted)
        print()
        if noun == "events":
            by_basis(mine)
            print()
        print("-- now")
        reliability(mine, [r.confidence for r in mine], noun)
        if fitted:
            print("-- with the fitted values")
            reliability(mine, [fitted.predict(r.parts) for r in mine], noun)
            if args.cv and not (first_runs and noun == "events"):
                cross_validate(mine, statements_now if noun == "statements" else events_now, noun)
        if first_runs and noun == "events":
            print("-- the blind sets' first runs (the code before each round's fixes, on its dev half)")
            per_set(first_runs)
            reliability(first_runs, [events_now.predict(r.parts) for r in first_runs], "events (values now)")
            reliability(first_runs, [fitted.predict(r.parts) for r in first_runs], "events (carried over)")
            if args.cv:
                cross_validate_unseen(mine, first_runs, events_now)
        print()
    if s_fit and e_fit:
        paste_ready(s_fit, s_rows, e_fit, e_rows, first_runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
