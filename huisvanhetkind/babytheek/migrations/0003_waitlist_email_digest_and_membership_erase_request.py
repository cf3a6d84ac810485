"""The waitlist entry's keyed e-mail digest, and when a family asked its membership erased
while an item was still lent (both for 'Mijn gegevens')."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('babytheek', '0002_loan_no_overlap'),
    ]

    operations = [
        migrations.AddField(
            model_name='membership',
            name='erase_requested_at',
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='waitlistentry',
            name='email_digest',
            field=models.CharField(blank=True, db_index=True, editable=False, max_length=64),
        ),
    ]
