"""The digital platform of a Huis van het Kind."""
