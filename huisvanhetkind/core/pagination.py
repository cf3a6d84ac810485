"""One page of a long list, without counting the whole list unless asked.

``list_page`` reads one row more than fits: that row tells whether there is a next page, so a list
stays as fast at 200,000 rows as at 20. ``core/_list_pager.html`` shows the links ("Vorige",
"Pagina n", "Volgende"), keeping the list's other parameters."""

from dataclasses import dataclass

MAX_PAGE = 10_000


@dataclass
class ListPage:
    """``count`` is None when counting would need every row (the caller decides)."""

    rows: list
    number: int
    has_next: bool
    count: int | None = None

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_next or self.has_previous

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def object_list(self) -> list:
        return self.rows

    def __iter__(self):
        return iter(self.rows)

    def __len__(self):
        return len(self.rows)

    def __bool__(self):
        return bool(self.rows)


def page_of(value) -> int:
    """The page a ``pagina`` parameter asks for: 1 for anything but 1 to ``MAX_PAGE`` in ASCII
    digits."""
    value = (value or "").strip() if isinstance(value, str) else ""
    if value.isascii() and value.isdigit() and 1 <= int(value) <= MAX_PAGE:
        return int(value)
    return 1


def list_page(queryset, page, *, size: int, count: bool = False) -> ListPage:
    """Page ``page`` (a ``pagina`` parameter or a number) of ``queryset``, ``size`` rows a page;
    with ``count``, also the number of rows of the whole list."""
    number = page if isinstance(page, int) and 1 <= page <= MAX_PAGE else page_of(page)
    start = (number - 1) * size
    rows = list(queryset[start : start + size + 1])
    total = queryset.order_by().count() if count else None
    return ListPage(rows=rows[:size], number=number, has_next=len(rows) > size, count=total)
