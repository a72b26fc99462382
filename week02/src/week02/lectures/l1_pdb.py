"""Lecture 1: pdb and ``breakpoint()``, the debugger that works everywhere.

``breakpoint()`` in your code (or ``python -m pdb`` on a script) stops the program and gives you
a prompt. The commands you need every day:

    where (w)     the call stack, innermost frame last ("->" marks where you are)
    next (n)      run the current line, stepping OVER calls
    step (s)      run the current line, stepping INTO a call
    p EXPR        print an expression (pp: pretty-print); inspect anything in scope
    up / down     move between frames of the stack to inspect the callers' variables
    break F       stop at the first line of function F (``b file.py:42`` stops at a line)
    continue (c)  run until the next breakpoint; quit (q) stops the program

Without a GUI (SSH, containers, CI): ``PYTHONBREAKPOINT=0`` turns every ``breakpoint()`` off,
``python -m pdb -c continue app.py`` runs until a crash and then opens a post-mortem prompt in
the frame that raised, and ``pdb.pm()`` does the same after a crash in an interactive session.

Run: ``uv run python -m week02.lectures.l1_pdb`` (a scripted session, printed)
"""

from __future__ import annotations

import io
import pdb
from decimal import Decimal

DISCOUNTS = {"WELCOME10": 10, "VIP": 25}


def apply_discount(subtotal: Decimal, code: str) -> Decimal:
    percent = DISCOUNTS.get(code, 0)
    return subtotal - subtotal * percent / 100


def checkout(prices: list[Decimal], code: str) -> Decimal:
    subtotal = sum(prices, Decimal(0))
    total = apply_discount(subtotal, code)
    return total.quantize(Decimal("0.01"))


def parse_quantity(text: str) -> int:
    """Crashes for "three": the example for post-mortem debugging."""
    cleaned = text.strip()
    return int(cleaned)


SESSION = [
    "break checkout",
    "continue",
    "next",
    "p subtotal",
    "step",
    "next",
    "next",
    "p percent",
    "where",
    "continue",
]


class EchoingPdb(pdb.Pdb):
    """A Pdb that prints each command it reads, so a scripted session reads like a real one."""

    def precmd(self, line: str) -> str:
        self.stdout.write(line + "\n")
        return super().precmd(line)


def scripted_session(commands: list[str]) -> tuple[str, Decimal]:
    """Run ``checkout`` under a real debugger fed from a string: (transcript, result)."""
    out = io.StringIO()
    debugger = EchoingPdb(stdin=io.StringIO("\n".join(commands) + "\n"), stdout=out)
    debugger.use_rawinput = False  # read commands from our stdin, not the terminal
    namespace = {"checkout": checkout, "Decimal": Decimal}
    result = debugger.runeval('checkout([Decimal("20"), Decimal("40")], "WELCOME10")', namespace)
    return out.getvalue(), result


def main() -> None:
    transcript, result = scripted_session(SESSION)
    print(transcript)
    print(f"checkout returned {result}")


if __name__ == "__main__":
    main()
