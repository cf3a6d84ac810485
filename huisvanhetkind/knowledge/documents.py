"""The documents of the library: PDF and office files, checked by their content (not their
name), capped in size. A file that claims to be a PDF but is not one is refused."""

import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_BYTES = 10 * 1024 * 1024

PDF = {"pdf"}
OOXML = {"docx", "xlsx", "pptx"}
ODF = {"odt", "ods", "odp"}
OLE = {"doc", "xls", "ppt"}
EXTENSIONS = PDF | OOXML | ODF | OLE

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _zip_names(upload) -> set[str]:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return set()
    finally:
        upload.seek(0)


def content_matches(upload, extension: str) -> bool:
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if extension in PDF:
        return head.startswith(b"%PDF-")
    if extension in OLE:
        return head == OLE_MAGIC
    if extension in OOXML | ODF:
        if not head.startswith(b"PK\x03\x04"):
            return False
        names = _zip_names(upload)
        if extension in OOXML:
            return "[Content_Types].xml" in names
        return "mimetype" in names and "content.xml" in names
    return False


def validate_document(upload) -> None:
    """Raise a Dutch ``ValidationError`` unless ``upload`` is an allowed document."""
    if upload.size == 0:
        raise ValidationError(_("Het bestand is leeg."), code="empty")
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("Het bestand is te groot: ten hoogste %(mb)s MB.")
            % {"mb": MAX_BYTES // 1024 // 1024},
            code="too_large",
        )
    extension = _extension(upload.name or "")
    if extension not in EXTENSIONS:
        raise ValidationError(
            _("Alleen PDF- en kantoorbestanden (Word, Excel, PowerPoint, OpenDocument) kunnen."),
            code="extension",
        )
    if not content_matches(upload, extension):
        raise ValidationError(
            _("De inhoud van het bestand past niet bij .%(extension)s: kies een echt document.")
            % {"extension": extension},
            code="content",
        )
