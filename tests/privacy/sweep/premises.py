"""Premises: bookings and agreements of professionals, kept with their account."""

ACCOUNT_SET_NULL = (
    "kept as long as the professional's account; deleting the account empties the person "
    "(SET NULL), the record stays without a name"
)

ACCOUNT_CASCADE = (
    "kept as long as the professional's account that made it; deleting the account deletes "
    "the link (CASCADE), and a revoked link is only its hash and dates"
)

KEPT = {
    "premises.AgreementAcceptance": ACCOUNT_SET_NULL,
    "premises.CalendarLink": ACCOUNT_CASCADE,
    "premises.Booking": ACCOUNT_SET_NULL,
}
