from huisvanhetkind.referrals import services
from huisvanhetkind.referrals.workflow import Actor, ReferralStatus


def test_a_referral_goes_from_sent_to_closed(referral, receiver, mailoutbox):
    assert referral.status == ReferralStatus.SENT
    for to in ("received", "accepted", "contacted", "got_help", "closed"):
        referral = services.referral_transition(
            referral=referral, to=to, actor_kind=Actor.RECEIVER, actor=receiver
        )
    assert referral.status == ReferralStatus.CLOSED
    assert list(referral.events.values_list("to_status", flat=True)) == [
        "sent",
        "received",
        "accepted",
        "contacted",
        "got_help",
        "closed",
    ]
