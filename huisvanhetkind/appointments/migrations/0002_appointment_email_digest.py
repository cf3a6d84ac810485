"""Add the keyed e-mail digest of an appointment (what 'Mijn gegevens' finds it by)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('appointments', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='appointment',
            name='email_digest',
            field=models.CharField(blank=True, db_index=True, editable=False, max_length=64),
        ),
    ]
