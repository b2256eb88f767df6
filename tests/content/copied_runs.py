#!/usr/bin/env python3
"""Report prose in input/ that copies 12 or more consecutive words from a source text.

Usage:
    python3 tests/content/copied_runs.py SHARED_DIR [INPUT_DIR] [--min N]

SHARED_DIR is the folder holding facts.md and seeds/ (CI has it at ../shared);
INPUT_DIR defaults to input/. The prose checked is every Markdown body and every
`summary` and `note` value and the file's own `title` (not a source's headline) in the front matter of INPUT_DIR's files. It is
compared with SHARED_DIR/facts.md, every file in SHARED_DIR/seeds/, and every
`quote` value in INPUT_DIR (the archive's own quotes, which prose must not repeat).
Words are compared case-insensitively, ignoring punctuation, citations ([@id]) and
link brackets ([[id|text]]). Each run found is printed as
`path:line: N words shared with SOURCE: "..."`. Exit status: 0 none, 1 some found,
2 the arguments are wrong.

Standard library only, so that it runs anywhere CI runs Python.
"""
import pathlib
import re
import sys

PROSE_KEYS = ("summary", "title", "note")
# A source's `title` is its real headline, copied on purpose; only a file's own title is prose.
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
CITATION = re.compile(r"\[@[^\]]*\]")
LINK = re.compile(r"\[\[([^\]|]+)(?:\|([^\]]+))?\]\]")


def words(text):
    """Lowercased words with their 1-based line offsets within text."""
    out = []
    for line_no, line in enumerate(text.split("\n"), 1):
        line = CITATION.sub(" ", line)
        line = LINK.sub(lambda m: m.group(2) or m.group(1).replace("-", " "), line)
        for m in WORD.finditer(line):
            out.append((m.group(0).lower().replace("’", "'"), line_no))
    return out


def split_front_matter(text):
    """(front matter, body, line number where the body starts)."""
    if not text.startswith("---\n"):
        return "", text, 1
    end = text.find("\n---\n", 4)
    if end < 0:
        return text[4:], "", 1
    front = text[4:end]
    return front, text[end + 5:], front.count("\n") + 3


def scalar_values(front, keys):
    """Yield (key, value, line) for every `key: value` of the given keys, at any depth.

    A small reader for the YAML the archive writes: double-quoted (with escapes),
    single-quoted, block (| or >) and plain scalars. It is not a YAML parser, and need
    not be: a value it misreads is only checked less well, never reported wrongly.
    """
    lines = front.split("\n")
    i = 0
    pattern = re.compile(r"^(\s*(?:-\s+)?)(%s):\s*(.*)$" % "|".join(keys))
    while i < len(lines):
        m = pattern.match(lines[i])
        if not m:
            i += 1
            continue
        indent, key, rest = len(m.group(1)), m.group(2), m.group(3)
        start = i + 1
        if rest.startswith('"'):
            buf, j = rest[1:], i
            while True:
                k, escaped = 0, False
                while k < len(buf):
                    c = buf[k]
                    if escaped:
                        escaped = False
                    elif c == "\\":
                        escaped = True
                    elif c == '"':
                        break
                    k += 1
                if k < len(buf) or j + 1 >= len(lines):
                    buf = buf[:k]
                    break
                j += 1
                buf += " " + lines[j].strip()
            value = (buf.replace('\\"', '"').replace("\\n", "\n")
                     .replace("\\t", " ").replace("\\\\", "\\"))
            i = j + 1
        elif rest.startswith("'"):
            buf, j = rest[1:], i
            while not re.search(r"(?<!')'(?!')", buf) and j + 1 < len(lines):
                j += 1
                buf += " " + lines[j].strip()
            value = re.split(r"(?<!')'(?!')", buf, maxsplit=1)[0].replace("''", "'")
            i = j + 1
        elif rest[:1] in ("|", ">"):
            block, j = [], i + 1
            while j < len(lines) and (not lines[j].strip()
                                      or len(lines[j]) - len(lines[j].lstrip()) > indent):
                block.append(lines[j].strip())
                j += 1
            value = "\n".join(block)
            i = j
        else:
            value = rest
            i += 1
        yield key, value, start


def is_top_level(front, line):
    """Whether the front-matter line (1-based within the front matter) is an unindented key."""
    lines = front.split("\n")
    return 0 < line <= len(lines) and not lines[line - 1][:1].isspace()


def ngrams(seq, n):
    return {tuple(seq[k:k + n]) for k in range(len(seq) - n + 1)}


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    n = 12
    if "--min" in argv:
        idx = argv.index("--min")
        try:
            n = int(argv[idx + 1])
            args.remove(argv[idx + 1])
        except (IndexError, ValueError):
            print("--min needs a number", file=sys.stderr)
            return 2
    if not 1 <= len(args) <= 2:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    shared = pathlib.Path(args[0])
    input_dir = pathlib.Path(args[1] if len(args) > 1 else "input")
    if not (shared / "facts.md").is_file() or not input_dir.is_dir():
        print(f"expected {shared}/facts.md and the folder {input_dir}", file=sys.stderr)
        return 2

    references = {}  # 12-word tuple -> name of the text it comes from
    texts = [(str(shared / "facts.md"), (shared / "facts.md").read_text(encoding="utf-8"))]
    seeds = shared / "seeds"
    if seeds.is_dir():
        texts += [(str(p), p.read_text(encoding="utf-8", errors="replace"))
                  for p in sorted(seeds.iterdir()) if p.is_file()]
    files = sorted(input_dir.rglob("*.md"))
    for path in files:
        front, _, _ = split_front_matter(path.read_text(encoding="utf-8"))
        for _, value, line in scalar_values(front, ("quote",)):
            texts.append((f"a quote in {path}:{line + 1}", value))
    for name, text in texts:
        for gram in ngrams([w for w, _ in words(text)], n):
            references.setdefault(gram, name)

    found = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        front, body, body_line = split_front_matter(text)
        in_catalog = path.parent.name == "sources"
        # +1: the front matter starts on the file's second line, after "---".
        pieces = [(value, line + 1) for key, value, line in scalar_values(front, PROSE_KEYS)
                  if key != "title" or (not in_catalog and is_top_level(front, line))]
        pieces.append((body, body_line))
        for piece, first_line in pieces:
            ws = words(piece)
            k = 0
            while k + n <= len(ws):
                gram = tuple(w for w, _ in ws[k:k + n])
                if gram not in references:
                    k += 1
                    continue
                end = k + n
                while end < len(ws) and tuple(w for w, _ in ws[end - n + 1:end + 1]) in references:
                    end += 1
                run = " ".join(w for w, _ in ws[k:end])
                line = first_line + ws[k][1] - 1
                print(f'{path}:{line}: {end - k} words shared with {references[gram]}: "{run}"')
                found += 1
                k = end
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
