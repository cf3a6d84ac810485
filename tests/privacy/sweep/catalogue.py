"""The catalogue holds the organisations' contact details as long as the offer exists."""

KEPT = {
    "catalogue.Service": "kept as long as the offer exists (contact details of the organisation)",
    "catalogue.ServiceHistory": "kept as long as the offer exists",
}
