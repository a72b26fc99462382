import pytest
from week01.lectures import l1_type_hints as l1


def test_optional_result_must_be_handled() -> None:
    assert l1.find_email({1: "a@x"}, 1) == "a@x"
    assert l1.find_email({1: "a@x"}, 2) is None


@pytest.mark.parametrize(("value", "port"), [(8000, 8000), (" 8080 ", 8080)])
def test_union_is_narrowed(value: int | str, port: int) -> None:
    assert l1.parse_port(value) == port


def test_union_still_validates_the_value() -> None:
    with pytest.raises(ValueError, match="out of range"):
        l1.parse_port("70000")


def test_collections_with_type_parameters() -> None:
    assert l1.unique_tags([["API", "db"], ["db"]]) == {"api", "db"}
    assert l1.count_by_status(iter(["open", "done", "open"])) == {"open": 2, "done": 1}
    assert l1.coordinates() == (52.52, 13.40)


def test_type_aliases_describe_a_router() -> None:
    routes: l1.Routes = {"/health": lambda headers: (200, headers.get("x-id", "ok"))}
    assert l1.dispatch(routes, "/health", {"x-id": "7"}) == (200, "7")
    assert l1.dispatch(routes, "/missing", {}) == (404, "not found")


def test_typevar_links_input_and_output() -> None:
    assert l1.first([3, 4], default=0) == 3
    assert l1.first([], default="none") == "none"
    assert l1.invert({"a": 1, "b": 2}) == {1: "a", 2: "b"}


def test_hints_are_not_enforced_at_run_time() -> None:
    # The claim of the lecture: only a checker, not Python, rejects this call.
    assert l1.greet(42) == "hello 42"  # type: ignore[arg-type]
