#!/usr/bin/env python3
"""Lists Proeftuin's localizer keys: the Dutch texts that go through IStringLocalizer<SharedResource>.

Dutch is the key, so Dutch needs no resource file; English lives in
src/Proeftuin/Resources/SharedResource.en.resx (texts shared by features) and in each feature's
src/Proeftuin/Features/<X>/Texts.en.resx (declared by its module). This script finds the keys in the source with a
handful of plain regular expressions (below) and compares them with that file.

    tools/i18n-keys.py             every key, sorted, one per line
    tools/i18n-keys.py --where     every key with the file:line where it was found
    tools/i18n-keys.py --missing   keys without an English entry (and keys that differ only in
                                   case); exit code 1 if there are any
    tools/i18n-keys.py --unused    English entries whose key no longer appears in the code

tests/Proeftuin.Tests/Web/LocalizationCoverageTests.cs runs the same patterns in C#: change both
together. Python 3 standard library only; runnable from any working directory.

How keys are found (files under src/Proeftuin, not bin/, obj/, wwwroot/ or Data/Migrations/):

  *.cs and *.cshtml
    localizer        L["…"] / l["…"], also with arguments: L["Van {0} naar {1}", a, b]
  *.cshtml
    pt-field         label="…" and hint="…" on a <pt-field …> tag (FieldTagHelper localizes them;
                     values starting with @ are C# expressions and are skipped)
    crumb            new Crumb("…", …) and the target-typed new("…", …) (only crumbs use it in
                     views); a crumb whose label is an expression (a title) is data and is skipped
  *.cs
    Validation.Add   Add(field, "…")            message of a field error (PageExtensions.AddErrors
                                                 and ApiResults localize it)
    Validation.Enum  Enum(field, value, "…")    message when an enum value is not defined
    label:           v.Text(…, label: "…")      inserted into "Vul {0} in." and is localized itself
    Outcome.Invalid  Invalid(field, "…")
    flash            Flash("…") (the layout localizes TempData["Message"])
  *.cshtml.cs
    sentence         a literal argument that reads like a sentence, f(…, "… ….") : it has a space
                     and ends with . ! or ?  This finds flash messages that a page model hands to
                     a helper first, such as ChangeAsync(id, …, "De rol is gewijzigd.")
    switch arm       … => "…",                   Label()/People() words, Error page texts,
                                                 ApiResults.DefaultTitle (every switch arm that is
                                                 a plain literal counts as a key)
    BadQuery         ApiResults.BadQuery(l, field, "…")
    Features const   public const string X = "…";  in Features/ (UseSignInLink.Expired, …)
    demo roles       the RoleDescription of DemoData's new("…@…", "Name", Perspective.X, "…")
    select options   new("…", "value") / new SelectListItem("…", …) in Shared/Options.cs
                     (FieldTagHelper localizes the text of every option)
    workspace link   new WorkspaceLink("…", …) in a feature module (the project page localizes it)

Not keys (and deliberately not matched): interpolated strings, mail texts, console messages,
OpenAPI summaries and the literal "English"/"Nederlands" culture-switch button in the layout.
C# escapes (\\" \\\\ \\n \\t \\uXXXX) in string literals are decoded; verbatim (@"…") and raw
string literals are not supported. Comments are not skipped.
"""

import argparse
import os
import re
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(ROOT, "src", "Proeftuin")
RESX = os.path.join(SOURCE, "Resources", "SharedResource.en.resx")


def resx_files():
    """The shared file first, then every feature's Texts.en.resx."""
    features = os.path.join(SOURCE, "Features")
    found = sorted(os.path.join(features, d, "Texts.en.resx") for d in os.listdir(features)
                   if os.path.exists(os.path.join(features, d, "Texts.en.resx")))
    return [RESX] + found
SKIP_DIRS = {"bin", "obj", "wwwroot", "node_modules"}

# A C# string literal; group 1 is its body (still escaped).
STR = r'"((?:[^"\\\n]|\\.)*)"'
# The same without a capturing group.
LIT = r'"(?:[^"\\\n]|\\.)*"'
# A literal that reads like a sentence (a space, and . ! or ? at the end); group 1 is its body.
SENTENCE = r'"((?:[^"\\\n]|\\.)* (?:[^"\\\n]|\\.)*[.!?])"'
# One simple argument: a literal, or an expression without commas and quotes, with at most one
# pair of (non-nested) parentheses, such as nameof(Title) or field.
ARG = r'(?:' + LIT + r'|[^,"()]+(?:\([^()]*\))?)'

CS = r'\.cs$'
CSHTML = r'\.cshtml$'
ANY = r'\.(?:cs|cshtml)$'

# (name, which files (regex on the path relative to src/Proeftuin, with /), pattern with exactly one group)
PATTERNS = [
    ("localizer", ANY, r'\b[lL]\[\s*' + STR),
    ("crumb", CSHTML, r'\bnew(?:\s+Crumb)?\(\s*' + STR),
    ("Validation.Add", CS, r'\bAdd\(\s*' + ARG + r'\s*,\s*' + STR),
    ("Validation.Enum", CS, r'\bEnum\(\s*' + ARG + r'\s*,\s*' + ARG + r'\s*,\s*' + STR),
    ("label:", CS, r'\blabel:\s*' + STR),
    ("Outcome.Invalid", CS, r'\bInvalid\(\s*' + ARG + r'\s*,\s*' + STR),
    ("flash", CS, r'\bFlash\(\s*' + STR),
    ("sentence", r'\.cshtml\.cs$', r'[(,]\s*' + SENTENCE),
    ("switch arm", CS, r'=>\s*' + STR + r'\s*,'),
    ("BadQuery", CS, r'\bBadQuery\(\s*' + ARG + r'\s*,\s*' + ARG + r'\s*,\s*' + STR),
    ("Features const", r'^Features/.*\.cs$', r'\bconst\s+string\s+\w+\s*=\s*' + STR + r'\s*;'),
    ("demo roles", r'^Data/DemoData\.cs$', r'\bnew\(\s*"[^"@]*@[^"]*"\s*,\s*' + LIT + r'\s*,\s*[\w.]+\s*,\s*' + STR + r'\s*\)'),
    ("select options", r'^Shared/Options\.cs$', r'\bnew(?:\s+SelectListItem)?\(\s*' + STR + r'\s*,'),
    ("workspace link", CS, r'\bnew\s+WorkspaceLink\(\s*' + STR),
]

# pt-field: first the whole tag (quoted values may contain >), then its label/hint attributes.
PT_FIELD_TAG = r'<pt-field\b(?:[^>"]|"[^"]*")*>'
PT_FIELD_ATTR = r'\s(?:label|hint)\s*=\s*"([^"]*)"'

_ESCAPES = {'"': '"', "\\": "\\", "'": "'", "n": "\n", "t": "\t", "r": "\r", "0": "\0"}


def unescape(body):
    """Decodes the escapes of a regular C# string literal."""
    def one(m):
        s = m.group(1)
        if s[0] == "u":
            return chr(int(s[1:], 16))
        return _ESCAPES.get(s, "\\" + s)
    return re.sub(r'\\(u[0-9a-fA-F]{4}|.)', one, body)


def source_files():
    for dirpath, dirnames, filenames in os.walk(SOURCE):
        rel_dir = os.path.relpath(dirpath, SOURCE).replace(os.sep, "/")
        dirnames[:] = sorted(d for d in dirnames
                             if d not in SKIP_DIRS and not (rel_dir == "Data" and d == "Migrations"))
        for name in sorted(filenames):
            if name.endswith(".cs") or name.endswith(".cshtml"):
                path = os.path.join(dirpath, name)
                yield os.path.relpath(path, SOURCE).replace(os.sep, "/"), path


def extract():
    """Returns {key: [ "path:line", … ]}."""
    found = {}

    def add(key, rel, text, pos):
        if not key.strip():
            return
        place = f"{rel}:{text.count(chr(10), 0, pos) + 1}"
        if place not in found.setdefault(key, []):
            found[key].append(place)

    for rel, path in source_files():
        with open(path, encoding="utf-8-sig") as f:
            text = f.read()
        for _name, files, pattern in PATTERNS:
            if re.search(files, rel):
                for m in re.finditer(pattern, text):
                    add(unescape(m.group(1)), rel, text, m.start(1))
        if rel.endswith(".cshtml"):
            for tag in re.finditer(PT_FIELD_TAG, text):
                for m in re.finditer(PT_FIELD_ATTR, tag.group(0)):
                    if not m.group(1).startswith("@"):
                        add(m.group(1), rel, text, tag.start() + m.start(1))
    return found


def english_names():
    return [d.get("name") for f in resx_files() for d in ET.parse(f).getroot().findall("data")]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--missing", action="store_true", help="keys without an English entry; exit 1 if any")
    group.add_argument("--unused", action="store_true", help="English entries not found in the code")
    group.add_argument("--where", action="store_true", help="show where each key was found")
    args = parser.parse_args()

    keys = extract()
    if args.missing:
        names = set(english_names())
        missing = sorted(k for k in keys if k not in names)
        for k in missing:
            print(k)
        print(f"{len(missing)} of {len(keys)} keys have no English entry in any *.en.resx",
              file=sys.stderr)
        # Resource names are case-insensitive: only one of "Je naam" / "je naam" can have an English text.
        by_case = {}
        for k in keys:
            by_case.setdefault(k.casefold(), []).append(k)
        clashes = [group for group in by_case.values() if len(group) > 1]
        for group in clashes:
            print("keys that differ only in case (change one Dutch text): " + " | ".join(sorted(group)), file=sys.stderr)
        return 1 if missing or clashes else 0
    if args.unused:
        for name in sorted(set(english_names()) - set(keys)):
            print(name)
        return 0
    for k in sorted(keys):
        print(f"{k}\t{', '.join(keys[k])}" if args.where else k)
    return 0


if __name__ == "__main__":
    sys.exit(main())
