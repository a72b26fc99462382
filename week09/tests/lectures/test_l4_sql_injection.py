import pytest
from sqlalchemy.ext.asyncio import AsyncEngine
from week09.lectures import l4_sql_injection as l4


async def test_string_built_sql_leaks_and_parameters_do_not(scratch: AsyncEngine) -> None:
    results = await l4.demo(scratch)

    everyone = [("ann@example.com", "user"), ("root@example.com", "admin")]
    ann = [("ann@example.com", "user")]
    assert results["a real e-mail"] == {"unsafe": ann, "parameter": ann, "orm": ann}
    assert results["always true"] == {"unsafe": everyone, "parameter": [], "orm": []}
    leaked = results["union"]["unsafe"]
    assert [email for email, _ in leaked] == ["ann@example.com", "root@example.com"]
    assert all(value.startswith("$argon2id$") for _, value in leaked)  # the password hashes
    assert results["union"]["parameter"] == results["union"]["orm"] == []


async def test_identifiers_come_from_an_allowlist(scratch: AsyncEngine) -> None:
    async with scratch.begin() as conn:
        await l4.setup(conn)
        assert await l4.emails_sorted(conn, "email") == ["ann@example.com", "root@example.com"]
        assert await l4.emails_sorted(conn, "newest") == ["root@example.com", "ann@example.com"]
        with pytest.raises(ValueError, match="sort must be one of"):
            await l4.emails_sorted(conn, "email; DROP TABLE users")
