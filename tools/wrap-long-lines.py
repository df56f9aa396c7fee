#!/usr/bin/env python3
"""Wrap every line over 140 characters in Swift files, in the project's style.

Usage:  python3 tools/wrap-long-lines.py [--check] [--width N] [PATH ...]   (default PATH: Sources Tests)

Only line breaks and the indentation of continuation lines change, except that a string literal too
long for any line is split into pieces joined with `+` (or, where Swift needs one literal: attribute
and `#expect`/`#require` comment arguments, into a multi-line literal with `\\` line continuations);
both spell the same string. In order of preference, a long line is broken
  1. after commas (and `;`) at the outermost bracket depth that has some, else before `? :` of a
     ternary, `||`, `&&`, `??`, `+` at that depth (the operator starts the continuation line);
  2. before `.member` of a chain;
  3. inside its longest string literal, at spaces (else after `/`).
Continuation lines are indented 4 more than the broken line; arguments of a bracket opened on an
earlier line stay aligned with the line they come from. Comment lines are reflowed at spaces with
their prefix (`//`, `///`, indentation, a list item's hanging indent); a trailing comment on a long
code line moves onto its own line above. Lines of a multi-line string literal are split at spaces
with a `\\` line continuation. What cannot be broken (a word longer than the line) is left alone
and listed. Deterministic and idempotent: a second run changes nothing.
"""
import argparse
import os
import re
import sys

WIDTH = 140
OPEN, CLOSE = "([{", ")]}"
# Callees whose string arguments must stay one literal (the argument's type is not String).
LITERAL_CALLEES = ("#expect", "#require", "Issue.record", "@Test", "@Suite", "@Option", "@Flag", "@Argument",
                   "ArgumentHelp", "Comment")


class LexError(Exception):
    pass


class Tok:
    __slots__ = ("kind", "start", "end", "depth", "hashes", "interps", "text")

    def __init__(self, kind, start, end, depth, text="", hashes=0, interps=None):
        self.kind, self.start, self.end, self.depth = kind, start, end, depth
        self.text, self.hashes, self.interps = text, hashes, interps or []


def scan_string(s, i, hashes):
    """s[i] is the opening quote of a single-line literal; returns (end, interpolation ranges)."""
    j = i + 1
    close = '"' + "#" * hashes
    esc = "\\" + "#" * hashes
    interps = []
    while j < len(s):
        if s.startswith(close, j):
            return j + len(close), interps
        if s.startswith(esc, j):
            k = j + len(esc)
            if k < len(s) and s[k] == "(":
                end = scan_code_until_close(s, k + 1)
                interps.append((j, end))
                j = end
                continue
            j = k + 1
            continue
        j += 1
    raise LexError("unterminated string")


def scan_code_until_close(s, i):
    """Scans code inside `\\(`; returns the index after its closing parenthesis."""
    depth = 1
    while i < len(s):
        c = s[i]
        if c == '"' or (c == "#" and re.match(r'#+"', s[i:])):
            h = len(re.match(r"#*", s[i:]).group(0))
            if s.startswith('"""', i + h):
                raise LexError("multi-line string in interpolation")
            i, _ = scan_string(s, i + h, h)
            continue
        if c in OPEN:
            depth += 1
        elif c in CLOSE:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise LexError("unterminated interpolation")


def lex(s):
    """Tokens of one line of code that starts outside any literal or comment.
    Returns (tokens, end_state); end_state is None, ("ml", hashes) or ("block", n)."""
    toks = []
    depth = 0
    angle = 0
    ternary = {}
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if s.startswith("//", i):
            toks.append(Tok("comment", i, n, depth))
            return toks, None
        if s.startswith("/*", i):
            end = s.find("*/", i + 2)
            if end < 0:
                return toks, ("block", 1)
            i = end + 2
            continue
        m = re.match(r'(#*)"', s[i:])
        if m and (c == '"' or (c == "#" and (i == 0 or not (s[i - 1].isalnum() or s[i - 1] == "_")))):
            h = len(m.group(1))
            if s.startswith('"""', i + h):
                toks.append(Tok("mlopen", i, n, depth, hashes=h))
                return toks, ("ml", h)
            end, interps = scan_string(s, i + h, h)
            toks.append(Tok("str", i, end, depth, hashes=h, interps=interps))
            i = end
            continue
        if c in OPEN:
            toks.append(Tok("open", i, i + 1, depth, c))
            depth += 1
        elif c in CLOSE:
            depth -= 1
            toks.append(Tok("close", i, i + 1, depth, c))
        elif c == "<" and i > 0 and (s[i - 1].isalnum() or s[i - 1] == "_") and i + 1 < n and (s[i + 1].isupper() or s[i + 1] in "([_"):
            angle += 1
        elif c == ">" and angle > 0 and s[i - 1] != "-":
            angle -= 1
        elif c in ",;" and angle == 0:
            toks.append(Tok("comma", i, i + 1, depth, c))
        elif c == " " and i + 1 < n:
            m = re.match(r" (&&|\|\||\?\?|\+|\?|:|=) ", s[i:])
            if m:
                op = m.group(1)
                if op == "?":
                    ternary[depth] = ternary.get(depth, 0) + 1
                    toks.append(Tok("ternary", i + 1, i + 2, depth, op))
                elif op == "=":
                    toks.append(Tok("assign", i + 1, i + 2, depth, op))
                elif op == ":":
                    if ternary.get(depth, 0) > 0:
                        ternary[depth] -= 1
                        toks.append(Tok("ternary", i + 1, i + 2, depth, op))
                else:
                    toks.append(Tok("op", i + 1, i + 1 + len(op), depth, op))
                i += 1 + len(op)
                continue
        elif c == "." and i > 0 and (s[i - 1].isalnum() or s[i - 1] in "_)]") and i + 1 < n and (s[i + 1].isalpha() or s[i + 1] == "_"):
            word = re.search(r"[A-Za-z_0-9]*$", s[:i]).group(0)
            if word not in ("self", "Self", "super") and not (word and word[0].isdigit()) and "\\" not in s[max(0, i - len(word) - 1):i]:
                toks.append(Tok("dot", i, i + 1, depth))
        i += 1
    return toks, None


def indent_of(s):
    return len(s) - len(s.lstrip(" "))


def pack(s, breaks, first_limit, cont_indent, width):
    """Splits s at the given break positions into pieces and packs them greedily into lines."""
    pieces = []
    prev = 0
    for b in breaks:
        pieces.append(s[prev:b])
        prev = b
    pieces.append(s[prev:])
    lines = [pieces[0]]
    for p in pieces[1:]:
        joined = lines[-1] + p  # kept together as written
        if len(joined.rstrip()) <= width:
            lines[-1] = joined
        else:
            lines.append(cont_indent + p.lstrip())  # its trailing space may separate it from the next piece
    return [l.rstrip() for l in lines]


def structural_breaks(s, toks, width):
    """Break positions at the outermost depth that has any, and whether they are siblings of an
    argument list opened on an earlier line (then the continuation keeps the line's indentation)."""
    cands = [t for t in toks if t.kind in ("comma", "op", "ternary")]
    # A comma right before a comment or the end of the line is no break.
    cands = [t for t in cands if not (t.kind == "comma" and s[t.end:].strip() == "")]
    # Nor is an operator that already starts the line.
    cands = [t for t in cands if s[:t.start].strip() != ""]
    if not cands:
        # last: after the `=` of a declaration or assignment
        ind = indent_of(s) + 4
        cands = [t for t in toks if t.kind == "assign" and s[t.end:].strip() != "" and ind + len(s[t.end:].strip()) <= width]
    if not cands:
        return None
    d = min(t.depth for t in cands)
    level = [t for t in cands if t.depth == d]
    for kinds in (lambda t: t.kind == "comma", lambda t: t.kind == "ternary", lambda t: t.text == "||",
                  lambda t: t.text == "&&", lambda t: t.text == "??", lambda t: t.text == "+", lambda t: t.kind == "assign"):
        chosen = [t for t in level if kinds(t)]
        if chosen:
            break
    is_comma = chosen[0].kind in ("comma", "assign")
    positions = [t.end if is_comma else t.start for t in chosen]
    # Commas of a bracket opened on an earlier line: the pieces are siblings of this line.
    sibling = False
    if chosen[0].kind == "comma" and d <= 0:
        last = chosen[-1]
        sibling = any(t.kind == "close" and t.depth == d - 1 and t.start > last.start for t in toks)
        # a line of list items that goes on on the next line
        sibling = sibling or any(t.kind == "comma" and t.depth == d and s[t.end:].strip() == "" for t in toks)
    opener = None
    if chosen[0].kind == "comma" and d >= 1:
        opens = [t for t in toks if t.kind == "open" and t.depth == d - 1 and t.start < chosen[0].start]
        opener = opens[-1].start if opens else None
    return positions, sibling, opener, d


def literal_context(s, tok, toks):
    """True when the string is a whole argument of a call whose parameter is not String."""
    before = s[:tok.start].rstrip()
    before = re.sub(r"[A-Za-z_][A-Za-z_0-9]*:$", "", before).rstrip()
    after = s[tok.end:].lstrip()
    if not (before.endswith(("(", ",")) and (after.startswith((",", ")")))):
        return False
    # find the bracket that encloses the string
    depth = tok.depth
    opener = None
    for t in toks:
        if t.kind == "open" and t.depth == depth - 1 and t.start < tok.start:
            opener = t
        if t.kind == "close" and t.depth == depth - 1 and t.start < tok.start:
            opener = None
    if opener is None:
        callee_text = s.lstrip()
        return callee_text.startswith(("@",))
    callee = re.search(r"[@#]?[A-Za-z_][A-Za-z_0-9.]*$", s[:opener.start])
    return bool(callee and callee.group(0).endswith(LITERAL_CALLEES)) or s.lstrip().startswith("@")


# Calls whose unlabelled or `help:` string arguments are String (PlatformDiagnostics, the CLI).
STRING_CALLEES = ("error", "warning", "note", "Diagnostic", "DiagnosticNote", "IOFailure", "fail", "print", "fatalError",
                  "preconditionFailure", "FileRefusal")


def is_string_context(s, tok, toks, plus_follows=False, stack=()):
    """Whether the literal is certainly a String, so that `"a" + "b"` may replace it: an operand of
    `+`, the value of an unannotated `let`/`var`, or a message argument of a call known to take
    String. Elsewhere a literal may stand for another type (ManifestValue, Substring, ArgumentHelp,
    Comment…), and only a single literal keeps the program the same."""
    prefix, after = s[:tok.start].rstrip(), s[tok.end:].lstrip()
    if re.search(r"[*/%]$|\.\.[.<]$|\b(as|is)$", prefix) or after[:1] in (".", "[", "("):
        return False  # `+` would bind differently
    if prefix.endswith((" +", "+=")) or after.startswith("+ ") or (after == "" and plus_follows):
        return True
    if re.search(r"^\s*((static|private|fileprivate|package|public|internal|lazy)\s+)*(let|var)\s+\w+\s*=$", prefix):
        return True
    if not (re.search(r"(\(|,)$", prefix) or re.search(r"(\(|,)\s*help:$", prefix) or prefix == "" or re.match(r"^\s*(help:)?$", prefix)):
        return False
    if not (after == "" or after.startswith((",", ")"))):
        return False
    labelled = prefix.endswith("help:")
    depth = tok.depth
    opener = None
    for t in toks:
        if t.start >= tok.start:
            break
        if t.kind == "open" and t.depth == depth - 1:
            opener = t
        elif t.kind == "close" and t.depth == depth - 1:
            opener = None
    if opener is None:
        # the bracket was opened on an earlier line
        if tok.depth != 0 or not stack or stack[-1] not in STRING_CALLEES:
            return False
        between = s[:tok.start]
        return labelled or not re.search(r"\b[a-z][A-Za-z0-9_]*:\s*$", between)
    if opener.text != "(":
        return False
    callee = re.search(r"([A-Za-z_][A-Za-z_0-9]*)$", s[:opener.start])
    if not callee or callee.group(1) not in STRING_CALLEES:
        return False
    # unlabelled, or labelled `help:`; a label in between (e.g. `at:`) is not a message
    between = s[opener.end:tok.start]
    return labelled or not re.search(r"\b[a-z][A-Za-z0-9_]*:\s*$", between)


def split_string(s, tok, toks, width, plus_follows=False, stack=()):
    """Splits a string literal; returns the lines or None."""
    h = tok.hashes
    q_open, q_close = "#" * h + '"', '"' + "#" * h
    content_start, content_end = tok.start + len(q_open), tok.end - len(q_close)
    content = s[content_start:content_end]
    prefix, suffix = s[:tok.start], s[tok.end:]
    ind = indent_of(s)
    inside = set()
    for a, b in tok.interps:
        inside.update(range(a - content_start + 1, b - content_start))

    newlines = {j for j in range(2, len(content)) if h == 0 and content[j - 2:j] == "\\n" and j not in inside
                and (len(content[:j - 1]) - len(content[:j - 1].rstrip("\\"))) % 2 == 1}

    def choose(pts, pos, room):
        """The farthest split that fits, after a `\\n` escape if one fits in the last two thirds."""
        fit = [p for p in pts if p > pos and p - pos <= room]
        lines_end = [p for p in fit if p in newlines and p - pos >= room // 3]
        if lines_end:
            return lines_end[-1]
        return fit[-1] if fit else next((p for p in pts if p > pos), None)

    def points(chars):
        pts = sorted(newlines)
        for j in range(1, len(content)):
            if content[j - 1] in chars and content[j] != " " and j not in inside:
                # never between a backslash and what it escapes
                k = j - 1
                bs = 0
                while k >= 0 and content[k] == "\\":
                    bs += 1
                    k -= 1
                if content[j - 1] != "\\":
                    pts.append(j)
        return sorted(set(pts))

    def multiline_pieces(pts):
        lines = []
        pos = 0
        while True:
            room = limit - len(cont)
            if len(content) - pos <= width - len(cont):
                lines.append(cont + content[pos:])
                break
            nxt = choose(pts, pos, room)
            if nxt is None:
                lines.append(cont + content[pos:])
                break
            lines.append(cont + content[pos:nxt] + esc)
            pos = nxt
        return lines

    if not is_string_context(s, tok, toks, plus_follows, stack):
        # One literal (a multi-line one): the literal may stand for a type other than String
        cont = " " * (ind + 4)
        esc = "\\" + "#" * h
        limit = width - len(esc)
        for chars in (" ", " /", " /,."):
            pts = points(chars)
            lines = multiline_pieces(pts)
            if all(len(l) <= width for l in lines):
                break
        lines = [prefix + "#" * h + '"""'] + lines + [cont + '"""' + "#" * h + suffix]
        if any('"""' in l for l in lines[1:-1]):
            return None
        return lines, True

    # a line that is itself a piece of a concatenation: its pieces are siblings
    cont = " " * (ind if s.lstrip().startswith("+ ") else ind + 4) + "+ "
    for chars in (" ", " /", " /,."):
        pts = points(chars)
        if not pts:
            continue
        lines = []
        pos = 0
        line_prefix = prefix
        while True:
            rest = line_prefix + q_open + content[pos:] + q_close + suffix
            if len(rest) <= width:
                lines.append(rest)
                break
            room = width - len(line_prefix) - len(q_open) - len(q_close)
            nxt = choose(pts, pos, room)
            if nxt is None:
                lines.append(rest)
                break
            lines.append(line_prefix + q_open + content[pos:nxt] + q_close)
            pos = nxt
            line_prefix = cont
        if all(len(l) <= width for l in lines) or chars == " /,.":
            return (lines, False) if len(lines) > 1 else None
    return None


def comment_parts(s):
    """(prefix: indentation, `//`/`///` and the spaces after it; a list item's marker or "")."""
    m = re.match(r"(\s*//[/!]?\s*)((?:[-*+]|\d+\.)\s+)?", s)
    return m.group(1), m.group(2) or ""


def continues_paragraph(s, nxt):
    """Whether comment line `nxt` goes on with the paragraph of comment line `s`."""
    if not re.match(r"\s*//", nxt):
        return False
    prefix, marker = comment_parts(s)
    nprefix, nmarker = comment_parts(nxt)
    text = nxt[len(nprefix):]
    if nmarker or not text.strip() or re.match(r"(```|#|\||MARK:|TODO|FIXME|- )", text):
        return False
    if prefix.rstrip() != nprefix.rstrip() or not prefix.endswith(" "):
        return False
    return nprefix == prefix + " " * len(marker)


def wrap_comment(s, width):
    prefix, marker = comment_parts(s)
    hang = " " * len(marker)
    text = s[len(prefix):]
    lines = []
    first = True
    while True:
        lead = prefix if first else prefix + hang
        if len(lead) + len(text) <= width:
            lines.append(lead + text)
            break
        room = width - len(lead)
        spaces = [j for j, ch in enumerate(text) if ch == " " and 0 < j and text[j - 1] != " "]
        fit = [j for j in spaces if j <= room]
        cut = fit[-1] if fit else (spaces[0] if spaces else None)
        if cut is None:
            lines.append(lead + text)
            break
        lines.append((lead + text[:cut]).rstrip())
        text = text[cut:].lstrip(" ")
        first = False
    return lines


STATEMENT = re.compile(r"(\}\s*)?(if|guard|for|while|do|else|catch|defer|repeat)\b")


def expand_blocks(s, toks):
    """`if c { a } else { b }` on one line of a statement: one line per block part and statement.
    Returns the lines, or None when the line has no such block."""
    body = s.lstrip()
    m = STATEMENT.match(body)
    if not m:
        return None
    base = -1 if body.startswith("}") else 0
    braces = [t for t in toks if t.text in "{}" and t.kind in ("open", "close") and t.depth == base]
    if base == -1:
        braces = braces[1:]
    if not braces or braces[0].text != "{" or len(braces) % 2:
        return None
    for k, t in enumerate(braces):
        if t.text != "{}"[k % 2]:
            return None
    ind = " " * indent_of(s)
    inner = ind + "    "
    lines = []
    head_start = indent_of(s)
    for k in range(0, len(braces), 2):
        o, c = braces[k], braces[k + 1]
        head = s[head_start:o.end].strip()
        lines.append((ind if lines else ind) + head if not lines else lines.pop() + " " + head)
        # statements of the block, split at its top-level semicolons
        start = o.end
        for t in toks:
            if t.kind == "comma" and t.text == ";" and t.depth == base + 1 and o.end <= t.start < c.start:
                lines.append(inner + s[start:t.start].strip())
                start = t.end
        last = s[start:c.start].strip()
        if last:
            lines.append(inner + last)
        lines.append(ind + "}")
        head_start = c.end
    tail = s[head_start:].strip()
    if tail:
        if tail.startswith(("else", "catch")):
            lines[-1] += " " + tail
        else:
            return None
    if lines[0].strip().startswith("}") is False and not lines[0].startswith(ind):
        return None
    return lines


def advance(stack, text):
    """The brackets open after `text` (each as the name called with it, or ""), given those open before."""
    try:
        toks, state = lex(text)
    except LexError:
        return stack
    stack = list(stack)
    for t in toks:
        if t.kind == "open":
            callee = re.search(r"([A-Za-z_][A-Za-z_0-9]*)$", text[:t.start]) if t.text == "(" else None
            stack.append(callee.group(1) if callee else "")
        elif t.kind == "close" and stack:
            stack.pop()
    return stack


def wrap_each(lines, width, depth, stack, plus_follows=False):
    out = []
    for k, l in enumerate(lines):
        plus = lines[k + 1].lstrip().startswith("+ ") if k + 1 < len(lines) else plus_follows
        out.extend(wrap_code(l, width, depth + 1, plus_follows=plus, stack=stack))
        stack = advance(stack, l)
    return out


def wrap_code(s, width, depth=0, next_indent=None, plus_follows=False, stack=()):
    """The lines s becomes. `plus_follows`: the next line goes on with `+ ` (a concatenation);
    `stack`: the brackets open before the line (see `advance`)."""
    if len(s) <= width or depth > 40:
        return [s]
    try:
        toks, end_state = lex(s)
    except LexError:
        return [s]
    ind = " " * indent_of(s)
    comments = [t for t in toks if t.kind == "comment"]
    if comments and s[:comments[0].start].strip():
        c = comments[0]
        code = s[:c.start].rstrip()
        return wrap_comment(ind + s[c.start:].rstrip(), width) + wrap_code(code, width, depth + 1, stack=stack)
    if comments:
        return wrap_comment(s, width)
    if end_state is not None and end_state[0] == "block":
        return [s]
    if end_state is None:
        expanded = expand_blocks(s, toks)
        if expanded:
            return wrap_each(expanded, width, depth, stack)
    found = structural_breaks(s, toks, width)
    dots = [t for t in toks if t.kind == "dot" and s[:t.start].strip() != ""]
    if found and dots and min(t.depth for t in dots) < found[3]:
        # a call chained on a closing bracket, outside every comma and operator: break before it first
        d = min(t.depth for t in dots)
        lines = pack(s, [t.start for t in dots if t.depth == d], width, ind + "    ", width)
        if len(lines) > 1:
            return wrap_each(lines, width, depth, stack, plus_follows)
    if found:
        positions, sibling, opener, _ = found
        cont = ind if sibling else ind + "    "
        if opener is not None and next_indent == opener + 1:
            cont = " " * next_indent  # the list's later lines are aligned with its bracket: so are these
        lines = pack(s, positions, width, cont, width)
        if len(lines) > 1:
            return wrap_each(lines, width, depth, stack, plus_follows)
    dots = [t for t in toks if t.kind == "dot" and s[:t.start].strip() != ""]
    chain = None
    if dots:
        d = min(t.depth for t in dots)
        positions = [t.start for t in dots if t.depth == d]
        lines = pack(s, positions, width, ind + "    ", width)
        if len(lines) > 1:
            if all(len(l) <= width for l in lines):
                return lines  # a chain broken at its calls is enough
            chain = wrap_each(lines, width, depth, stack, plus_follows)
    strings = [t for t in toks if t.kind == "str" and t.end - t.start > 30]
    # the string that crosses the limit, else the longest
    crossing = [t for t in strings if t.start < width < t.end]
    for t in crossing + sorted(strings, key=lambda t: t.start - t.end):
        split = split_string(s, t, toks, width, plus_follows, stack)
        if split:
            lines, multiline = split
            if multiline:  # the literal's lines are text, not code; its closing line is left as is
                return wrap_code(lines[0], width, depth + 1, stack=stack) + lines[1:]
            return wrap_each(lines, width, depth, stack, plus_follows)
    return chain or [s]


def wrap_ml_line(s, hashes, close_indent, width):
    """A line inside a multi-line string literal: split at spaces with a line continuation."""
    esc = "\\" + "#" * hashes
    if s.rstrip().endswith(esc) and not s.rstrip().endswith("\\" + esc):
        body, tail = s[: len(s.rstrip()) - len(esc)], esc
    else:
        body, tail = s, ""
    # spaces outside interpolations
    inside = set()
    j = 0
    while j < len(body):
        if body.startswith(esc + "(", j):
            try:
                end = scan_code_until_close(body, j + len(esc) + 1)
            except LexError:
                return [s]
            inside.update(range(j + 1, end))
            j = end
            continue
        j += 1
    start = indent_of(body)
    pts = [j for j in range(start + 1, len(body)) if body[j - 1] == " " and body[j] != " " and j not in inside
           and body[j - 2:j - 1] != "\\"]
    lines = []
    pos = 0
    lead = ""
    while True:
        rest = lead + body[pos:] + tail
        if len(rest) <= width:
            lines.append(rest)
            break
        room = width - len(esc) - len(lead)
        fit = [p for p in pts if p > pos and p - pos <= room]
        nxt = fit[-1] if fit else next((p for p in pts if p > pos), None)
        if nxt is None:
            lines.append(rest)
            break
        lines.append(lead + body[pos:nxt] + esc)
        pos = nxt
        lead = " " * close_indent
    return lines


def wrap_text(text, width):
    lines = text.split("\n")
    out = []
    state = None
    stack = []
    i = 0
    while i < len(lines):
        s = lines[i]
        if state is None:
            if len(s) > width:
                if re.match(r"\s*//", s):
                    nxt = lines[i + 1] if i + 1 < len(lines) else ""
                    if continues_paragraph(s, nxt):
                        # reflow the two lines together: the overflow goes on with the paragraph
                        lines[i + 1] = s.rstrip() + " " + nxt[len(comment_parts(nxt)[0]):].lstrip()
                        i += 1
                        continue
                    out.extend(wrap_comment(s, width))
                else:
                    nxt = lines[i + 1] if i + 1 < len(lines) else ""
                    out.extend(wrap_code(s, width, next_indent=indent_of(nxt) if nxt.strip() else None, stack=stack))
            else:
                out.append(s)
            try:
                _, state = lex(s)
            except LexError:
                state = None
            stack = advance(stack, s)
        elif state[0] == "block":
            out.append(s)
            if "*/" in s:
                try:
                    _, state = lex(s[s.index("*/") + 2:])
                except LexError:
                    state = None
        else:
            h = state[1]
            closing = '"""' + "#" * h
            if s.lstrip().startswith(closing):
                out.append(s)
                rest = s.lstrip()[len(closing):]
                stack = advance(stack, rest)
                try:
                    _, state = lex(rest)
                except LexError:
                    state = None
            else:
                if len(s) > width:
                    close_indent = None
                    for k in range(i + 1, len(lines)):
                        if lines[k].lstrip().startswith(closing):
                            close_indent = indent_of(lines[k])
                            break
                    out.extend(wrap_ml_line(s, h, close_indent, width) if close_indent is not None else [s])
                else:
                    out.append(s)
        i += 1
    return "\n".join(out)


def swift_files(paths):
    for p in paths:
        if os.path.isfile(p):
            yield p
        for root, dirs, files in os.walk(p):
            dirs.sort()
            for f in sorted(files):
                if f.endswith(".swift"):
                    yield os.path.join(root, f)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*", default=["Sources", "Tests"])
    ap.add_argument("--width", type=int, default=WIDTH)
    ap.add_argument("--check", action="store_true", help="change nothing; exit 1 if a file would change")
    args = ap.parse_args()
    before = after = changed = 0
    left = []
    for path in swift_files(args.paths):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        before += sum(1 for l in text.split("\n") if len(l) > args.width)
        new = wrap_text(text, args.width)
        rest = [(n + 1, l) for n, l in enumerate(new.split("\n")) if len(l) > args.width]
        after += len(rest)
        left += [(path, n, l) for n, l in rest]
        if new != text:
            changed += 1
            if not args.check:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(new)
    for path, n, l in left:
        print(f"{path}:{n}: left at {len(l)} characters", file=sys.stderr)
    print(f"lines over {args.width}: {before} before, {after} after; {changed} file(s) "
          + ("would change" if args.check else "changed"))
    sys.exit(1 if args.check and changed else 0)


if __name__ == "__main__":
    main()
