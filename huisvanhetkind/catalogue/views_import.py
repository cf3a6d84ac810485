"""The coordinator's CSV import of services: upload, preview, confirm.

The uploaded file (at most 1 MB) is kept in the session between the preview and the confirm
step and checked again when it is saved, so what is saved is what was previewed, checked
against the data of that moment.
"""

import hashlib

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from huisvanhetkind.catalogue import csv_import
from huisvanhetkind.network import access
from huisvanhetkind.network.access import professional_required

SESSION_KEY = "catalogue_csv_import"


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV-bestand"),
        help_text=gettext_lazy(
            "Vertrek van het sjabloon. Bewaar het in Excel als 'CSV UTF-8 (gescheiden door "
            "lijstscheidingsteken)'. Hoogstens 1 MB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    publish = forms.BooleanField(
        label=gettext_lazy("Nieuw aanbod meteen publiceren"),
        help_text=gettext_lazy("Zonder vinkje komt nieuw aanbod als concept binnen."),
        required=False,
        initial=True,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > csv_import.MAX_BYTES:
            raise forms.ValidationError(
                _("Het bestand is groter dan 1 MB. Verdeel het aanbod over meerdere bestanden.")
            )
        if not upload.name.lower().endswith((".csv", ".txt")):
            raise forms.ValidationError(
                _("Kies een CSV-bestand (.csv). Bewaar het in Excel als 'CSV UTF-8'.")
            )
        return upload.read()


class ConfirmForm(forms.Form):
    digest = forms.CharField(widget=forms.HiddenInput)


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _stored(request, house):
    """The upload kept for this house in the session: (content, publish) or None."""
    stored = request.session.get(SESSION_KEY)
    if not stored or stored.get("house") != house.pk:
        return None
    return stored["content"].encode("utf-8"), stored["publish"]


def _urls(house) -> dict:
    kwargs = {"house_slug": house.slug}
    return {
        "upload_url": reverse("catalogue:import", kwargs=kwargs),
        "preview_url": reverse("catalogue:import_preview", kwargs=kwargs),
        "confirm_url": reverse("catalogue:import_confirm", kwargs=kwargs),
        "template_url": reverse("catalogue:import_template", kwargs=kwargs),
    }


@professional_required
def upload(request):
    house = access.get_house_for_coordinator(request.user, request.house)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        request.session.pop(SESSION_KEY, None)  # a new upload replaces the one kept
    if request.method == "POST" and form.is_valid():
        content = form.cleaned_data["file"]
        try:
            csv_import.parse(content, house=house, publish=form.cleaned_data["publish"])
        except csv_import.CsvFileError as error:
            form.add_error("file", str(error))
        else:
            request.session[SESSION_KEY] = {
                "house": house.pk,
                # decode() succeeded in parse(): the content is UTF-8 and at most 1 MB.
                "content": content.decode("utf-8"),
                "publish": form.cleaned_data["publish"],
            }
            return redirect("catalogue:import_preview", house_slug=house.slug)
    return render(
        request,
        "catalogue/import/upload.html",
        {"house": house, "form": form, "max_rows": csv_import.MAX_ROWS, **_urls(house)},
    )


def _preview(request, house, content: bytes, publish: bool, *, status: int = 200):
    upload = csv_import.parse(content, house=house, publish=publish)
    return render(
        request,
        "catalogue/import/preview.html",
        {
            "house": house,
            "upload": upload,
            "publish": publish,
            "created": upload.count("create"),
            "updated": upload.count("update"),
            "unchanged": upload.count("unchanged"),
            "form": ConfirmForm(initial={"digest": _digest(content)}),
            **_urls(house),
        },
        status=status,
    )


@professional_required
def preview(request):
    house = access.get_house_for_coordinator(request.user, request.house)
    stored = _stored(request, house)
    if stored is None:
        messages.info(request, _("Laad eerst een CSV-bestand op."))
        return redirect("catalogue:import", house_slug=house.slug)
    content, publish = stored
    try:
        return _preview(request, house, content, publish)
    except csv_import.CsvFileError as error:  # the data changed since the upload
        messages.error(request, str(error))
        return redirect("catalogue:import", house_slug=house.slug)


@professional_required
@require_POST
def confirm(request):
    house = access.get_house_for_coordinator(request.user, request.house)
    stored = _stored(request, house)
    form = ConfirmForm(request.POST)
    if stored is None or not form.is_valid() or form.cleaned_data["digest"] != _digest(stored[0]):
        messages.error(
            request,
            _("Dit bestand is niet (meer) het bestand dat je bekeek. Laad het opnieuw op."),
        )
        return redirect("catalogue:import", house_slug=house.slug)
    content, publish = stored
    try:
        upload = csv_import.parse(content, house=house, publish=publish)
    except csv_import.CsvFileError as error:
        messages.error(request, str(error))
        return redirect("catalogue:import", house_slug=house.slug)
    if upload.has_errors:  # something changed since the preview
        return _preview(request, house, content, publish, status=400)
    counts = csv_import.save_upload(upload, actor=request.user, publish=publish)
    del request.session[SESSION_KEY]
    messages.success(
        request,
        _(
            "Het aanbod is bewaard: %(created)d nieuw, %(updated)d bijgewerkt, %(unchanged)d ongewijzigd."
        )
        % {
            "created": counts["create"],
            "updated": counts["update"],
            "unchanged": counts["unchanged"],
        },
    )
    return redirect("catalogue:house_services", house_slug=house.slug)


@professional_required
def template(request):
    access.get_house_for_coordinator(request.user, request.house)
    response = HttpResponse(csv_import.template_bytes(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{csv_import.TEMPLATE_NAME}"'
    return response
