"""How far a statement's confidence can be trusted: the share of right speakers per basis and per confidence band.

Reads the annotated article sets beside the project (the dev set, the test fixtures, PolNeAR dev),
pairs every predicted statement with its gold statement the way the shared scorers do, and prints

  - per basis (how the speaker was found) and quote kind: count, share of right speakers, the mean
    confidence the statements were given and the basis's value in quotes.BASIS_CONFIDENCE;
  - the reliability table: confidence band → count, mean confidence, share right, and the expected
    calibration error (the count-weighted gap between confidence and share right).

A speaker is right as the scorers judge it (score.py: the same gold actor; score_attribution.py: the
gold key word in the speaker's name or mentions); a statement whose gold speaker is unknown is right
when the pipeline names nobody either. Unmatched statements are left out: confidence is about the
speaker, not about whether the words are a statement.

  .venv/bin/python scripts/calibration.py [--shared ../shared/eval] [--only polnear,dev,fixtures]

Writes nothing; standard library and the pipeline only (no database).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BANDS = [(0.0, 0.4), (0.4, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]


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


def judge_attribution(folder: Path, scorer) -> list[tuple[float, str, bool, bool]]:
    """(confidence, basis, direct, right) for every PolNeAR quote the extractor found."""
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
            rows.append((st.confidence, st.basis, True, right))
    return rows


def judge_articles(folder: Path, scorer) -> list[tuple[float, str, bool, bool]]:
    """(confidence, basis, direct, right) for the quotes and reported statements of a score.py gold folder."""
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

        sets = ((True, gold["statements"], sim), (False, gold.get("indirect_statements", []), isim))
        for direct, golds, score in sets:
            mine = [(st, c) for st, c in pairs if st.direct == direct]
            for i, j in scorer.greedy_pairs([c for _, c in mine], golds, score):
                st, c = mine[i]
                expected = golds[j]["speaker"]
                right = c["speaker"] is None if expected is None else names.canonical(c["speaker"]) == expected
                rows.append((st.confidence, st.basis, direct, right))
    return rows


def report(rows, confidences: dict[str, float]) -> None:
    by_basis = defaultdict(lambda: [0, 0, 0.0])
    for confidence, basis, direct, right in rows:
        cell = by_basis[(basis or "(none)", "quote" if direct else "reported")]
        cell[0] += 1
        cell[1] += right
        cell[2] += confidence
    print(f"{'basis':22} {'kind':9} {'n':>5} {'right':>7} {'confidence now':>15} {'table':>6}")
    for (basis, kind), (n, ok, total) in sorted(by_basis.items(), key=lambda kv: (-kv[1][0], kv[0])):
        table = confidences.get("" if basis == "(none)" else basis, 0.3)
        print(f"{basis:22} {kind:9} {n:5d} {ok / n:7.2f} {total / n:15.2f} {table:6.2f}")
    print()
    print(f"{'confidence band':16} {'n':>5} {'mean conf':>10} {'share right':>12}")
    gap = 0.0
    for lo, hi in BANDS:
        band = [(c, r) for c, _, _, r in rows if lo <= c < hi]
        if not band:
            continue
        mean = sum(c for c, _ in band) / len(band)
        share = sum(r for _, r in band) / len(band)
        gap += len(band) * abs(mean - share)
        print(f"[{lo:.1f}, {min(hi, 1.0):.1f}){'':5} {len(band):5d} {mean:10.2f} {share:12.2f}")
    total = len(rows)
    print(f"\n{total} statements, {sum(r for *_, r in rows) / max(total, 1):.2f} right, "
          f"expected calibration error {gap / max(total, 1):.3f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--only", default="polnear,dev,fixtures", help="comma-separated sets among polnear, dev, fixtures")
    args = ap.parse_args()
    if not args.shared.is_dir():
        print(f"no {args.shared}: the gold sets live there; nothing to measure")
        return 0
    from apps.extraction.pipeline.quotes import BASIS_CONFIDENCE

    only = set(args.only.split(","))
    score = _module(args.shared / "score.py", "score")
    attribution = _module(args.shared / "score_attribution.py", "score_attribution")
    rows = []
    if "polnear" in only:
        rows += judge_attribution(args.shared / "peer" / "attribution" / "dev", attribution)
    if "dev" in only:
        rows += judge_articles(args.shared / "dev", score)
    if "fixtures" in only:
        rows += judge_articles(ROOT / "tests" / "fixtures" / "articles", score)
    report(rows, BASIS_CONFIDENCE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
