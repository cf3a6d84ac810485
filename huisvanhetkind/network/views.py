from allauth.account.internal.flows.login import record_authentication
from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from huisvanhetkind.audit.selectors import audit_events_for_house
from huisvanhetkind.core import throttle, todo
from huisvanhetkind.core.forms import HONEYPOT_FIELD
from huisvanhetkind.core.services import notification_preference_set
from huisvanhetkind.network import (
    access,
    selectors,
    services,
    services_groups,
    services_organisations,
    services_people,
)
from huisvanhetkind.network.forms import (
    BridgeWorkerForm,
    ChildcareDeskForm,
    CoordinatorInvitationForm,
    DeclineForm,
    GroupForm,
    GroupMemberForm,
    InvitationAcceptForm,
    InvitationForm,
    OrganisationProfileForm,
    PartnerApplicationForm,
    PartnershipRefuseForm,
    RoleRevokeForm,
)
from huisvanhetkind.network.models import Designation, Role
from huisvanhetkind.network.workflow import ApplicationStatus

# Attempts (valid or not) to send "Partner worden" per client address and hour.
APPLY_LIMIT = 10


def apply(request):
    """Public: 'Partner worden'."""
    house = request.house
    form = PartnerApplicationForm(request.POST if request.method == "POST" else None, house=house)
    if request.method == "POST" and not throttle.allow_client(
        request, "partner-application", limit=APPLY_LIMIT
    ):
        form.is_valid()
        form.add_error(
            None,
            _(
                "Vanaf dit adres werden het voorbije uur al veel aanvragen verstuurd. Probeer het "
                "over een uur opnieuw, of neem contact op met het Huis van het Kind."
            ),
        )
        return render(request, "network/apply.html", {"house": house, "form": form}, status=429)
    if request.method == "POST" and form.is_valid():
        data = {
            k: v
            for k, v in form.cleaned_data.items()
            if k not in ("domains", "municipalities", "consent", HONEYPOT_FIELD)
        }
        try:
            services.application_submit(
                house=house,
                data=data,
                domains=form.cleaned_data["domains"],
                municipalities=form.cleaned_data["municipalities"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return render(request, "network/apply_done.html", {"house": house})
    return render(request, "network/apply.html", {"house": house, "form": form})


@access.professional_required
def dashboard(request):
    """*Mijn werkplek*: the to-do list (``core.todo``), the links of each role, and the daily
    e-mail of the to-do list turned on or off (a POST of ``digest``: "1" or "0")."""
    if request.method == "POST" and request.POST.get("digest") in ("1", "0"):
        wanted = request.POST["digest"] == "1"
        notification_preference_set(user=request.user, daily_digest=wanted)
        messages.success(
            request,
            _("Je krijgt voortaan elke ochtend een e-mail met je takenlijst.")
            if wanted
            else _("Je krijgt geen dagelijkse e-mail met je takenlijst meer."),
        )
        return redirect("network:dashboard")
    roles = access.roles_of(request.user)
    houses = [
        (house, selectors.pending_applications(house).count())
        for house in access.coordinated_houses(request.user)
    ]
    return render(
        request,
        "network/dashboard.html",
        {
            "todo": todo.for_request(request),
            "wants_digest": todo.wants_digest(request.user),
            "houses": houses,
            "admin_organisations": access.administered_organisations(request.user),
            "member_organisations": access.member_organisations(request.user),
            "roles": roles,
        },
    )


@access.professional_required
def application_queue(request):
    house = access.get_house_for_coordinator(request.user, request.house)
    return render(
        request,
        "network/application_queue.html",
        {
            "house": house,
            "pending": selectors.pending_applications(house).prefetch_related(
                "domains", "municipalities"
            ),
            "decided": selectors.decided_applications(house),
        },
    )


@access.professional_required
def application_detail(request, pk):
    application = access.get_application_for_user(request.user, request.house, pk)
    decline_form = DeclineForm(request.POST or None)
    if request.method == "POST":
        try:
            if request.POST.get("decision") == "approve":
                organisation = services.application_approve(
                    application=application, actor=request.user
                )
                application.refresh_from_db()
                if application.status == ApplicationStatus.AWAITING_ORGANISATION:
                    message = _(
                        "%(name)s bestaat al: de beheerders van %(name)s krijgen de vraag om het "
                        "partnerschap te bevestigen. %(email)s krijgt geen toegang tot "
                        "%(name)s."
                    )
                else:
                    message = _("%(name)s is nu partner. %(email)s kreeg een uitnodiging.")
                messages.success(
                    request,
                    message % {"name": organisation.name, "email": application.contact_email},
                )
                return redirect("network:application_queue", house_slug=request.house.slug)
            if request.POST.get("decision") == "decline" and decline_form.is_valid():
                services.application_decline(
                    application=application,
                    actor=request.user,
                    reason=decline_form.cleaned_data["reason"],
                )
                messages.success(
                    request, _("De aanvraag is afgewezen; de aanvrager kreeg een e-mail.")
                )
                return redirect("network:application_queue", house_slug=request.house.slug)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("network:application", house_slug=request.house.slug, pk=application.pk)
    existing = None
    if application.status == ApplicationStatus.PENDING:
        existing = selectors.matching_organisation(
            name=application.organisation_name, enterprise_number=application.enterprise_number
        )
    return render(
        request,
        "network/application_detail.html",
        {
            "house": request.house,
            "application": application,
            "decline_form": decline_form,
            "existing": existing,
            "existing_houses": selectors.organisation_houses(existing) if existing else [],
            "existing_has_admins": bool(existing and selectors.organisation_admin_emails(existing)),
        },
    )


@access.professional_required
def partnership_request(request, pk):
    """An existing organisation's admin confirms or refuses the partnership a coordinator approved."""
    application = access.get_partnership_request_for_user(request.user, pk)
    refuse_form = PartnershipRefuseForm(
        request.POST if request.POST.get("decision") == "refuse" else None
    )
    if request.method == "POST":
        decision = request.POST.get("decision")
        try:
            if decision == "confirm":
                services.application_confirm_partnership(
                    application=application, actor=request.user
                )
                messages.success(
                    request,
                    _("%(org)s is nu partner van %(house)s.")
                    % {"org": application.organisation.name, "house": application.house.name},
                )
                return redirect("network:dashboard")
            if decision == "refuse" and refuse_form.is_valid():
                services.application_refuse_partnership(
                    application=application,
                    actor=request.user,
                    reason=refuse_form.cleaned_data["reason"],
                )
                messages.success(
                    request,
                    _("Het partnerschap is geweigerd; de coördinator kreeg een e-mail."),
                )
                return redirect("network:dashboard")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("network:partnership_request", pk=application.pk)
    return render(
        request,
        "network/partnership_request.html",
        {
            "application": application,
            "organisation": application.organisation,
            "house": application.house,
            "refuse_form": refuse_form,
        },
    )


@access.professional_required
def audit_trail(request):
    house = access.get_house_for_coordinator(request.user, request.house)
    return render(
        request,
        "network/audit_trail.html",
        {"house": house, "events": audit_events_for_house(house=house)},
    )


@access.professional_required
def team(request, pk):
    organisation = access.get_organisation_for_management(request.user, pk)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services_people.invitation_create(
                actor=request.user,
                email=form.cleaned_data["email"],
                role_kind=form.cleaned_data["role_kind"],
                organisation=organisation,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("De uitnodiging is verstuurd naar %(email)s.") % form.cleaned_data
            )
            return redirect("network:team", pk=organisation.pk)
    return render(
        request,
        "network/team.html",
        {
            "organisation": organisation,
            "team": selectors.organisation_team(organisation),
            "invitations": selectors.open_invitations(organisation),
            "form": form,
        },
    )


@access.professional_required
def organisation_profile(request, pk):
    organisation = access.get_organisation_for_management(request.user, pk)
    form = OrganisationProfileForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        services_organisations.organisation_update(
            organisation=organisation, actor=request.user, data=form.cleaned_data
        )
        messages.success(
            request, _("Het profiel van %(name)s is bijgewerkt.") % {"name": organisation.name}
        )
        return redirect("network:organisation_profile", pk=organisation.pk)
    return render(
        request, "network/organisation_profile.html", {"organisation": organisation, "form": form}
    )


@access.professional_required
def house_partners(request):
    house = access.get_house_for_coordinator(request.user, request.house)
    partnerships = list(selectors.house_partnerships(house))
    managed = access.managed_organisation_ids(
        request.user, [p.organisation_id for p in partnerships]
    )
    return render(
        request,
        "network/house_partners.html",
        {
            "house": house,
            "rows": [(p, p.organisation_id in managed) for p in partnerships],
        },
    )


@access.professional_required
def house_coordinators(request):
    house = access.get_house_for_coordinator(request.user, request.house)
    form = CoordinatorInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services_people.invitation_create(
                actor=request.user,
                email=form.cleaned_data["email"],
                role_kind=Role.Kind.COORDINATOR,
                house=house,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("De uitnodiging is verstuurd naar %(email)s.") % form.cleaned_data
            )
            return redirect("network:house_coordinators", house_slug=house.slug)
    return render(
        request,
        "network/house_coordinators.html",
        {
            "house": house,
            "coordinators": selectors.house_coordinators(house),
            "invitations": selectors.open_coordinator_invitations(house),
            "form": form,
        },
    )


@access.professional_required
def role_remove(request, pk, role_pk):
    """Revoke a role. When the person leaves the organisation with it and holds something for
    it (questions, group seats, ...), the page shows what moves and asks for the colleague who
    takes over; otherwise the button on the team page revokes at once."""
    role = access.get_role_for_management(request.user, pk, role_pk)
    holdings = selectors.role_holdings(role)
    form = RoleRevokeForm(
        request.POST if request.method == "POST" and holdings else None,
        colleagues=selectors.colleagues(role),
    )
    if request.method == "POST" and (not holdings or form.is_valid()):
        successor = form.cleaned_data["successor"] if holdings else None
        try:
            services_people.role_revoke(actor=request.user, role=role, successor=successor)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            message = _("De rol van %(email)s is ingetrokken.") % {"email": role.user.email}
            if successor is not None:
                message += " " + _("%(email)s neemt over.") % {"email": successor.email}
            messages.success(request, message)
        return redirect("network:team", pk=role.organisation_id)
    return render(
        request,
        "network/role_revoke.html",
        {"organisation": role.organisation, "role": role, "holdings": holdings, "form": form},
    )


def invitation_accept(request, token):
    """Public: take up an invitation; a newcomer chooses a password, then a second factor."""
    invitation = access.get_invitation_for_token(token)
    if not invitation.is_usable:
        return render(
            request, "network/invitation_unusable.html", {"invitation": invitation}, status=410
        )
    user = request.user if request.user.is_authenticated else None
    form = None if user else InvitationAcceptForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and (user or form.is_valid()):
        fields = form.cleaned_data if form else {}
        try:
            account = services_people.invitation_accept(
                invitation=invitation,
                user=user,
                first_name=fields.get("first_name", ""),
                last_name=fields.get("last_name", ""),
                password=fields.get("password1", ""),
            )
        except ValidationError as error:
            if form is None:
                messages.error(request, " ".join(error.messages))
                return redirect("network:invitation_accept", token=token)
            form.add_error(None, error)
        else:
            if user is None:
                login(request, account, backend="django.contrib.auth.backends.ModelBackend")
                # The password was just chosen: count it as a fresh log-in for the MFA set-up.
                record_authentication(
                    request, account, method="password", email=account.email, reauthenticated=True
                )
            messages.success(
                request,
                _(
                    "Welkom! Stel nu je tweede factor in: zo blijven de gegevens van gezinnen veilig."
                ),
            )
            return redirect("network:dashboard")
    return render(
        request, "network/invitation_accept.html", {"invitation": invitation, "form": form}
    )


# --- bridge workers, childcare desks and groups of a house (its coordinator) ---------------


@access.professional_required
def house_bridge_workers(request):
    house = access.get_house_for_coordinator(request.user, request.house)
    form = BridgeWorkerForm(
        request.POST or None, people=selectors.house_people(house, coordinators=False)
    )
    if request.method == "POST" and form.is_valid():
        person = form.cleaned_data["person"]
        try:
            services_groups.bridge_worker_designate(
                actor=request.user, house=house, user=person.user, organisation=person.organisation
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("%(email)s is nu brugfiguur.") % {"email": person.user.email}
            )
            return redirect("network:house_bridge_workers", house_slug=house.slug)
    return render(
        request,
        "network/house_bridge_workers.html",
        {"house": house, "bridge_workers": selectors.house_bridge_workers(house), "form": form},
    )


@require_POST
@access.professional_required
def house_bridge_worker_end(request, pk):
    role = access.get_bridge_worker_role_for_coordinator(request.user, request.house, pk)
    services_groups.bridge_worker_end(actor=request.user, role=role)
    messages.success(request, _("%(email)s is geen brugfiguur meer.") % {"email": role.user.email})
    return redirect("network:house_bridge_workers", house_slug=request.house.slug)


@access.professional_required
def house_childcare_desks(request):
    house = access.get_house_for_coordinator(request.user, request.house)
    form = ChildcareDeskForm(request.POST or None, partners=selectors.house_active_partners(house))
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data["organisation"]
        try:
            services_groups.designation_create(
                actor=request.user,
                house=house,
                organisation=organisation,
                kind=Designation.Kind.CHILDCARE_DESK,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("%(name)s is nu een Lokaal Loket Kinderopvang van het huis.")
                % {"name": organisation.name},
            )
            return redirect("network:house_childcare_desks", house_slug=house.slug)
    return render(
        request,
        "network/house_childcare_desks.html",
        {
            "house": house,
            "desks": selectors.house_designations(house, Designation.Kind.CHILDCARE_DESK),
            "form": form,
        },
    )


@require_POST
@access.professional_required
def house_childcare_desk_end(request, pk):
    designation = access.get_designation_for_coordinator(request.user, request.house, pk)
    services_groups.designation_delete(actor=request.user, designation=designation)
    messages.success(
        request,
        _("%(name)s is geen Lokaal Loket Kinderopvang meer.")
        % {"name": designation.organisation.name},
    )
    return redirect("network:house_childcare_desks", house_slug=request.house.slug)


@access.professional_required
def house_groups(request):
    house = access.get_house_for_coordinator(request.user, request.house)
    form = GroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            group = services_groups.group_save(
                actor=request.user, house=house, data=form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("De groep %(name)s is gemaakt.") % {"name": group.name})
            return redirect("network:house_group", house_slug=house.slug, pk=group.pk)
    return render(
        request,
        "network/house_groups.html",
        {"house": house, "groups": selectors.house_groups(house), "form": form},
    )


@access.professional_required
def house_group(request, pk):
    """A group: its name and task, and its members (add one, remove one, choose the lead)."""
    group = access.get_group_for_coordinator(request.user, request.house, pk)
    house = group.house
    posted = request.POST if request.method == "POST" else None
    action = request.POST.get("action") if posted else None
    group_form = GroupForm(posted if action == "save" else None, instance=group)
    member_form = GroupMemberForm(
        posted if action == "add" else None, people=selectors.house_people(house)
    )
    try:
        if action == "save" and group_form.is_valid():
            services_groups.group_save(
                actor=request.user, house=house, group=group, data=group_form.cleaned_data
            )
            messages.success(request, _("De groep is bijgewerkt."))
            return redirect("network:house_group", house_slug=house.slug, pk=group.pk)
        if action == "add" and member_form.is_valid():
            person = member_form.cleaned_data["person"]
            services_groups.group_member_add(
                actor=request.user,
                group=group,
                user=person.user,
                organisation=person.organisation,
                is_lead=member_form.cleaned_data["is_lead"],
            )
            messages.success(
                request,
                _("%(email)s is nu lid van %(group)s.")
                % {"email": person.user.email, "group": group.name},
            )
            return redirect("network:house_group", house_slug=house.slug, pk=group.pk)
    except ValidationError as error:
        (group_form if action == "save" else member_form).add_error(None, error)
    group.refresh_from_db()
    return render(
        request,
        "network/house_group.html",
        {
            "house": house,
            "group": group,
            "members": selectors.group_members(group),
            "group_form": group_form,
            "member_form": member_form,
        },
    )


@require_POST
@access.professional_required
def house_group_delete(request, pk):
    group = access.get_group_for_coordinator(request.user, request.house, pk)
    services_groups.group_delete(actor=request.user, group=group)
    messages.success(request, _("De groep %(name)s is opgeheven.") % {"name": group.name})
    return redirect("network:house_groups", house_slug=request.house.slug)


@require_POST
@access.professional_required
def house_group_member(request, pk, membership_pk):
    """Remove a member, or make them the group's lead (or no longer lead)."""
    membership = access.get_group_membership_for_coordinator(
        request.user, request.house, pk, membership_pk
    )
    action = request.POST.get("action")
    email = membership.user.email
    if action == "remove":
        services_groups.group_member_remove(actor=request.user, membership=membership)
        messages.success(request, _("%(email)s is geen lid meer.") % {"email": email})
    elif action in ("lead", "unlead"):
        services_groups.group_lead_set(
            actor=request.user, membership=membership, is_lead=action == "lead"
        )
        if action == "lead":
            messages.success(request, _("%(email)s is nu trekker.") % {"email": email})
        else:
            messages.success(request, _("%(email)s is geen trekker meer.") % {"email": email})
    return redirect("network:house_group", house_slug=request.house.slug, pk=pk)
