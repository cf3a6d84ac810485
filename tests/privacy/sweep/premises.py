"""Premises: bookings and agreements of professionals, kept with their account."""

ACCOUNT_SET_NULL = (
    "kept as long as the professional's account; deleting the account empties the person "
    "(SET NULL), the record stays without a name"
)

KEPT = {
    "premises.AgreementAcceptance": ACCOUNT_SET_NULL,
    "premises.Booking": ACCOUNT_SET_NULL,
}
