from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from huisvanhetkind.core import throttle
from huisvanhetkind.core.http import private_response
from huisvanhetkind.core.page_cache import shared_form_page, shared_page
from huisvanhetkind.core.pdf import pdf_response
from huisvanhetkind.network.access import get_house_for_coordinator, professional_required
from huisvanhetkind.questions import access, selectors, services, services_setup
from huisvanhetkind.questions.forms import (
    AnswerForm,
    AnswerTemplateForm,
    AskForm,
    AssignForm,
    FaqEntryForm,
    FollowUpForm,
    ForwardForm,
    InboxFilterForm,
    NeedsFilterForm,
    NoteForm,
    RoutingRuleForm,
    RoutingTestForm,
)
from huisvanhetkind.questions.models import AnswerTemplate, FaqEntry, RoutingRule, Topic
from huisvanhetkind.questions.numbers import ascii_int, page_number

PAGE_SIZE = 25
IP_LIMIT = 5
EMAIL_LIMIT = 3
# Follow-up messages on the private page per hour: per question (whoever sends them) and per
# client address (over all questions).
FOLLOW_UP_QUESTION_LIMIT = 5
FOLLOW_UP_CLIENT_LIMIT = 10


# --- Public: the parent ------------------------------------------------------------------------


@shared_form_page
def ask(request):
    house = request.house
    form = AskForm(request.POST or None, house=house)
    status = 200
    if request.method == "POST":
        if not throttle.allow_client(request, "question-ip", limit=IP_LIMIT):
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Je hebt het voorbije uur al veel vragen gesteld. Probeer het over een uur opnieuw, of neem contact op met het Huis van het Kind."
                ),
            )
            status = 429
        elif form.is_valid():
            email = form.cleaned_data.get("email", "").lower()
            if email and not throttle.allow("question-email", email, limit=EMAIL_LIMIT):
                form.add_error(
                    None,
                    _(
                        "Met dit e-mailadres werden het voorbije uur al drie vragen gesteld. Probeer het over een uur opnieuw."
                    ),
                )
                status = 429
            else:
                data = form.cleaned_data
                try:
                    question, token = services.question_submit(
                        house=house,
                        text=data["text"],
                        about=data["about"],
                        child_age=data.get("child_age"),
                        topic=data["topic"],
                        municipality=data.get("municipality"),
                        language=data["language"],
                        channel=data["channel"],
                        name=data.get("name", ""),
                        email=data.get("email", ""),
                        phone=data.get("phone", ""),
                    )
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    messages.success(request, _("Bedankt, je vraag is verstuurd."))
                    return redirect(services.private_url(question, token) + "?nieuw=1")
    return render(request, "questions/ask.html", {"house": house, "form": form}, status=status)


def private(request, token):
    """The parent's private page: the question, the answers and a follow-up form."""
    house = request.house
    question = access.get_question_by_token(house, token)
    form = FollowUpForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if not throttle.allow_client(
            request, "question-follow-up-ip", limit=FOLLOW_UP_CLIENT_LIMIT
        ):
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Vanaf dit adres werden het voorbije uur al veel berichten verstuurd. Probeer "
                    "het over een uur opnieuw, of neem contact op met het Huis van het Kind."
                ),
            )
            status = 429
        elif form.is_valid():
            if not throttle.allow(
                "question-follow-up", str(question.pk), limit=FOLLOW_UP_QUESTION_LIMIT
            ):
                form.add_error(
                    None,
                    _(
                        "Bij deze vraag werden het voorbije uur al veel berichten verstuurd. "
                        "Probeer het over een uur opnieuw, of neem contact op met het Huis van "
                        "het Kind."
                    ),
                )
                status = 429
            else:
                try:
                    services.question_follow_up(question=question, body=form.cleaned_data["body"])
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    messages.success(request, _("Je bijkomende vraag is verstuurd."))
                    return redirect(request.path)
    return private_response(
        render(
            request,
            "questions/private.html",
            {
                "house": house,
                "question": question,
                "history": selectors.public_history(question),
                "form": form,
                "is_new": request.GET.get("nieuw") == "1",
                "link": request.build_absolute_uri(request.path),
            },
            status=status,
        )
    )


@shared_page
def faq(request):
    house = request.house
    query = request.GET.get("q", "").strip()[:100]
    return render(
        request,
        "questions/faq.html",
        {"house": house, "query": query, "entries": selectors.faq_search(house, query)},
    )


# --- Professionals: inbox and handling ---------------------------------------------------------


@professional_required
def inbox(request):
    organisation_ids = access.member_organisation_ids(request.user)
    filters = selectors.InboxFilters.from_data(request.GET)
    form = InboxFilterForm(request.GET or None, topics=Topic.objects.filter(is_active=True))
    page = Paginator(selectors.inbox_questions(organisation_ids, filters), PAGE_SIZE).get_page(
        page_number(request.GET.get("pagina"))
    )
    return render(
        request,
        "questions/inbox.html",
        {
            "form": form,
            "page": page,
            "today": timezone.localdate(),
            "title": _("Vragen van ouders"),
            "houses": selectors.coordinated_houses(request.user),
        },
    )


@professional_required
def house_inbox(request):
    house = get_house_for_coordinator(request.user, request.house)
    filters = selectors.InboxFilters.from_data(request.GET)
    form = InboxFilterForm(request.GET or None, topics=selectors.topics_for_house(house))
    page = Paginator(selectors.house_questions(house, filters), PAGE_SIZE).get_page(
        page_number(request.GET.get("pagina"))
    )
    return render(
        request,
        "questions/inbox.html",
        {
            "form": form,
            "page": page,
            "house": house,
            "today": timezone.localdate(),
            "title": _("Alle vragen van %(house)s") % {"house": house.name},
        },
    )


def _render_detail(request, question, *, status=200, **forms):
    """Show a question to a professional: ``question_read`` hands out the family's data and
    audits the read, also when a refused form shows the page again."""
    shown = services.question_read(
        question=question,
        actor=request.user,
        template_id=ascii_int(request.GET.get("sjabloon", "")),
    )
    chosen = shown.chosen_template
    context = {
        "question": shown.question,
        "history": shown.history,
        "templates": shown.templates,
        "is_coordinator": shown.is_coordinator,
        "can_start": shown.can_start,
        "can_answer": shown.can_answer,
        "can_close": shown.can_close,
        "can_forward": shown.can_forward,
        "can_make_faq": shown.can_make_faq,
        "answer_form": forms.get("answer_form")
        or AnswerForm(initial={"body": chosen.body} if chosen else {}),
        "note_form": forms.get("note_form") or NoteForm(),
        "forward_form": forms.get("forward_form") or ForwardForm(question=question),
        "assign_form": None,
    }
    if shown.can_assign:
        context["assign_form"] = forms.get("assign_form") or AssignForm(
            organisation=question.organisation, initial={"assignee": question.assignee_id}
        )
    return render(request, "questions/detail.html", context, status=status)


@professional_required
def question_detail(request, pk):
    question = access.get_question_for_user(request.user, pk)
    return _render_detail(request, question)


@professional_required
@require_POST
def question_action(request, pk, action):
    question = access.get_question_for_user(request.user, pk)
    user = request.user
    forms = {}
    try:
        if action == "starten":
            services.question_start(question=question, actor=user)
            messages.success(request, _("Je behandelt deze vraag nu."))
        elif action == "afsluiten":
            services.question_close(question=question, actor=user)
            messages.success(request, _("De vraag is afgesloten."))
        elif action == "toewijzen":
            if not question.organisation_id:
                raise Http404
            form = forms["assign_form"] = AssignForm(
                request.POST, organisation=question.organisation
            )
            if form.is_valid():
                services.question_assign(
                    question=question, actor=user, assignee=form.cleaned_data["assignee"]
                )
                messages.success(request, _("De vraag is toegewezen."))
        elif action == "antwoorden":
            form = forms["answer_form"] = AnswerForm(request.POST)
            if form.is_valid():
                services.question_answer(
                    question=question, actor=user, body=form.cleaned_data["body"]
                )
                messages.success(request, _("Je antwoord is verstuurd."))
        elif action == "notitie":
            form = forms["note_form"] = NoteForm(request.POST)
            if form.is_valid():
                services.question_note_add(
                    question=question, actor=user, body=form.cleaned_data["note"]
                )
                messages.success(request, _("De notitie is bewaard."))
        elif action == "doorsturen":
            form = forms["forward_form"] = ForwardForm(request.POST, question=question)
            if form.is_valid():
                forwarded = services.question_forward(
                    question=question,
                    actor=user,
                    organisation=form.cleaned_data["organisation"],
                    note=form.cleaned_data["handover"],
                )
                messages.success(request, _("De vraag is doorgestuurd."))
                if not access.can_see_question(user, forwarded):
                    return redirect("questions:inbox")
        else:
            raise Http404
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("questions:detail", pk=question.pk)
    if any(not f.is_valid() for f in forms.values()):
        question.refresh_from_db()
        return _render_detail(request, question, status=400, **forms)
    return redirect("questions:detail", pk=question.pk)


@professional_required
def faq_from_question(request, pk):
    """Write a public FAQ entry inspired by an answered question: the form starts empty."""
    question = access.get_answered_question_for_user(request.user, pk)
    form = FaqEntryForm(
        request.POST or None,
        house=question.house,
        instance=FaqEntry(house=question.house, source_question=question),
        initial={"topic": question.topic_id},
    )
    if request.method == "POST" and form.is_valid():
        services_setup.faq_entry_save(entry=form.instance, actor=request.user)
        messages.success(request, _("De veelgestelde vraag is bewaard."))
        return redirect("questions:detail", pk=question.pk)
    return render(request, "questions/faq_form.html", {"form": form, "question": question})


# --- Answer templates --------------------------------------------------------------------------


@professional_required
def answer_templates(request, pk, template_pk=None):
    organisation = access.get_organisation_for_worker(request.user, pk)
    instance = (
        access.get_answer_template_for_worker(request.user, organisation, template_pk)
        if template_pk
        else AnswerTemplate(organisation=organisation)
    )
    form = AnswerTemplateForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        services_setup.answer_template_save(template=form.instance, actor=request.user)
        messages.success(request, _("Het sjabloon is bewaard."))
        return redirect("questions:answer_templates", pk=organisation.pk)
    return render(
        request,
        "questions/answer_templates.html",
        {
            "organisation": organisation,
            "templates": organisation.answer_templates.all(),
            "form": form,
            "editing": instance.pk is not None,
        },
    )


@professional_required
@require_POST
def answer_template_delete(request, pk, template_pk):
    organisation = access.get_organisation_for_worker(request.user, pk)
    template = access.get_answer_template_for_worker(request.user, organisation, template_pk)
    services_setup.answer_template_delete(template=template, actor=request.user)
    messages.success(request, _("Het sjabloon is verwijderd."))
    return redirect("questions:answer_templates", pk=organisation.pk)


# --- Coordinator: routing rules, FAQ, needs ----------------------------------------------------


@professional_required
def routing_rules(request):
    house = get_house_for_coordinator(request.user, request.house)
    rules = list(selectors.routing_rules(house))
    test_form = RoutingTestForm(request.GET if "test-text" in request.GET else None, house=house)
    checks, outcome = None, None
    if test_form.is_bound and test_form.is_valid():
        checks, outcome = selectors.routing_trial(house, test_form.sample())
    return render(
        request,
        "questions/routing_rules.html",
        {
            "house": house,
            "rules": rules,
            "test_form": test_form,
            "checks": checks,
            "outcome": outcome,
        },
    )


@professional_required
def routing_rule_edit(request, pk=None):
    """Create or edit a rule; 'Test' shows how the rule set with this change would route a
    sample question, without saving anything."""
    house = get_house_for_coordinator(request.user, request.house)
    instance = (
        access.get_routing_rule_for_user(request.user, house, pk)
        if pk
        else RoutingRule(house=house)
    )
    form = RoutingRuleForm(request.POST or None, instance=instance, house=house)
    test_form = RoutingTestForm(request.POST or None, house=house)
    checks, outcome = None, None
    if request.method == "POST":
        if request.POST.get("action") == "test":
            if form.is_valid() and test_form.is_valid():
                checks, outcome = selectors.routing_trial(
                    house, test_form.sample(), draft=form.save(commit=False)
                )
        elif form.is_valid():
            try:
                services_setup.routing_rule_save(rule=form.save(commit=False), actor=request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("De regel is bewaard."))
                return redirect("questions:routing_rules", house_slug=house.slug)
    if not test_form.is_bound:
        test_form = RoutingTestForm(house=house)
    return render(
        request,
        "questions/routing_rule_form.html",
        {
            "house": house,
            "form": form,
            "test_form": test_form,
            "rule": instance,
            "checks": checks,
            "outcome": outcome,
        },
    )


@professional_required
@require_POST
def routing_rule_delete(request, pk):
    house = get_house_for_coordinator(request.user, request.house)
    rule = access.get_routing_rule_for_user(request.user, house, pk)
    services_setup.routing_rule_delete(rule=rule, actor=request.user)
    messages.success(request, _("De regel is verwijderd."))
    return redirect("questions:routing_rules", house_slug=house.slug)


@professional_required
@require_POST
def routing_rule_move(request, pk):
    house = get_house_for_coordinator(request.user, request.house)
    rule = access.get_routing_rule_for_user(request.user, house, pk)
    services_setup.routing_rule_move(
        rule=rule, actor=request.user, up=request.POST.get("richting") == "op"
    )
    return redirect("questions:routing_rules", house_slug=house.slug)


@professional_required
def house_faq(request, pk=None):
    house = get_house_for_coordinator(request.user, request.house)
    instance = (
        access.get_faq_entry_for_user(request.user, house, pk) if pk else FaqEntry(house=house)
    )
    form = FaqEntryForm(request.POST or None, instance=instance, house=house)
    if request.method == "POST" and form.is_valid():
        services_setup.faq_entry_save(entry=form.instance, actor=request.user)
        messages.success(request, _("De veelgestelde vraag is bewaard."))
        return redirect("questions:house_faq", house_slug=house.slug)
    return render(
        request,
        "questions/house_faq.html",
        {
            "house": house,
            "entries": selectors.house_faq(house),
            "form": form,
            "editing": instance.pk is not None,
        },
    )


def _needs_context(request) -> dict:
    house = get_house_for_coordinator(request.user, request.house)
    form = NeedsFilterForm(request.GET or None)
    months = 12
    if form.is_bound and form.is_valid() and form.cleaned_data.get("maanden"):
        months = form.cleaned_data["maanden"]
    since = timezone.now() - timedelta(days=31 * months)
    return {
        "house": house,
        "form": form,
        "months": months,
        "today": timezone.localdate(),
        "needs": selectors.needs(house, since=since),
    }


@professional_required
def needs(request):
    return render(request, "questions/needs.html", _needs_context(request))


@professional_required
def needs_pdf(request):
    """The same report, for the same period, as a PDF: the page's own template as it prints."""
    context = _needs_context(request)
    filename = f"noden-en-behoeften-{context['house'].slug}-{context['today']:%Y-%m-%d}"
    return pdf_response(request, "questions/needs.html", context, filename=filename)
