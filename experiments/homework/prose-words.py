#!/usr/bin/env python3
"""Words of prose in the answers' bodies: every experiments/*.md but the README, its sections other than
Question, Derivation and "How it was computed", without table rows and display math; an inline formula
or a placeholder counts as one word. Usage: python3 experiments/homework/prose-words.py [--each]"""
import pathlib, re, sys

here = pathlib.Path(__file__).resolve().parent.parent
total = 0
for md in sorted(here.glob("*.md")):
    if md.name == "README.md":
        continue
    text = md.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
    words = 0
    for section in re.split(r"^## ", text, flags=re.M)[1:]:
        title, _, body = section.partition("\n")
        if title.strip() in ("Question", "Derivation", "How it was computed"):
            continue
        body = re.sub(r"\$\$.*?\$\$", " ", body, flags=re.S)
        body = "\n".join(l for l in body.splitlines() if not l.lstrip().startswith("|"))
        body = re.sub(r"\$[^$\n]+\$", " F ", body)
        body = re.sub(r"\{\{[^}]+\}\}", " V ", body)
        words += len(re.findall(r"[A-Za-z0-9][^\s]*", body))
    total += words
    if "--each" in sys.argv:
        print(f"{words:6d} {md.name}")
print(total)
