"""The admin shows a house's rules for referrals and writes them through the service (checked
and audited). Referrals and consents are not in the admin: what a family shared is read only on
the referral's own page, where every read is audited."""

from django.contrib import admin

from huisvanhetkind.referrals import services
from huisvanhetkind.referrals.models import ReferralPolicy


@admin.register(ReferralPolicy)
class ReferralPolicyAdmin(admin.ModelAdmin):
    list_display = ["house", "response_days"]

    def get_readonly_fields(self, request, obj=None):
        return ["house"] if obj is not None else []

    def save_model(self, request, obj, form, change):
        policy = services.referral_policy_update(
            house=obj.house, response_days=obj.response_days, actor=request.user
        )
        obj.pk = policy.pk

    def has_delete_permission(self, request, obj=None):
        # Without its rules a house falls back to the default; change the number instead.
        return False
