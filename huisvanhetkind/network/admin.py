from django.contrib import admin

from huisvanhetkind.network import models


@admin.register(models.House)
class HouseAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "domain", "is_active"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["municipalities"]


class LocationInline(admin.StackedInline):
    model = models.Location
    extra = 0


@admin.register(models.Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "enterprise_number"]
    list_filter = ["kind", "partnerships__house"]
    search_fields = ["name", "enterprise_number"]
    filter_horizontal = ["domains", "age_groups", "municipalities"]


@admin.register(models.Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ["name", "street", "postcode", "municipality"]

    class HoursInline(admin.TabularInline):
        model = models.OpeningHours
        extra = 0

    inlines = [HoursInline]


admin.site.register(
    models.Municipality, search_fields=["name", "nis_code"], list_display=["name", "nis_code"]
)
admin.site.register(models.Domain)
admin.site.register(models.AgeGroup)
admin.site.register(models.Partnership, list_display=["organisation", "house", "status", "since"])
admin.site.register(models.Role, list_display=["user", "kind", "house", "organisation"])
admin.site.register(
    models.Invitation, list_display=["email", "role_kind", "organisation", "accepted_at"]
)
admin.site.register(
    models.PartnerApplication, list_display=["organisation_name", "house", "status"]
)
