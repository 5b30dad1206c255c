#!/usr/bin/env python3
"""Differential test of the StudyHub math engine against SymPy (issue #7).

Generates problems in every category the engine claims, written the ways students and OCR write
them (seeded, so a failure reproduces), asks SymPy for the answer, runs the engine over all of them
in one process (tests/StudyHub.Math.Differential) and compares. A refusal is counted, never a
failure; a confident answer that SymPy disagrees with fails the run (exit code 1).

usage: differential.py ENGINE_DLL [--per-category N] [--seed S] [--show N]
"""
import argparse
import json
import random
import re
import subprocess
import sys
import time
from fractions import Fraction

import sympy as sp
from sympy.parsing.sympy_parser import (convert_xor, implicit_multiplication_application,
                                        parse_expr, standard_transformations)

SYMBOLS = {name: sp.Symbol(name) for name in "abcmnpqrstuvwxyz"}
x, y, z, t = SYMBOLS["x"], SYMBOLS["y"], SYMBOLS["z"], SYMBOLS["t"]
TRANSFORMS = standard_transformations + (implicit_multiplication_application, convert_xor)
NAMESPACE = dict(SYMBOLS, sqrt=sp.sqrt, sin=sp.sin, cos=sp.cos, tan=sp.tan, exp=sp.exp, log=sp.log,
                 Abs=sp.Abs, E=sp.E, I=sp.I, pi=sp.pi, cbrt=lambda v: sp.root(v, 3))


# ---- reading the engine's notation into SymPy ----------------------------------------------------

def to_sympy(text):
    """The engine prints maths for people (2x·cos(x^2), (5 ± √13)/2, i√3); turn it into SymPy."""
    s = text.replace("·", "*").replace("−", "-").replace("×", "*").replace("÷", "/")
    s = s.replace("i√", "I*√")
    s = re.sub(r"∛\(", "cbrt(", s)
    s = re.sub(r"∛(\d+|[a-z])", r"cbrt(\1)", s)
    s = re.sub(r"√\(", "sqrt(", s)
    s = re.sub(r"√(\d+|[a-z])", r"sqrt(\1)", s)
    s = re.sub(r"\bln\(", "log(", s)
    s = re.sub(r"\|([^|]+)\|", r"Abs(\1)", s)
    s = re.sub(r"(?<![A-Za-z])i(?![A-Za-z])", "I", s)
    s = re.sub(r"(?<![A-Za-z])e(?![A-Za-z])", "E", s)
    s = s.replace("π", "pi")
    return parse_expr(s, local_dict=NAMESPACE, transformations=TRANSFORMS)


def same(a, b):
    try:
        d = sp.expand(a - b)
        if d == 0:
            return True
        d = sp.simplify(d)
        if d == 0:
            return True
        # Functions: compare at a few points as well (simplify is not a decision procedure).
        free = sorted(d.free_symbols, key=str)
        if not free and d.is_number:
            return abs(complex(sp.N(d, 30))) < 1e-12
        rnd = random.Random(7)
        for _ in range(4):
            point = {s: sp.Rational(rnd.randint(11, 29), 10) for s in free}
            if abs(complex(sp.N(d.subs(point), 30))) > 1e-9:
                return False
        return True
    except Exception:
        return False


def rhs(answer):
    return answer.split("=", 1)[1] if "=" in answer else answer


# ---- comparing one result ----------------------------------------------------------------------

def judge(expected, reply):
    """Returns 'agree', 'refused' or 'wrong: …'."""
    if "error" in reply:
        if reply["error"] == "internal":
            return "wrong: internal error " + reply.get("message", "")
        return "refused"
    shape = expected[0]
    exact = reply["exact"]
    try:
        if shape == "number":
            return verdict(len(exact) == 1 and same(to_sympy(rhs(exact[0])), expected[1]))
        if shape == "roots":
            want = set(expected[2])
            if not want:
                return verdict(exact == ["no solution"])
            got = [to_sympy(rhs(a)) for a in exact if "=" in a]
            if len(got) != len(exact) or len(got) != len(want):
                return "wrong: roots"
            return verdict(all(any(same(g, w) for w in want) for g in got) and all(any(same(g, w) for g in got) for w in want))
        if shape == "interval":
            _, var, op, bound = expected
            m = re.fullmatch(rf"{var} ([<>≤≥]) (.+)", reply["answer"])
            return verdict(m is not None and m.group(1) == op and same(to_sympy(m.group(2)), bound))
        if shape == "set":
            return verdict(same_set(parse_set(exact[-1]), expected[1]))
        if shape == "system":
            values = expected[1]
            if values is None:
                return verdict(exact == ["no solution"])
            got = dict(a.split(" = ", 1) for a in exact)
            return verdict(set(got) == set(values) and all(same(to_sympy(got[k]), v) for k, v in values.items()))
        if shape == "solve_for":
            var, value = expected[1], expected[2]
            answer = reply["answer"]
            return verdict(answer.startswith(f"{var} = ") and same(to_sympy(rhs(answer)), value))
        if shape == "expr":
            return verdict(same(to_sympy(reply["answer"]), expected[1]))
        if shape == "expanded":
            got = to_sympy(reply["answer"])
            return verdict(same(got, expected[1]) and sp.expand(got) == got)
        if shape == "factored":
            got = to_sympy(reply["answer"])
            return verdict(sp.expand(got - expected[1]) == 0 and fully_factored(got))
    except Exception as e:  # an answer SymPy cannot even read is not an answer
        return f"wrong: unreadable ({type(e).__name__})"
    return "wrong: unknown shape"


def parse_set(text):
    """The engine's interval notation: "(-∞, -2] ∪ [4, ∞)", "{3}", "∅"."""
    if text == "∅":
        return sp.S.EmptySet
    parts = []
    for piece in text.split(" ∪ "):
        if piece.startswith("{"):
            parts.append(sp.FiniteSet(to_sympy(piece[1:-1])))
            continue
        m = re.fullmatch(r"([\(\[])(.+), (.+)([\)\]])", piece)
        lo = -sp.oo if m.group(2) == "-∞" else to_sympy(m.group(2))
        hi = sp.oo if m.group(3) == "∞" else to_sympy(m.group(3))
        parts.append(sp.Interval(lo, hi, m.group(1) == "(", m.group(4) == ")"))
    return sp.Union(*parts)


def same_set(a, b):
    return a == b or sp.Complement(a, b) == sp.S.EmptySet and sp.Complement(b, a) == sp.S.EmptySet


def verdict(ok):
    return "agree" if ok else "wrong"


def fully_factored(expression):
    """Every non-constant factor is irreducible over the rationals."""
    for factor in sp.Mul.make_args(expression):
        base = factor.base if factor.is_Pow else factor
        if base.is_number:
            continue
        _, parts = sp.factor_list(base)
        if len(parts) != 1 or parts[0][1] != 1:
            return False
    return True


# ---- writing problems the way students write them ------------------------------------------------

class Writer:
    def __init__(self, rnd):
        self.r = rnd

    def minus(self):
        return self.r.choice(["-", "-", "-", "−"])

    def times(self):
        return self.r.choice(["*", "×", "·", " * "])

    def spaced(self, text):
        return text if self.r.random() < 0.5 else text.replace(" ", "")

    def term(self, coefficient, var="x", power=1, first=False):
        """'+ 3x^2' style term with student habits: 1x written as x, unicode superscripts, ** powers."""
        if coefficient == 0:
            return ""
        sign = "-" if coefficient < 0 else "+"
        magnitude = abs(coefficient)
        body = "" if (magnitude == 1 and power > 0) else str(magnitude)
        if power >= 1:
            body += var
            if power > 1:
                body += self.r.choice([f"^{power}", f"^{power}", f"**{power}", {2: "²", 3: "³"}.get(power, f"^{power}")])
        if first:
            return ("-" if sign == "-" else "") + body
        return f" {sign if sign == '+' else self.minus()} {body}"

    def poly(self, coefficients, var="x"):
        """coefficients from the highest power down."""
        degree = len(coefficients) - 1
        out = ""
        for i, c in enumerate(coefficients):
            out += self.term(c, var, degree - i, first=(out == ""))
        return self.spaced(out or "0")

    def frac(self, n, d):
        return self.r.choice([f"{n}/{d}", f"\\frac{{{n}}}{{{d}}}"]) if n >= 0 else f"-{-n}/{d}"

    def prefix(self, words):
        return self.r.choice(words)

    def ending(self):
        return self.r.choice(["", "", "", "?", ".", " "])


def sympy_poly(coefficients, var=x):
    degree = len(coefficients) - 1
    return sum(sp.Integer(c) * var ** (degree - i) for i, c in enumerate(coefficients))


def nonzero(r, lo, hi):
    while True:
        v = r.randint(lo, hi)
        if v:
            return v


# Each generator returns (problem, expected).

def gen_fractions(r, w):
    a, b, c, d = r.randint(1, 9), r.randint(2, 12), r.randint(1, 9), r.randint(2, 12)
    op = r.choice(["+", "-", "×", "÷", "*", "/"])
    if op == "/":  # a/b / c/d: the fraction rule reads each fraction first
        op = "÷"
    left, right = Fraction(a, b), Fraction(c, d)
    value = {"+": left + right, "-": left - right, "×": left * right, "*": left * right, "÷": left / right}[op]
    text = f"{w.frac(a, b)} {op} {w.frac(c, d)}"
    return w.prefix(["", "", "calculate ", "what is ", "work out ", "simplify "]) + w.spaced(text) + w.ending(), ("number", sp.Rational(value.numerator, value.denominator))


def gen_arithmetic(r, w):
    kind = r.randrange(6)
    if kind == 0:
        whole, n, d, k = r.randint(1, 5), r.randint(1, 3), r.choice([4, 5, 7, 8]), r.randint(2, 9)
        return f"{whole} {n}/{d} {w.times()} {k}", ("number", (whole + sp.Rational(n, d)) * k)
    if kind == 1:
        p, n = r.choice([5, 10, 12.5, 15, 20, 25, 30, 40, 75]), r.randint(1, 40) * 8
        return f"{p}% of {n}", ("number", sp.nsimplify(p) * n / 100)
    if kind == 2:
        a, b, c, e = r.randint(1, 20), r.randint(1, 9), r.randint(1, 9), r.randint(2, 3)
        return f"{a} + {b} {w.times()} {c}^{e}", ("number", sp.Integer(a + b * c ** e))
    if kind == 3:
        a, b = r.randint(1, 99) / 10, r.randint(1, 99) / 100
        return f"{a} + {b}", ("number", sp.nsimplify(str(a)) + sp.nsimplify(str(b)))
    if kind == 4:
        n = r.choice([8, 12, 18, 20, 27, 32, 45, 50, 72, 75, 98])
        return r.choice([f"√{n}", f"sqrt({n})", f"\\sqrt{{{n}}}", f"simplify √{n}"]), ("number", sp.sqrt(n))
    a, b, c = r.randint(2, 9), r.randint(2, 9), r.randint(1, 9)
    return f"({a} {w.minus()} {b})({c} + {a})", ("number", sp.Integer((a - b) * (c + a)))


def gen_linear(r, w):
    v = r.choice(["x", "x", "x", "y", "t", "n"])
    var = SYMBOLS[v]
    a, b, c = nonzero(r, -9, 9), r.randint(-20, 20), nonzero(r, -9, 9)
    d = r.randint(-20, 20)
    if a == c:
        c += 1
    style = r.randrange(3)
    if style == 0:
        text = f"{w.poly([a, b], v)} = {w.poly([c, d], v)}"
        lhs, rhs_ = a * var + b, c * var + d
    elif style == 1:
        k = nonzero(r, 2, 5)
        text = f"{k}({w.poly([a, b], v)}) = {w.poly([c, d], v)}"
        lhs, rhs_ = k * (a * var + b), c * var + d
    else:
        m = r.randint(2, 6)
        text = f"({w.poly([1, b], v)}) / {m} = {d}" if r.random() < 0.5 else f"\\frac{{{w.poly([1, b], v)}}}{{{m}}} = {d}"
        lhs, rhs_ = (var + b) / m, sp.Integer(d)
    prefix = w.prefix(["", "", "solve ", "Solve: ", f"solve for {v}: ", f"find {v}: ", f"find {v} if "])
    roots = sp.solve(sp.Eq(lhs, rhs_), var)
    return prefix + text + w.ending(), ("roots", v, roots)


def gen_inequality(r, w):
    a, b, d = nonzero(r, -9, 9), r.randint(-20, 20), r.randint(-20, 20)
    op = r.choice(["<", ">", "≤", "≥", "<=", ">="])
    sym = {"<=": "≤", ">=": "≥"}.get(op, op)
    rel = {"<": sp.Lt, ">": sp.Gt, "≤": sp.Le, "≥": sp.Ge}[sym]
    solved = sp.solve_univariate_inequality(rel(a * x + b, d), x, relational=False)
    bound = solved.start if solved.start != -sp.oo else solved.end
    flip = {"<": ">", ">": "<", "≤": "≥", "≥": "≤"}
    final = sym if a > 0 else flip[sym]
    return w.prefix(["", "solve "]) + f"{w.poly([a, b])} {op} {d}", ("interval", "x", final, bound)


def gen_quadratic_inequality(r, w):
    """k(x - p)(x - q) op c, sometimes with no real roots or irrational critical values (to be refused)."""
    shape = r.randrange(4)
    if shape <= 1:
        p, q, k = r.randint(-9, 9), r.randint(-9, 9), r.choice([1, 1, 2, -1, -3])
        coefficients = [k, -k * (p + q), k * p * q]
    elif shape == 2:
        coefficients = [r.choice([1, -1, 2]), r.randint(-3, 3), r.randint(1, 9) * r.choice([1, -1])]
    else:
        coefficients = [1, 0, -r.choice([2, 3, 5, 4, 9, 16])]
    op = r.choice(["<", ">", "≤", "≥", "<=", ">="])
    sym = {"<=": "≤", ">=": "≥"}.get(op, op)
    rel = {"<": sp.Lt, ">": sp.Gt, "≤": sp.Le, "≥": sp.Ge}[sym]
    constant = r.choice([0, 0, r.randint(-9, 9)])
    expected = sp.solve_univariate_inequality(rel(sympy_poly(coefficients), constant), x, relational=False)
    return w.prefix(["", "solve "]) + f"{w.poly(coefficients)} {op} {constant}", ("set", expected)


XR = sp.Symbol("x", real=True)


def gen_absolute(r, w):
    """|ax + b| = c (c may be negative), k|ax + b| + d = e, and |ax + b| = cx + d (false roots to reject)."""
    a, b = nonzero(r, -5, 5), r.randint(-9, 9)
    inside = w.poly([a, b])
    style = r.randrange(3)
    if style == 0:
        c = r.randint(-3, 12)
        text, lhs, rhs_ = f"|{inside}| = {c}", sp.Abs(a * XR + b), sp.Integer(c)
    elif style == 1:
        k, d, e = r.randint(2, 4), r.randint(-9, 9), r.randint(-9, 20)
        text, lhs, rhs_ = f"{k}|{inside}| {'+' if d >= 0 else w.minus()} {abs(d)} = {e}", k * sp.Abs(a * XR + b) + d, sp.Integer(e)
    else:
        c, d = nonzero(r, -4, 4), r.randint(-9, 9)
        if c == a or c == -a:
            c += 5
        text, lhs, rhs_ = f"|{inside}| = {w.poly([c, d])}", sp.Abs(a * XR + b), c * XR + d
    roots = [root.subs(XR, x) for root in sp.solve(sp.Eq(lhs, rhs_), XR)]
    return w.prefix(["", "solve ", "Solve: "]) + text + w.ending(), ("roots", "x", roots)


def gen_abs_inequality(r, w):
    """|ax + b| op c and k|ax + b| + d op e, c anywhere from negative to large (never-negative cases included)."""
    a, b = nonzero(r, -5, 5), r.randint(-9, 9)
    inside = w.poly([a, b])
    op = r.choice(["<", ">", "≤", "≥", "<=", ">="])
    sym = {"<=": "≤", ">=": "≥"}.get(op, op)
    rel = {"<": sp.Lt, ">": sp.Gt, "≤": sp.Le, "≥": sp.Ge}[sym]
    if r.random() < 0.7:
        c = r.randint(-3, 12)
        text, lhs, rhs_ = f"|{inside}| {op} {c}", sp.Abs(a * XR + b), sp.Integer(c)
    else:
        k, d, e = r.randint(2, 4), r.randint(-9, 9), r.randint(-9, 20)
        text, lhs, rhs_ = f"{k}|{inside}| {'+' if d >= 0 else w.minus()} {abs(d)} {op} {e}", k * sp.Abs(a * XR + b) + d, sp.Integer(e)
    expected = sp.solve_univariate_inequality(rel(lhs, rhs_), XR, relational=False)
    return w.prefix(["", "solve ", "Solve: "]) + text + w.ending(), ("set", expected)


def gen_exp_log(r, w):
    """b^(ax + d) = c, e^(ax) = c, log_b(ax + d) = n, log(x) = n, ln(ax + d) = n, and exact log values."""
    kind = r.randrange(7)
    a, d = r.choice([1, 1, 2, 3, -1]), r.randint(-5, 5)
    inside = w.poly([a, d])
    if kind == 0:
        b = r.choice([2, 3, 4, 5, 8, 9])
        c = r.choice([sp.Integer(b) ** r.randint(-3, 4), sp.Integer(r.randint(2, 30)), sp.Integer(-r.randint(1, 9)), sp.Integer(8), sp.Integer(27)])
        text, lhs, rhs_ = f"{b}^({inside}) = {c}", sp.Integer(b) ** (a * XR + d), c
    elif kind == 1:
        c = r.randint(-2, 20)
        text, lhs, rhs_ = f"e^({a}x) = {c}", sp.exp(a * XR), sp.Integer(c)
    elif kind == 2:
        b, n = r.choice([2, 3, 5, 10]), r.randint(-2, 4)
        written = r.choice([f"log_{b}", f"log_{{{b}}}"]) if b != 10 else "log"
        text, lhs, rhs_ = f"{written}({inside}) = {n}", sp.log(a * XR + d, b), sp.Integer(n)
    elif kind == 3:
        n = r.randint(-2, 4)
        text, lhs, rhs_ = f"ln({inside}) = {n}", sp.log(a * XR + d), sp.Integer(n)
    elif kind == 4:
        b, k = r.choice([2, 3, 4, 10]), r.randint(-3, 5)
        value = sp.Integer(b) ** k
        written = "log" if b == 10 else f"log_{b}"
        return f"{written}({value})", ("number", sp.Integer(k))
    elif kind == 5:
        return r.choice([f"log({-r.randint(0, 9)})", f"ln({-r.randint(0, 9)})", f"log_2(0)"]), None
    else:
        k = r.randint(1, 5)
        return r.choice([f"ln(e^{k})", f"ln(1) + log_2({2 ** k})"]), ("number", sp.Integer(k))
    roots = [root.subs(XR, x) for root in sp.solve(sp.Eq(lhs, rhs_), XR)]
    return w.prefix(["", "solve "]) + text, ("roots", "x", roots)


def gen_quadratic(r, w):
    shape = r.randrange(3)
    if shape == 0:
        p, q, k = r.randint(-9, 9), r.randint(-9, 9), r.choice([1, 1, 1, 2, -1, 3])
        coefficients = [k, -k * (p + q), k * p * q]
    elif shape == 1:
        coefficients = [r.choice([1, 1, 2]), r.randint(-9, 9), nonzero(r, -12, 12)]
    else:
        coefficients = [1, 0, -r.choice([4, 9, 16, 25, 2, 3, 5, 12])]
    text = f"{w.poly(coefficients)} = 0"
    if r.random() < 0.3:  # move the constant across
        c = coefficients[2]
        text = f"{w.poly(coefficients[:2] + [0])} = {-c}"
    roots = sp.solve(sympy_poly(coefficients), x)
    return w.prefix(["", "solve ", "Solve "]) + text + w.ending(), ("roots", "x", roots)


def gen_polynomial(r, w):
    degree = r.choice([3, 3, 4])
    roots = [r.randint(-4, 4) for _ in range(degree)]
    if r.random() < 0.3:
        roots[0] = sp.Rational(r.choice([1, -1, 3]), 2)
    expr = sp.expand(sp.Mul(*[(x - root) if root.q == 1 else (root.q * x - root.p) for root in map(sp.Rational, roots)]))
    coefficients = [int(c) for c in sp.Poly(expr, x).all_coeffs()]
    return f"{w.poly(coefficients)} = 0", ("roots", "x", list(set(sp.solve(expr, x))))


def gen_system(r, w):
    names = ["x", "y"] if r.random() < 0.75 else ["x", "y", "z"]
    values = {n: r.randint(-6, 6) for n in names}
    equations = []
    for _ in names:
        coefficients = [r.randint(-5, 5) for _ in names]
        if not any(coefficients):
            coefficients[0] = 1
        constant = sum(c * values[n] for c, n in zip(coefficients, names))
        text = ""
        for c, n in zip(coefficients, names):
            text += w.term(c, n, 1, first=(text == ""))
        equations.append(f"{text or '0'} = {constant}")
    separator = r.choice([", ", "; ", " and ", "\n", ",\n"])
    symbols = [SYMBOLS[n] for n in names]
    sympy_equations = [sp.Eq(parse_system_side(e), int(e.split("= ")[1])) for e in equations]
    solved = sp.solve(sympy_equations, symbols, dict=True)
    if len(solved) == 1 and all(s in solved[0] for s in symbols):
        expected = {str(k): v for k, v in solved[0].items()}
    elif not solved:
        expected = None
    else:
        return gen_system(r, w)  # infinitely many: answered in words, not compared here
    prefix = w.prefix(["", "", "solve ", "solve simultaneously: ", "solve the system "])
    return prefix + separator.join(equations), ("system", expected)


def parse_system_side(equation):
    side = equation.split("=")[0].replace("−", "-").replace("²", "^2").replace("**", "^")
    return parse_expr(side, local_dict=NAMESPACE, transformations=TRANSFORMS)


def gen_solve_for(r, w):
    a, b, c = nonzero(r, -6, 6), nonzero(r, -6, 6), r.randint(-12, 12)
    target = r.choice(["x", "y"])
    text = f"{w.term(a, 'x', 1, first=True)}{w.term(b, 'y')} = {c}"
    solved = sp.solve(sp.Eq(a * x + b * y, c), SYMBOLS[target])[0]
    return w.prefix([f"solve for {target}: ", f"make {target} the subject of ", f"rearrange for {target}: "]) + text, ("solve_for", target, solved)


def gen_simplify(r, w):
    p, q, k = nonzero(r, -6, 6), nonzero(r, -6, 6), r.randint(1, 4)
    numerator = sp.expand(k * (x + p) * (x + q))
    coefficients = [int(c) for c in sp.Poly(numerator, x).all_coeffs()]
    text = f"({w.poly(coefficients)})/({w.poly([1, p])})"
    return w.prefix(["simplify ", "Simplify ", "simplify fully ", "reduce "]) + text, ("expr", sp.cancel(numerator / (x + p)))


def gen_expand(r, w):
    style = r.randrange(3)
    if style == 0:
        a, b = nonzero(r, -9, 9), nonzero(r, -9, 9)
        text, expr = f"(x + {a})(x {w.minus()} {abs(b)})".replace("+ -", "- "), (x + a) * (x - abs(b))
    elif style == 1:
        a, n = nonzero(r, -9, 9), r.choice([2, 3])
        text, expr = f"({w.poly([1, a])})^{n}", (x + a) ** n
    else:
        a, b, c = nonzero(r, -6, 6), r.randint(-9, 9), nonzero(r, -9, 9)
        text, expr = f"{a}({w.poly([1, b])}) + {c}x".replace("+ -", "- "), a * (x + b) + c * x
    return w.prefix(["expand ", "Expand ", "expand and simplify ", "multiply out "]) + text, ("expanded", sp.expand(expr))


def gen_factor(r, w):
    style = r.randrange(4)
    if style == 0:
        p, q = r.randint(-9, 9), r.randint(-9, 9)
        expr = sp.expand((x + p) * (x + q))
    elif style == 1:
        k, p = r.randint(2, 6), nonzero(r, 1, 9)
        expr = sp.expand(k * (x - p) * (x + p))
    elif style == 2:
        n = r.choice([1, 4, 9, 16, 81])
        expr = x ** 4 - n
    else:
        a, b = r.randint(1, 5), r.randint(1, 5)
        expr = sp.expand(a * x ** 2 * y + b * x * y ** 2)
        return w.prefix(["factor ", "factorise "]) + str(expr).replace("**", "^").replace("*", ""), ("factored", expr)
    coefficients = [int(c) for c in sp.Poly(expr, x).all_coeffs()]
    prefix = w.prefix(["factor ", "factorise ", "factorize ", "factor completely ", "factorise fully ", "Factor: "])
    return prefix + w.poly(coefficients), ("factored", expr)


def gen_derivative(r, w):
    a, n, b = nonzero(r, -9, 9), r.randint(2, 6), r.randint(-9, 9)
    style = r.randrange(6)
    choices = [
        (f"{w.term(a, 'x', n, first=True)}{w.term(b, 'x')}", a * x ** n + b * x),
        (f"sin({a}x)", sp.sin(a * x)),
        (f"cos(x^{n})", sp.cos(x ** n)),
        (f"e^({a}x)", sp.exp(a * x)),
        (f"ln(x^{n} + {abs(b) + 1})", sp.log(x ** n + abs(b) + 1)),
        (f"x^{n}·sin(x)", x ** n * sp.sin(x)),
    ]
    text, expr = choices[style]
    prefix = w.prefix(["d/dx ", "differentiate ", "find the derivative of ", "derivative of ", "\\frac{d}{dx} "])
    return prefix + text, ("expr", sp.diff(expr, x))


def gen_evaluate(r, w):
    a, b, v = nonzero(r, -9, 9), r.randint(-9, 9), r.randint(-5, 5)
    coefficients = [1, a, b]
    text = w.poly(coefficients)
    value = sympy_poly(coefficients).subs(x, v)
    if r.random() < 0.3:
        return r.choice([f"f(x) = {text}, find f({v})", f"find f({v}) if f(x) = {text}"]), ("number", value)
    return w.prefix(["evaluate ", "what is ", "find the value of ", ""]) + text + w.prefix([f" when x = {v}", f" for x = {v}", f" at x = {v}", f" if x = {v}"]), ("number", value)


def gen_words(r, w):
    """Phrases from issue #7 and the kinds of noise students and OCR add: answered correctly or refused."""
    kind = r.randrange(10)
    if kind == 0:
        m, n = r.randint(1, 20) * 3, r.choice([60, 80, 120, 150, 200])
        return f"{m} is what percent of {n}", ("number", sp.Rational(m * 100, n))
    if kind == 1:
        m, n = r.randint(1, 20) * 3, r.choice([60, 80, 120, 150, 200])
        return f"what percent of {n} is {m}", ("number", sp.Rational(m * 100, n))
    if kind == 2:
        n = r.randint(2, 9)
        return r.choice([f"cube root of {n ** 3}", f"∛{n ** 3}", f"\\sqrt[3]{{{n ** 3}}}"]), ("number", sp.Integer(n))
    if kind == 3:
        n = r.choice([1, 16, 81, 256])
        return f"factor completely x^4 - {n}", ("factored", x ** 4 - n)
    if kind == 4:
        n = r.randint(2, 5)
        return f"integrate x^{n} dx", ("expr", x ** (n + 1) / (n + 1))
    if kind == 5:
        p, n = r.choice([10, 20, 25, 50]), r.randint(1, 30) * 4
        word = r.choice(["increase", "decrease"])
        return f"{word} {n} by {p}%", ("number", sp.Rational(n * (100 + (p if word == 'increase' else -p)), 100))
    if kind == 6:
        n = r.randint(3, 8)
        return f"{n}!", ("number", sp.factorial(n))
    if kind == 7:
        a, b = r.randint(1, 9), r.randint(1, 9)
        return f"|{a} - {a + b}|", ("number", sp.Integer(b))
    if kind == 8:
        a, b, c, d = r.randint(1, 9), r.randint(2, 9), r.randint(1, 9), r.randint(2, 9)
        return f"{a}/{b} ÷ {c}/{d}", ("number", sp.Rational(a, b) / sp.Rational(c, d))
    a = r.randint(2, 9)
    noise = r.randrange(3)
    if noise == 0:
        return f"the answer to {a} plus {a}", ("number", sp.Integer(2 * a))
    if noise == 1:
        return f"{a} apples {w.times()} {a} apples", ("number", sp.Integer(a * a))
    return f"{a}x + {a}x = {2 * a} please help 🙏", ("roots", "x", [sp.Integer(1)])


def gen_notation(r, w):
    """Notation from issue #7: exact trig in degrees, scientific notation, repeating decimals, LaTeX mixed numbers."""
    kind = r.randrange(6)
    if kind == 0:
        function = r.choice(["sin", "cos", "tan"])
        angle = r.choice([0, 30, 45, 60, 120, 135, 150, 180, 210, 225, 240, 300, 315, 330])
        value = {"sin": sp.sin, "cos": sp.cos, "tan": sp.tan}[function](sp.rad(angle))
        return f"{function}({angle}°)", ("number", value)
    if kind == 1:
        mantissa, exponent = r.choice(["1", "2.5", "3", "4.2"]), r.randint(-3, 6)
        return f"{mantissa}e{exponent}", ("number", sp.nsimplify(mantissa) * sp.Integer(10) ** exponent)
    if kind == 2:
        digit = r.randint(1, 9)
        text = r.choice([f"0.{digit}{digit}{digit}...", f"0.{digit}{digit}{digit}…", f"0.{digit}\u0305"])
        return text, ("number", sp.Rational(digit, 9))
    if kind == 3:
        whole, n, d = r.randint(1, 9), r.randint(1, 6), r.choice([7, 8, 9])
        k = r.randint(1, 5)
        return f"{whole}\\frac{{{n}}}{{{d}}} + {k}", ("number", whole + sp.Rational(n, d) + k)
    if kind == 4:
        a, e = r.randint(1, 9), r.randint(2, 5)
        return f"{a}{r.choice(['×', ' × ', '*'])}10^{e}", ("number", sp.Integer(a * 10 ** e))
    a, b = r.randint(1, 9), r.randint(1, 9)
    return f"|{a} - {b}| + |{b} - {a}|", ("number", sp.Integer(2 * abs(a - b)))


CATEGORIES = {
    "fractions": gen_fractions,
    "arithmetic": gen_arithmetic,
    "linear": gen_linear,
    "inequality": gen_inequality,
    "quadratic": gen_quadratic,
    "quad_ineq": gen_quadratic_inequality,
    "absolute": gen_absolute,
    "abs_ineq": gen_abs_inequality,
    "exp_log": gen_exp_log,
    "polynomial": gen_polynomial,
    "system": gen_system,
    "solve_for": gen_solve_for,
    "simplify": gen_simplify,
    "expand": gen_expand,
    "factor": gen_factor,
    "derivative": gen_derivative,
    "evaluate": gen_evaluate,
    "words": gen_words,
    "notation": gen_notation,
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("engine", help="path to StudyHub.Math.Differential.dll")
    parser.add_argument("--per-category", type=int, default=200)
    parser.add_argument("--seed", type=int, default=20261124)
    parser.add_argument("--show", type=int, default=5, help="wrong answers to print per category")
    parser.add_argument("--show-refused", type=int, default=0, help="refusals to print per category")
    args = parser.parse_args()

    started = time.monotonic()
    cases = []
    for name, generate in CATEGORIES.items():
        rnd = random.Random(f"{args.seed}:{name}")
        writer = Writer(rnd)
        for _ in range(args.per_category):
            problem, expected = generate(rnd, writer)
            cases.append((name, problem, expected))

    engine = subprocess.run(["dotnet", args.engine], input="\n".join(json.dumps(c[1], ensure_ascii=False) for c in cases) + "\n",
                            capture_output=True, text=True, check=True)
    replies = [json.loads(line) for line in engine.stdout.splitlines()]
    if len(replies) != len(cases):
        print(f"engine answered {len(replies)} of {len(cases)} problems", file=sys.stderr)
        return 1

    totals = {}
    wrong_examples = {}
    refused_examples = {}
    for (name, problem, expected), reply in zip(cases, replies):
        outcome = judge(expected, reply) if expected is not None else ("refused" if "error" in reply else "wrong: answered noise")
        key = "wrong" if outcome.startswith("wrong") else outcome
        totals.setdefault(name, {"agree": 0, "refused": 0, "wrong": 0})[key] += 1
        if key == "wrong":
            wrong_examples.setdefault(name, []).append((problem, reply.get("answer", reply), outcome))
        elif key == "refused" and len(refused_examples.setdefault(name, [])) < args.show_refused:
            refused_examples[name].append((problem, reply.get("error"), reply.get("message")))

    print(f"{'category':<12} {'agree':>6} {'refused':>8} {'wrong':>6}")
    for name, counts in totals.items():
        print(f"{name:<12} {counts['agree']:>6} {counts['refused']:>8} {counts['wrong']:>6}")
    agree = sum(c["agree"] for c in totals.values())
    refused = sum(c["refused"] for c in totals.values())
    wrong = sum(c["wrong"] for c in totals.values())
    total = agree + refused + wrong
    print(f"{'total':<12} {agree:>6} {refused:>8} {wrong:>6}   ({100 * agree / total:.1f}% agree, {100 * refused / total:.1f}% refused, "
          f"{wrong} confidently wrong; {time.monotonic() - started:.0f} s)")
    for name, examples in wrong_examples.items():
        for problem, answer, outcome in examples[: args.show]:
            print(f"  WRONG [{name}] {problem!r} -> {answer!r} ({outcome})")
    for name, examples in refused_examples.items():
        for problem, code, message in examples:
            print(f"  refused [{name}] {problem!r}: {code} {message}")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
