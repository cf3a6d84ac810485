import pytest
from django.core.exceptions import ValidationError

from huisvanhetkind.network.validators import (
    format_enterprise_number,
    normalise_enterprise_number,
    validate_enterprise_number,
)
from tests.factories import enterprise_number


@pytest.mark.parametrize("value", ["0207.437.468", "BE 0207 437 468", "207437468", "0207437468"])
def test_valid_enterprise_numbers_in_every_notation_pass(value):
    validate_enterprise_number(value)
    assert normalise_enterprise_number(value) == "0207437468"


def test_enterprise_number_with_wrong_check_digits_is_refused_in_dutch():
    with pytest.raises(ValidationError) as error:
        validate_enterprise_number("0207.437.469")
    assert "controlecijfers" in error.value.messages[0]


@pytest.mark.parametrize("value", ["12345", "2207437468", "abcdefghij", ""])
def test_malformed_enterprise_numbers_are_refused(value):
    with pytest.raises(ValidationError):
        validate_enterprise_number(value)


def test_enterprise_number_is_shown_with_dots():
    assert format_enterprise_number("0207437468") == "0207.437.468"


def test_factory_enterprise_numbers_are_valid():
    for n in range(50):
        validate_enterprise_number(enterprise_number(n))


def test_a_house_cannot_take_a_platform_path_as_its_slug():
    from huisvanhetkind.network.validators import validate_house_slug

    with pytest.raises(ValidationError):
        validate_house_slug("beheer")
    validate_house_slug("kalmthout")
