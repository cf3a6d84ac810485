"""The family's side of a referral, and the slip a referrer prints for it.

The family reaches its referral without an account, in one of two ways:

* the signed link it got by e-mail (``family``): the token in the address is the key;
* the short code on a printed slip, typed on ``family_code``. The code is short (ten
  characters), so that page is throttled per client and has a honeypot. A correct code does
  not put anything in the address: the visit is remembered in the session (a server-side,
  HTTP-only cookie), which is renewed at that moment (no fixation) and holds, per house, the
  referral's id, the digest of the code that opened it and when the visit ends (30 minutes
  after the code was typed). Every request looks the referral up again by that digest, so a
  new slip (a new code), a withdrawn consent or an erasure ends the visit at once. After the
  code the browser is sent back to the same address (POST-redirect-GET), which then shows the
  family's page; "Sluiten" forgets the visit.

Both ways show the same page (what was shared, with whom, by whom, the status in plain words
and a timeline without the names of professionals) with the same buttons: withdraw the
consent (after a confirmation step; the page that confirms it is the POST's own answer, since
the link and the code stop working) and, once the partner made contact, say whether the family
got help. Every answer carries the private-page headers (``core.http.private_response``).

The slip (``slip``) is a PDF for the referring organisation only: each print makes a new short
code (the e-mailed link keeps working) and is written in the family's language; it carries no
personal data.
"""

import time

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from huisvanhetkind.core import throttle
from huisvanhetkind.core.forms import HoneypotMixin
from huisvanhetkind.core.http import private_response
from huisvanhetkind.core.pdf import pdf_response
from huisvanhetkind.network.access import professional_required
from huisvanhetkind.referrals import access, selectors, services
from huisvanhetkind.referrals.codes import format_short_code, normalise_short_code
from huisvanhetkind.referrals.models import Consent, Referral
from huisvanhetkind.referrals.workflow import ReferralStatus

S = ReferralStatus

# Short codes typed per client address per hour (right or wrong).
CODE_CLIENT_LIMIT = 10
# How long a visit opened with a short code lasts.
CODE_VISIT_SECONDS = 30 * 60
CODE_SESSION_KEY = "referral_code_visit:{house}"

# The family may say whether it got help once the partner contacted it.
OUTCOME_STATES = (S.CONTACTED, S.WAITLISTED, S.GOT_HELP, S.NO_HELP, S.NOT_INTERESTED, S.CLOSED)

# The status in the family's words; %(receiver)s is the receiving partner, %(referrer)s the
# referring one.
FAMILY_STATUS = {
    S.SENT: gettext_lazy("Je doorverwijzing is verstuurd. %(receiver)s heeft ze nog niet gelezen."),
    S.RECEIVED: gettext_lazy("%(receiver)s heeft je doorverwijzing gelezen."),
    S.ACCEPTED: gettext_lazy(
        "%(receiver)s wil je graag helpen en neemt binnenkort contact met je op."
    ),
    S.DECLINED: gettext_lazy(
        "%(receiver)s kan je niet verder helpen. Vraag %(referrer)s om samen verder te zoeken."
    ),
    S.CONTACTED: gettext_lazy("%(receiver)s heeft contact met je opgenomen."),
    S.WAITLISTED: gettext_lazy("Je staat op de wachtlijst bij %(receiver)s."),
    S.NOT_REACHED: gettext_lazy(
        "%(receiver)s kon je niet bereiken. Neem zelf contact op, of vraag %(referrer)s om hulp."
    ),
    S.GOT_HELP: gettext_lazy("Je kreeg hulp van %(receiver)s."),
    S.NO_HELP: gettext_lazy("Je kreeg geen hulp van %(receiver)s."),
    S.NOT_INTERESTED: gettext_lazy("Je hebt de hulp niet meer nodig."),
    S.CLOSED: gettext_lazy("%(receiver)s heeft je doorverwijzing afgesloten."),
    S.WITHDRAWN: gettext_lazy("%(referrer)s heeft de doorverwijzing stopgezet."),
    S.CONSENT_WITHDRAWN: gettext_lazy(
        "Je hebt je toestemming ingetrokken. De doorverwijzing is gestopt."
    ),
    S.EXPIRED: gettext_lazy("Je toestemming is afgelopen. De doorverwijzing is daarom gestopt."),
}

# One step of the timeline in the family's words.
FAMILY_STEP = {
    S.SENT: gettext_lazy("%(referrer)s verwees je door"),
    S.RECEIVED: gettext_lazy("%(receiver)s las je doorverwijzing"),
    S.ACCEPTED: gettext_lazy("%(receiver)s aanvaardde je doorverwijzing"),
    S.DECLINED: gettext_lazy("%(receiver)s kon je doorverwijzing niet aannemen"),
    S.CONTACTED: gettext_lazy("%(receiver)s nam contact met je op"),
    S.WAITLISTED: gettext_lazy("Je kwam op de wachtlijst"),
    S.NOT_REACHED: gettext_lazy("%(receiver)s kon je niet bereiken"),
    S.GOT_HELP: gettext_lazy("Je kreeg hulp"),
    S.NO_HELP: gettext_lazy("Je kreeg geen hulp"),
    S.NOT_INTERESTED: gettext_lazy("Je had de hulp niet meer nodig"),
    S.CLOSED: gettext_lazy("De doorverwijzing werd afgesloten"),
    S.WITHDRAWN: gettext_lazy("%(referrer)s stopte de doorverwijzing"),
    S.CONSENT_WITHDRAWN: gettext_lazy("Je trok je toestemming in"),
    S.EXPIRED: gettext_lazy("Je toestemming liep af"),
}


class ShortCodeForm(HoneypotMixin, forms.Form):
    """The code from the printed slip; spaces, dashes and small letters are fine."""

    code = forms.CharField(
        label=gettext_lazy("De code op je briefje"),
        help_text=gettext_lazy("10 letters en cijfers, bijvoorbeeld ACDEF-GHJKM."),
        max_length=40,
        error_messages={"required": gettext_lazy("Typ de code van je briefje.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_code(self):
        code = normalise_short_code(self.cleaned_data["code"])
        if code is None:
            raise ValidationError(
                _(
                    "Een code heeft 10 letters en cijfers, zoals ACDEF-GHJKM. Kijk na of je ze "
                    "juist overtikte."
                ),
                code="format",
            )
        return code


def _names(referral: Referral) -> dict:
    """The organisations on both sides (never a professional's name), and what the family was
    referred to: the service of the receiving partner when one was chosen."""
    receiver = referral.to_organisation.name
    if referral.service_id:
        referred_to = _("%(service)s van %(organisation)s") % {
            "service": referral.service.name,
            "organisation": receiver,
        }
    else:
        referred_to = receiver
    return {
        "receiver": receiver,
        "referrer": referral.from_organisation.name,
        "referred_to": referred_to,
    }


def _family_context(referral: Referral, *, action_url: str, via_code: bool) -> dict:
    names = _names(referral)
    consent = referral.consent
    categories = [
        Consent.DataCategory(category).label
        for category in consent.data_categories
        if category in Consent.DataCategory.values
    ]
    timeline = [
        {"at": event.created_at, "text": FAMILY_STEP[event.to_status] % names}
        for event in selectors.referral_history(referral)
    ]
    return {
        "house": referral.house,
        "referral": referral,
        "consent": consent,
        "categories": categories,
        "status_text": FAMILY_STATUS[referral.status] % names,
        "timeline": timeline,
        "action_url": action_url,
        "via_code": via_code,
        "can_withdraw": referral.is_running,
        "can_answer": referral.status in OUTCOME_STATES,
    }


def _invalid(request, *, status=404):
    """The same answer for every link that does not work: unknown, tampered, erased."""
    return private_response(
        render(request, "referrals/family_invalid.html", {"house": request.house}, status=status)
    )


def _family_page(request, referral: Referral, *, action_url: str, via_code: bool):
    """The family's page in the family's own language until the visitor picks another one with
    the language switch (the e-mail it came from was in that language too)."""
    language = request.LANGUAGE_CODE
    if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES and referral.language in dict(
        settings.LANGUAGES
    ):
        language = referral.language
    with translation.override(language):
        request.LANGUAGE_CODE = language
        response = _family_page_in_language(
            request, referral, action_url=action_url, via_code=via_code
        )
    response["Content-Language"] = language
    return response


def _family_page_in_language(request, referral: Referral, *, action_url: str, via_code: bool):
    """The family's page, its confirmation step and its two actions (withdraw the consent, say
    whether it got help), for either way in."""
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "withdraw":
            names = _names(referral)
            try:
                services.referral_consent_withdraw(referral=referral)
            except ValidationError as error:
                messages.error(request, error.messages[0])
                return redirect(action_url)
            if via_code:
                request.session.pop(CODE_SESSION_KEY.format(house=request.house.pk), None)
            # The link and the code no longer work: the confirmation is this answer itself.
            return private_response(
                render(
                    request,
                    "referrals/family_withdrawn.html",
                    {"house": request.house, **names},
                )
            )
        if action in ("got_help", "no_help"):
            try:
                services.referral_family_outcome(referral=referral, got_help=action == "got_help")
            except ValidationError as error:
                messages.error(request, error.messages[0])
            else:
                messages.success(request, _("Bedankt. We gaven je antwoord door."))
            return redirect(action_url)
        return redirect(action_url)
    context = _family_context(referral, action_url=action_url, via_code=via_code)
    if request.GET.get("stap") == "intrekken" and referral.is_running:
        return private_response(render(request, "referrals/family_withdraw.html", context))
    return private_response(render(request, "referrals/family.html", context))


def family(request, token):
    """The family's own page behind the link it got by e-mail."""
    referral = selectors.referral_by_token(request.house, token)
    if referral is None:
        return _invalid(request)
    return _family_page(request, referral, action_url=request.path, via_code=False)


def _visit(request) -> Referral | None:
    """The referral of a visit opened with a short code, while it lasts and the code holds."""
    key = CODE_SESSION_KEY.format(house=request.house.pk)
    visit = request.session.get(key)
    if not isinstance(visit, dict):
        return None
    referral = None
    if visit.get("until", 0) > time.time():
        referral = selectors.referral_by_short_code_digest(request.house, visit.get("digest"))
        if referral is not None and referral.pk != visit.get("id"):
            referral = None
    if referral is None:
        request.session.pop(key, None)
    return referral


def family_code(request):
    """The short code from the printed slip, and then the family's page (see the module's
    docstring for how a visit opened with a code is kept)."""
    house = request.house
    key = CODE_SESSION_KEY.format(house=house.pk)
    if request.method == "POST" and request.POST.get("action") == "close":
        request.session.pop(key, None)
        return redirect(request.path)
    referral = _visit(request)
    if referral is not None:
        return _family_page(request, referral, action_url=request.path, via_code=True)
    form = ShortCodeForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if not throttle.allow_client(request, "referral-code-ip", limit=CODE_CLIENT_LIMIT):
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Vanaf dit adres werden het voorbije uur al veel codes geprobeerd. Wacht een "
                    "uur en probeer het dan opnieuw, of bel het Huis van het Kind."
                ),
            )
            status = 429
        elif form.is_valid():
            found = selectors.referral_by_short_code(house, form.cleaned_data["code"])
            if found is not None:
                request.session.cycle_key()
                request.session[key] = {
                    "id": found.pk,
                    "digest": found.short_code_hash,
                    "until": time.time() + CODE_VISIT_SECONDS,
                }
                return redirect(request.path)
            form.add_error(
                "code",
                ValidationError(
                    _(
                        "Deze code werkt niet. Kijk na of je ze juist overtikte. Een code werkt "
                        "niet meer als de doorverwijzing gestopt is of als je een nieuw briefje "
                        "kreeg."
                    ),
                    code="unknown",
                ),
            )
            status = 400
        else:
            status = 400
    return private_response(
        render(request, "referrals/family_code.html", {"house": house, "form": form}, status=status)
    )


@professional_required
@require_POST
def slip(request, pk):
    """A printed slip for the family: a new short code (the e-mailed link keeps working), the
    address to type it on, until when it works and the house's phone; in the family's language,
    without personal data. Only the referring organisation prints it; anyone else gets 404."""
    # The referral's two organisations get past the access helper; the service then refuses
    # everyone but the referring one, and the receiving side gets the same 404 as an outsider.
    referral, _side = access.get_referral_for_user(request.user, pk)
    try:
        code = services.referral_short_code_renew(referral=referral, actor=request.user)
    except ValidationError as error:
        if error.code == "actor":
            raise Http404 from error
        messages.error(request, error.messages[0])
        return redirect("referrals:detail", pk=referral.pk)
    house = referral.house
    language = referral.language if referral.language in dict(settings.LANGUAGES) else "nl"
    with translation.override(language):
        context = {
            "house": house,
            "names": _names(referral),
            "code": format_short_code(code),
            "code_url": settings.SITE_URL
            + reverse("referrals:family_code", kwargs={"house_slug": house.slug}),
            "expires_on": referral.consent.expires_on,
            "printed_on": timezone.localdate(),
        }
        response = pdf_response(
            request, "referrals/slip.html", context, filename=_("doorverwijzing"), inline=False
        )
    return private_response(response)
