"""Workbooks made to hurt a reader: built in the test, for the unit and UI layers alike."""

import zipfile

import xlsxwriter


def good_workbook(path, rows=(("违建编号", "地址"), ("ZH-1", "株洲路1号"))):
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("拆违")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    book.close()
    return path


def rewrite_part(source, target, part, transform):
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            new.writestr(info.filename, transform(data) if info.filename == part else data)
    return target


def huge_extent(path, tmp_path):
    # A few KB claiming cells at A1 and XFD1048576: calamine would allocate the whole range and abort.
    def far(data):
        return data.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>')

    return rewrite_part(good_workbook(tmp_path / "base.xlsx"), path, "xl/worksheets/sheet1.xml", far)
