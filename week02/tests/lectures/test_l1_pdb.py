"""pdb as the universal fallback: a real session driven through stdin in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROGRAM = """\
from decimal import Decimal
from week02.lectures.l1_pdb import checkout
breakpoint()
print("total:", checkout([Decimal("20"), Decimal("40")], "VIP"))
"""


def run_python(args: list[str], commands: str, **env: str) -> str:
    """Run Python with ``commands`` on stdin (as if typed at the (Pdb) prompt); return stdout."""
    base = {k: v for k, v in os.environ.items() if k != "PYTHONBREAKPOINT"}
    result = subprocess.run(
        [sys.executable, *args],
        input=commands,
        capture_output=True,
        text=True,
        timeout=60,
        env=base | env,
        check=False,
    )
    return result.stdout


def test_breakpoint_opens_pdb_and_the_core_commands_work() -> None:
    commands = "\n".join(
        ["break checkout", "continue", "where", "next", "p subtotal", "step", "where", "continue"]
    )

    out = run_python(["-c", PROGRAM], commands + "\n")

    assert "(Pdb)" in out
    assert out.count("Breakpoint 1 at") == 1
    stopped = out.index("-> subtotal = sum(prices, Decimal(0))")  # `continue` ran to the break
    assert out.index("-> total = apply_discount(subtotal, code)") > stopped  # `next`
    assert "Decimal('60')" in out  # `p subtotal`
    stepped = out.index("apply_discount()")  # `step` went into the call
    assert out.index("checkout()", stepped) > stepped  # `where` lists the caller too
    assert out.rstrip().endswith("total: 45.00")  # `continue` ran the program to its end


def test_pythonbreakpoint_0_turns_every_breakpoint_off() -> None:
    out = run_python(["-c", PROGRAM], "", PYTHONBREAKPOINT="0")

    assert out == "total: 45.00\n"


def test_post_mortem_opens_in_the_frame_that_raised(tmp_path: Path) -> None:
    script = tmp_path / "crash.py"
    script.write_text(
        "from week02.lectures.l1_pdb import parse_quantity\nparse_quantity(' three ')\n"
    )

    out = run_python(["-m", "pdb", "-c", "continue", str(script)], "p cleaned\nwhere\nquit\n")

    assert "Uncaught exception. Entering post mortem debugging" in out
    assert "'three'" in out  # the local variable of the frame that raised
    assert "parse_quantity()" in out


def test_the_scripted_session_prints_a_readable_transcript() -> None:
    # In a subprocess: pdb replaces sys.settrace, which would switch off coverage measurement
    # in the test process (a debugger and coverage both trace with the same hook).
    out = run_python(["-m", "week02.lectures.l1_pdb"], "")

    assert "(Pdb) p percent\n10\n" in out
    assert "(Pdb) where\n" in out
    assert out.rstrip().endswith("checkout returned 54.00")
