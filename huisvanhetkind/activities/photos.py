"""Photos of activities and news: what is uploaded is never what is served.

Every upload is decoded by Pillow within limits (bytes, pixels, decompression bombs), turned
upright, scaled down and encoded again as a new JPEG (or PNG when it has transparency). The new
file holds only pixels: no EXIF (camera, date, GPS position), no comments, no embedded thumbnails
nor anything hidden after the image data; it gets a random name, so the name on the parent's
phone does not travel either.
"""

import io
import uuid
import warnings

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 10 * 1024 * 1024  # what a phone camera makes, with room to spare
MAX_PIXELS = 50_000_000  # 50 megapixels; beyond that decoding takes too much memory
MAX_SIDE = 1600  # the longest side of the photo that is kept, in pixels
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
JPEG_QUALITY = 85

ERRORS = {
    "invalid_image": _(
        "Dit bestand is geen foto die we kunnen lezen. Kies een foto in JPEG, PNG of WebP."
    ),
    "too_large": _("De foto is groter dan 10 MB. Kies een kleinere foto."),
    "too_many_pixels": _(
        "De foto heeft te veel pixels (hoogstens 50 megapixels). Verklein ze eerst, of kies "
        "een andere foto."
    ),
}


def reencode(upload) -> SimpleUploadedFile:
    """A new, clean image file from an uploaded one, or a ValidationError in Dutch."""
    if upload.size is not None and upload.size > MAX_BYTES:
        raise forms.ValidationError(ERRORS["too_large"], code="too_large")
    upload.seek(0)
    with warnings.catch_warnings():
        # Pillow warns above Image.MAX_IMAGE_PIXELS and refuses at twice that: both are a bomb.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(upload) as original:
                if original.format not in ACCEPTED_FORMATS:
                    raise forms.ValidationError(ERRORS["invalid_image"], code="invalid_image")
                width, height = original.size
                if width * height > MAX_PIXELS:
                    raise forms.ValidationError(ERRORS["too_many_pixels"], code="too_many_pixels")
                original.seek(0)  # an animation keeps its first frame
                image = ImageOps.exif_transpose(original)  # upright before the EXIF goes
                image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise forms.ValidationError(ERRORS["too_many_pixels"], code="too_many_pixels") from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
            raise forms.ValidationError(ERRORS["invalid_image"], code="invalid_image") from None
    transparent = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
    image = image.convert("RGBA" if transparent else "RGB")
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    image.info = {}  # nothing of the original travels along (EXIF, ICC, comments, text)
    output = io.BytesIO()
    if transparent:
        image.save(output, format="PNG", optimize=True)
        extension, content_type = "png", "image/png"
    else:
        image.save(output, format="JPEG", quality=JPEG_QUALITY, optimize=True)
        extension, content_type = "jpg", "image/jpeg"
    return SimpleUploadedFile(
        f"{uuid.uuid4().hex}.{extension}", output.getvalue(), content_type=content_type
    )


class PhotoFormField(forms.ImageField):
    """A photo upload: checked and encoded again by ``reencode`` (messages in Dutch)."""

    default_error_messages = {**forms.ImageField.default_error_messages, **ERRORS}

    def __init__(self, **kwargs):
        kwargs["help_text"] = kwargs.get("help_text") or _(
            "JPEG, PNG of WebP, hoogstens 10 MB. We verkleinen de foto en bewaren er niets "
            "anders van dan de beeldpunten (dus niet waar of wanneer ze genomen is)."
        )
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["accept"] = "image/jpeg,image/png,image/webp"
        return attrs

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)  # empty, no name, empty file
        if upload is None:
            return None
        return reencode(upload)


class PhotoField(models.ImageField):
    """An ``ImageField`` whose form field is ``PhotoFormField``."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PhotoFormField, **kwargs})
