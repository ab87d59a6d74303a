#!/usr/bin/env python3
"""Writes src/NbsRoundup.Web/Resources/Localization.SharedResource.zh-CN.resx from strings.zh-CN.tsv.

The interface's English text is the key; the TSV (key<TAB>Chinese) is the one place
translators edit. Run after changing it: python3 tools/resx.py
"""
import html, pathlib

root = pathlib.Path(__file__).resolve().parent.parent
web = root / "src" / "NbsRoundup.Web" / "Resources"
rows = []
for line in (web / "strings.zh-CN.tsv").read_text(encoding="utf-8").splitlines():
    if not line.strip() or line.startswith("#"):
        continue
    key, value = line.split("\t", 1)
    rows.append((key, value))
# The resource compiler compares names without case and silently keeps only the first of
# "All issues" and "all issues": the other then shows in English on the Chinese interface.
folded = {}
for key, _ in rows:
    folded.setdefault(key.casefold(), []).append(key)
clashes = [v for v in folded.values() if len(v) > 1]
if clashes:
    raise SystemExit(f"keys given twice, or differing only in case (the resource compiler keeps one): {clashes}")
out = ['<?xml version="1.0" encoding="utf-8"?>', "<root>",
       '  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>',
       '  <resheader name="version"><value>2.0</value></resheader>',
       '  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>',
       '  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>']
for key, value in sorted(rows):
    out.append(f'  <data name="{html.escape(key, quote=True)}" xml:space="preserve"><value>{html.escape(value, quote=False)}</value></data>')
out.append("</root>")
(web / "Localization.SharedResource.zh-CN.resx").write_text("\n".join(out) + "\n", encoding="utf-8")
print(f"{len(rows)} strings")
