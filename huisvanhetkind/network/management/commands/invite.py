"""Invite a professional by e-mail: the way a platform admin brings in the first coordinator."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from huisvanhetkind.network import services_people
from huisvanhetkind.network.models import House, Organisation, Role


class Command(BaseCommand):
    help = "Send an invitation e-mail for a role (coordinator of a house, or admin/worker of an organisation)."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument(
            "--role",
            choices=[k.value for k in Role.Kind if k != Role.Kind.PLATFORM_ADMIN],
            required=True,
        )
        parser.add_argument("--house", help="slug of the house (for coordinators)")
        parser.add_argument(
            "--organisation", type=int, help="id of the organisation (for organisation roles)"
        )

    def handle(self, *args, email, role, house=None, organisation=None, **options):
        house_obj = House.objects.filter(slug=house).first() if house else None
        if house and house_obj is None:
            raise CommandError(f"No house with slug {house!r}.")
        org_obj = Organisation.objects.filter(pk=organisation).first() if organisation else None
        if organisation and org_obj is None:
            raise CommandError(f"No organisation with id {organisation}.")
        if role == Role.Kind.COORDINATOR and house_obj is None:
            raise CommandError("A coordinator needs --house.")
        try:
            invitation = services_people.invitation_create(
                actor=None, email=email, role_kind=role, organisation=org_obj, house=house_obj
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(
            f"Invitation sent to {invitation.email}: {settings.SITE_URL}{invitation.get_absolute_url()}"
        )
