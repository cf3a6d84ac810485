"""The Django admin of the network. Houses, organisations, locations and roles are written
through the network's services, so that the admin meets the same checks as every other path and
the trail records the change with the admin user as actor."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from huisvanhetkind.network import models, services_organisations, services_people


def _form_data(form, change: bool) -> dict:
    """What the admin's form writes: every field of a new record, the changed fields of one that
    exists (many-to-many fields included, as the services take them)."""
    fields = form.changed_data if change else form.cleaned_data
    return {field: form.cleaned_data[field] for field in fields}


def _took_pk(obj, saved) -> None:
    """The admin goes on with its own ``obj`` (its log, its redirect): give it the record the
    service saved."""
    obj.pk = saved.pk


class ThroughServices(admin.ModelAdmin):
    def save_related(self, request, form, formsets, change):
        # The service set the many-to-many fields (and recorded them): only the inlines remain.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)


@admin.register(models.House)
class HouseAdmin(ThroughServices):
    list_display = ["name", "slug", "domain", "is_active"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["municipalities"]

    def save_model(self, request, obj, form, change):
        house = services_organisations.house_save(
            actor=request.user, house=obj if change else None, data=_form_data(form, change)
        )
        _took_pk(obj, house)


class LocationInline(admin.StackedInline):
    model = models.Location
    extra = 0


@admin.register(models.Organisation)
class OrganisationAdmin(ThroughServices):
    list_display = ["name", "kind", "enterprise_number"]
    list_filter = ["kind", "partnerships__house"]
    search_fields = ["name", "enterprise_number"]
    filter_horizontal = ["domains", "age_groups", "municipalities"]

    def save_model(self, request, obj, form, change):
        data = _form_data(form, change)
        if change:
            organisation = services_organisations.organisation_update(
                organisation=obj, actor=request.user, data=data
            )
        else:
            organisation = services_organisations.organisation_create(actor=request.user, data=data)
        _took_pk(obj, organisation)


@admin.register(models.Location)
class LocationAdmin(ThroughServices):
    list_display = ["name", "street", "postcode", "municipality"]

    class HoursInline(admin.TabularInline):
        model = models.OpeningHours
        extra = 0

    inlines = [HoursInline]

    def save_model(self, request, obj, form, change):
        location = services_organisations.location_save(
            actor=request.user, location=obj if change else None, data=_form_data(form, change)
        )
        _took_pk(obj, location)

    def save_related(self, request, form, formsets, change):
        # The opening hours as the inline leaves them, replaced by the service when they differ;
        # the inline itself saves nothing (``commit=False`` only tells the admin's log what changed).
        for formset in formsets:
            formset.save(commit=False)
        rows = [
            (row["weekday"], row["opens"], row["closes"], row["note"])
            for formset in formsets
            for row in formset.cleaned_data
            if row and not row.get("DELETE")
        ]
        services_organisations.location_save(
            actor=request.user, location=form.instance, data={}, opening_hours=rows
        )


admin.site.register(
    models.Municipality, search_fields=["name", "nis_code"], list_display=["name", "nis_code"]
)
admin.site.register(models.Domain)
admin.site.register(models.AgeGroup)
admin.site.register(models.Partnership, list_display=["organisation", "house", "status", "since"])


@admin.register(models.Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "house", "organisation"]

    def has_change_permission(self, request, obj=None):
        # A role is granted or revoked, never changed.
        return False

    def save_model(self, request, obj, form, change):
        role = services_people.role_grant(
            actor=request.user,
            user=obj.user,
            kind=obj.kind,
            house=obj.house,
            organisation=obj.organisation,
        )
        _took_pk(obj, role)

    def delete_model(self, request, obj):
        self._revoke(request, obj)

    @transaction.atomic
    def delete_queryset(self, request, queryset):
        for role in queryset.select_related("user", "house", "organisation"):
            self._revoke(request, role)

    def _revoke(self, request, role):
        # The admin names no successor: whoever holds something for their organisation is handed
        # over on the organisation's team page.
        try:
            services_people.role_revoke(actor=request.user, role=role)
        except ValidationError as error:
            raise PermissionDenied(" ".join(error.messages)) from error


admin.site.register(
    models.Invitation, list_display=["email", "role_kind", "organisation", "accepted_at"]
)
admin.site.register(
    models.PartnerApplication, list_display=["organisation_name", "house", "status"]
)
