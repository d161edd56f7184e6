#!/usr/bin/env python3
"""Prints one line per failed test of a TRX file: the test's name and the first line of its error message.

test.sh adds these lines to its closing summary, so the last lines of a run (all that a CI log may keep) name what
failed and why, not only how many.

Usage: tools/failed-tests.py RESULTS.trx [MAX]
"""
import sys
import xml.etree.ElementTree as ET


def main() -> None:
    trx, limit = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10
    ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
    failed = [r for r in ET.parse(trx).getroot().iterfind(".//t:UnitTestResult", ns)
              if r.get("outcome") in ("Failed", "Error", "Timeout", "Aborted")]
    for r in failed[:limit]:
        message = r.findtext("t:Output/t:ErrorInfo/t:Message", default="", namespaces=ns).strip()
        first = message.splitlines()[0][:300] if message else "(no message)"
        print(f"{r.get('testName')}: {first}")
    if len(failed) > limit:
        print(f"... and {len(failed) - limit} more")


if __name__ == "__main__":
    main()
