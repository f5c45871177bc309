"""The weekly report's photo sheet: the week's finished demolition cases and completed parks of the
report's place, each with its photos as thumbnails in the cells, laid out for printing (A4 landscape,
one page wide, the header repeated on every page)."""

from __future__ import annotations

import io
from dataclasses import dataclass

from sqlalchemy import false, select
from sqlalchemy.orm import Session

from qdgui.i18n import QT_TRANSLATE_NOOP, translate
from qdgui.models import progress as agg
from qdgui.models import vocab
from qdgui.models.tables import Demolition, Division, Park, Photo, PhotoFile

PER_ROLE = 3  # thumbnails shown per role and record; the rest are counted ("+2")
SCALE = 0.4  # a 320-pixel thumbnail at 128 pixels: three side by side in a column
ROW_PIXELS = 104
DONE = ("demolished", "rectified")
TITLE = QT_TRANSLATE_NOOP("Excel", "Photos")


@dataclass(frozen=True)
class PhotoRow:
    kind: str  # "demolition" or "park"
    label: str  # case number, or park name
    street: str
    detail: str  # address, or the park's kind
    day: str  # date done or completed
    figure: str  # area, or length
    photos: dict[str, tuple[bytes, ...]]  # role -> thumbnails (JPEG)
    more: dict[str, int]  # role -> photos not shown


def week_rows(session: Session, *, week: agg.Week, scope: str | None) -> list[PhotoRow]:
    """The week's finished cases and completed parks of the place, with their live photos."""
    streets = dict(session.execute(select(Division.code, Division.name)).all())

    def placed(query, table):
        if scope is not None and len(scope) > 6:
            return query.where(table.street_code == scope)
        if scope is not None:
            return query.where(table.district_code == scope)
        return query

    cases = session.execute(
        placed(
            select(
                Demolition.uuid,
                Demolition.case_no,
                Demolition.street_code,
                Demolition.address,
                Demolition.done_on,
                Demolition.area_m2,
            )
            .where(
                Demolition.deleted == false(),
                Demolition.status.in_(DONE),
                Demolition.done_on.between(week.start, week.end),
            )
            .order_by(Demolition.done_on, Demolition.case_no),
            Demolition,
        )
    ).all()
    parks = session.execute(
        placed(
            select(Park.uuid, Park.name, Park.street_code, Park.kind, Park.completed_on, Park.length_km)
            .where(Park.deleted == false(), Park.status == "completed", Park.completed_on.between(week.start, week.end))
            .order_by(Park.completed_on, Park.name),
            Park,
        )
    ).all()
    uuids = [c.uuid for c in cases] + [p.uuid for p in parks]
    thumbs: dict[tuple[str, str], list[bytes]] = {}
    counts: dict[tuple[str, str], int] = {}
    for first in range(0, len(uuids), 500):
        for record, role, thumbnail in session.execute(
            select(Photo.record_uuid, Photo.role, PhotoFile.thumbnail)
            .join(PhotoFile, PhotoFile.sha256 == Photo.sha256)
            .where(Photo.record_uuid.in_(uuids[first : first + 500]), Photo.deleted == false())
            .order_by(Photo.created_at, Photo.uuid)
        ):
            key = (record, role)
            counts[key] = counts.get(key, 0) + 1
            if counts[key] <= PER_ROLE:
                thumbs.setdefault(key, []).append(thumbnail)

    def of(uuid: str, roles) -> tuple[dict, dict]:
        return (
            {r: tuple(thumbs.get((uuid, r), ())) for r in roles},
            {r: max(0, counts.get((uuid, r), 0) - PER_ROLE) for r in roles},
        )

    rows = []
    for c in cases:
        shown, more = of(c.uuid, ("before", "after"))
        area = f"{c.area_m2:,.2f}".rstrip("0").rstrip(".") if c.area_m2 is not None else ""
        rows.append(
            PhotoRow(
                "demolition",
                c.case_no,
                streets.get(c.street_code, c.street_code),
                c.address,
                c.done_on.isoformat(),
                area,
                shown,
                more,
            )
        )
    for p in parks:
        shown, more = of(p.uuid, ("completion",))
        length = f"{p.length_km} km" if p.length_km else ""
        rows.append(
            PhotoRow(
                "park",
                p.name,
                streets.get(p.street_code or "", p.street_code or ""),
                vocab.label(vocab.PARK_KINDS, p.kind),
                p.completed_on.isoformat(),
                length,
                shown,
                more,
            )
        )
    return rows


def write_photo_sheet(sheet, book, *, title: str, subtitle: str, rows: list[PhotoRow]) -> None:
    """The sheet: a title, then per record its facts and its photos, two photo columns."""
    font = {"font_name": "SimSun", "font_size": 10}
    cell = {**font, "border": 1, "valign": "vcenter", "text_wrap": True}
    head = book.add_format({**cell, "font_name": "SimHei", "bold": True, "align": "center", "bg_color": "#DDE7F3"})
    text = book.add_format(cell)
    centre = book.add_format({**cell, "align": "center"})
    widths = (5, 20, 11, 22, 11, 10, 52, 52)
    for column, width in enumerate(widths):
        sheet.set_column(column, column, width)
    sheet.merge_range(
        0,
        0,
        0,
        len(widths) - 1,
        title,
        book.add_format({**font, "font_name": "SimHei", "font_size": 16, "bold": True, "align": "center"}),
    )
    sheet.merge_range(1, 0, 1, len(widths) - 1, subtitle, book.add_format(font))
    headers = (
        QT_TRANSLATE_NOOP("Excel", "No."),
        QT_TRANSLATE_NOOP("Excel", "Case no. / park"),
        QT_TRANSLATE_NOOP("Excel", "Street/town"),
        QT_TRANSLATE_NOOP("Excel", "Address / kind"),
        QT_TRANSLATE_NOOP("Excel", "Done on"),
        QT_TRANSLATE_NOOP("Excel", "Area (m2) / length"),
        QT_TRANSLATE_NOOP("Excel", "Before demolition"),
        QT_TRANSLATE_NOOP("Excel", "After demolition / completed"),
    )
    for column, header in enumerate(headers):
        sheet.write(2, column, translate("Excel", header), head)
    if not rows:
        sheet.merge_range(
            3,
            0,
            3,
            len(widths) - 1,
            translate("Excel", "No case was finished and no park completed this week."),
            centre,
        )
    for n, row in enumerate(rows):
        r = 3 + n
        sheet.set_row_pixels(r, ROW_PIXELS)
        sheet.write_number(r, 0, n + 1, centre)
        for column, value in enumerate((row.label, row.street, row.detail, row.day, row.figure), start=1):
            sheet.write_string(r, column, value, text)
        roles = (("before", 6), ("after", 7)) if row.kind == "demolition" else (("completion", 7),)
        if row.kind == "park":
            sheet.write_string(r, 6, "", text)
        for role, column in roles:
            shown = row.photos.get(role, ())
            more = row.more.get(role, 0)
            words = translate("Excel", "no photo") if not shown else (f"+{more}" if more else "")
            sheet.write_string(
                r,
                column,
                words,
                book.add_format(
                    {**cell, "align": "right", "valign": "bottom", "font_color": "#C00000" if not shown else "#555555"}
                ),
            )
            for i, thumbnail in enumerate(shown):
                sheet.insert_image(
                    r,
                    column,
                    f"{row.label}-{role}-{i}.jpg",
                    {
                        "image_data": io.BytesIO(thumbnail),
                        "x_scale": SCALE,
                        "y_scale": SCALE,
                        "x_offset": 4 + i * 126,
                        "y_offset": 4,
                        "object_position": 1,  # moved and sized with the cells
                    },
                )
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)  # one page wide, as many long as it takes
    sheet.repeat_rows(2)
    sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    sheet.freeze_panes(3, 0)
