"""A page's objects, with its characters as lean dicts.

pdfplumber turns every pdfminer object into a dict of some twenty resolved
attributes (colours, matrix, colour space ...): for a text page that is half
of the time it takes to read the page. The reader needs nine attributes of a
character, so :func:`load_objects` builds those directly from pdfminer's
``LTChar`` with pdfplumber's own arithmetic (same values as ``page.chars``
for these keys) and leaves every other object (lines, rects, curves: the
table finder's edges) to pdfplumber's ``process_object``. The result is
installed as the page's object cache, so ``page.chars`` and
``page.find_tables()`` use it.
"""

from __future__ import annotations

CHAR_KEYS = ("text", "fontname", "size", "upright", "x0", "x1", "top", "bottom", "doctop")


def load_objects(page) -> dict[str, list[dict]]:
    """Parse ``page`` (a pdfplumber Page) once and cache its objects on it."""
    pdf = page.pdf
    if pdf.unicode_norm is not None or pdf.laparams is not None or hasattr(page, "_objects"):
        return page.objects                  # options the reader does not use: pdfplumber's path
    from pdfminer.layout import LTChar, LTContainer

    make_char = _char_maker(page)
    objects: dict[str, list[dict]] = {}
    stack = [iter(page.layout._objs)]
    while stack:
        obj = next(stack[-1], None)
        if obj is None:
            stack.pop()
        elif isinstance(obj, LTChar):
            objects.setdefault("char", []).append(make_char(obj))
        elif isinstance(obj, LTContainer):    # a figure: its members, in order
            stack.append(iter(obj._objs))
        else:
            attr = page.process_object(obj)
            if attr["object_type"] != "anno":
                objects.setdefault(attr["object_type"], []).append(attr)
    page._objects = objects                  # pdfplumber's cache of page.objects
    return objects


def _char_maker(page):
    """LTChar -> dict, as pdfplumber's ``Page.process_object`` computes the keys."""
    from pdfplumber.page import fix_fontname_bytes

    height, doctop0, number = page.height, page.initial_doctop, page.page_number
    mb_x0, mb_top = page.mediabox[:2]

    def make(obj) -> dict:
        fontname = obj.fontname
        if isinstance(fontname, bytes):
            fontname = fix_fontname_bytes(fontname)
        top = (height - obj.y1) + mb_top
        x0, x1 = (obj.x0, obj.x1) if mb_x0 == 0 else (obj.x0 + mb_x0, obj.x1 + mb_x0)
        return {"object_type": "char", "page_number": number, "text": obj.get_text(),
                "fontname": fontname, "size": obj.size, "upright": obj.upright,
                "x0": x0, "x1": x1, "top": top, "bottom": (height - obj.y0) + mb_top,
                "doctop": doctop0 + top}

    return make
