#!/usr/bin/env python3
"""Prints the slowest test classes of a TRX file (summed test durations), so the suite's time budget stays visible.

Usage: tools/slowest-tests.py RESULTS.trx [N]
"""
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict


def seconds(duration: str) -> float:
    h, m, s = duration.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def main() -> None:
    trx, top = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 8
    ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
    root = ET.parse(trx).getroot()
    # testId -> class name from the definitions; durations from the results.
    classes = {d.get("id"): d.find("t:TestMethod", ns).get("className") for d in root.iterfind(".//t:UnitTest", ns)}
    per_class = defaultdict(lambda: [0.0, 0])
    for r in root.iterfind(".//t:UnitTestResult", ns):
        if r.get("duration"):
            c = per_class[classes.get(r.get("testId"), "?")]
            c[0] += seconds(r.get("duration"))
            c[1] += 1
    total = sum(v[0] for v in per_class.values())
    print(f"  slowest test classes (summed test time {total:.0f} s; classes run in parallel, so the wall clock is less):")
    for name, (secs, count) in sorted(per_class.items(), key=lambda kv: -kv[1][0])[:top]:
        print(f"    {secs:7.1f} s  {count:4d} tests  {name.rsplit('.', 1)[-1]}")


if __name__ == "__main__":
    main()
