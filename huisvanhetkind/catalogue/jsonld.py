"""schema.org JSON-LD for a service's public page."""

from huisvanhetkind.catalogue.models import Service


def service_jsonld(service: Service, url: str) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Service",
        "name": service.name,
        "description": service.summary,
        "url": url,
        "provider": {"@type": "Organization", "name": service.organisation.name},
        "areaServed": [{"@type": "City", "name": m.name} for m in service.service_areas.all()],
        "availableLanguage": service.languages,
        "audience": {
            "@type": "PeopleAudience",
            "audienceType": ", ".join(a.name for a in service.age_groups.all()),
        },
    }
    if service.minimum_age is not None:
        data["audience"]["suggestedMinAge"] = service.minimum_age
    if service.maximum_age is not None:
        data["audience"]["suggestedMaxAge"] = service.maximum_age
    offers = []
    if service.is_free:
        offers.append({"@type": "Offer", "price": "0", "priceCurrency": "EUR"})
    elif service.price is not None:
        offers.append({"@type": "Offer", "price": str(service.price), "priceCurrency": "EUR"})
    if service.social_tariff and service.social_tariff_price is not None:
        offers.append(
            {
                "@type": "Offer",
                "name": "Sociaal tarief",
                "price": str(service.social_tariff_price),
                "priceCurrency": "EUR",
            }
        )
    if offers:
        data["offers"] = offers
    if service.phone:
        data["provider"]["telephone"] = service.phone
    if service.email:
        data["provider"]["email"] = service.email
    locations = list(service.locations.all())
    if locations:
        data["availableChannel"] = [
            {
                "@type": "ServiceChannel",
                "serviceLocation": {
                    "@type": "Place",
                    "name": loc.name,
                    "address": {
                        "@type": "PostalAddress",
                        "streetAddress": loc.street,
                        "postalCode": loc.postcode,
                        "addressLocality": loc.municipality.name,
                        "addressCountry": "BE",
                    },
                },
            }
            for loc in locations
        ]
    return data
