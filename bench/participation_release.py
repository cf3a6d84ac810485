"""The release of a survey's results at 50,000 answers (docs/performance.md, *Surveys*).

Generates once, in its own SQLite database (``var/bench-participation.sqlite3``, or
``--database-url``), a house with a closed survey of eight questions (single and multiple
choice, the scale, the age group, a postcode, a free text) made through the participation
services, and ``--answers`` (50,000) synthetic responses drawn from a fixed seed with a long
tail (some choices and postcodes are rare, so the small-numbers rule has work to do); one
response in ten has a free text, one in twenty of those approved. The responses and answers are
written with ``bulk_create`` (the service validates one answer at a time; 50,000 of them would
only measure the generator).

Then it measures the release, as the results page and the CSV do it: ``survey_results`` (the
aggregate queries and the small-numbers rule for every question), an SVG chart per question and
the CSV rows, ``--rounds`` times; the target is under 2 s. It checks that no released cell
counts fewer than 5 people.

    python bench/participation_release.py --output var/bench/participation-release.json
"""

import argparse
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (  # noqa: E402
    ROOT,
    calibrate,
    calibration,
    calibration_text,
    describe,
    log,
    setup_django,
    write_json,
)

DEFAULT_URL = f"sqlite:///{ROOT / 'var' / 'bench-participation.sqlite3'}"
HOUSE_SLUG = "bench-bevraging"
TITLE = "Bench: hoe vinden gezinnen hun weg?"
TARGET_SECONDS = 2.0


def weights(n: int, rng: random.Random) -> list[float]:
    """A long tail: a few popular options, some rare ones."""
    return [rng.paretovariate(1.2) for _ in range(n)]


def generate(total: int, seed: int) -> dict:
    from django.core.management import call_command
    from django.utils import timezone

    from huisvanhetkind.network.models import House
    from huisvanhetkind.participation import services
    from huisvanhetkind.participation.models import Answer, QuestionKind, Response, Survey

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    house = House.objects.filter(slug=HOUSE_SLUG).first()
    if house is None:
        house = House.objects.create(
            slug=HOUSE_SLUG, name="Huis van het Kind Bench", email="info@bench.example.be"
        )
    survey = Survey.objects.filter(house=house, title=TITLE).first()
    if survey is not None and survey.responses.count() == total:
        return {
            "survey": survey.pk,
            "answers": Answer.objects.filter(response__survey=survey).count(),
            "responses": total,
            "seconds": 0.0,
            "generated": False,
        }
    if survey is not None:
        survey.delete()
    rng = random.Random(seed)
    now = timezone.now()
    survey = services.survey_create(
        actor=None,
        house=house,
        data={
            "title": TITLE,
            "intro": "",
            "child_mode": False,
            "opens_at": now - timedelta(days=60),
            "closes_at": now + timedelta(days=1),
        },
    )
    section = survey.sections.get()
    spec = [
        (QuestionKind.AGE_GROUP, None),
        (QuestionKind.POSTCODE, None),
        (QuestionKind.SINGLE, [f"Kanaal {i}" for i in range(1, 9)]),
        (QuestionKind.SINGLE, [f"Dienst {i}" for i in range(1, 15)]),
        (QuestionKind.MULTIPLE, [f"Nood {i}" for i in range(1, 13)]),
        (QuestionKind.SCALE, None),
        (QuestionKind.SCALE, None),
        (QuestionKind.TEXT, None),
    ]
    for n, (kind, labels) in enumerate(spec, start=1):
        question = services.question_save(
            actor=None, section=section, data={"text": f"Vraag {n}", "kind": kind}
        )
        for label in labels or []:
            services.choice_add(actor=None, question=question, label=label)
    services.survey_publish(actor=None, survey=survey, now=now - timedelta(days=60))
    questions = services.survey_questions(survey)
    choices = {q.pk: list(q.choices.all()) for q in questions}
    w = {q.pk: weights(len(choices[q.pk]), rng) for q in questions if choices[q.pk]}
    postcodes = [str(2000 + i * 10) for i in range(80)]
    postcode_weights = weights(len(postcodes), rng)
    batch = 5_000
    made = 0
    while made < total:
        size = min(batch, total - made)
        responses = Response.objects.bulk_create(
            Response(
                survey=survey,
                created_at=(now - timedelta(hours=rng.randrange(24 * 59))).replace(
                    minute=0, second=0, microsecond=0
                ),
            )
            for _ in range(size)
        )
        answers = []
        for response in responses:
            for q in questions:
                if rng.random() < 0.08:  # an unanswered question
                    continue
                if q.kind in (QuestionKind.SINGLE, QuestionKind.SCALE):
                    (c,) = rng.choices(choices[q.pk], weights=w[q.pk])
                    answers.append(Answer(response=response, question=q, choice=c))
                elif q.kind in (QuestionKind.MULTIPLE, QuestionKind.AGE_GROUP):
                    for c in set(rng.choices(choices[q.pk], weights=w[q.pk], k=rng.randint(1, 3))):
                        answers.append(Answer(response=response, question=q, choice=c))
                elif q.kind == QuestionKind.POSTCODE:
                    (p,) = rng.choices(postcodes, weights=postcode_weights)
                    answers.append(Answer(response=response, question=q, value=p))
                elif rng.random() < 0.1:
                    answers.append(
                        Answer(
                            response=response,
                            question=q,
                            text=f"Synthetisch antwoord {made}",
                            review="approved" if rng.random() < 0.05 else "pending",
                        )
                    )
            made += 1
        Answer.objects.bulk_create(answers, batch_size=2_000)
        log(f"  {made:,} responses")
    Survey.objects.filter(pk=survey.pk).update(closes_at=now - timedelta(days=1))
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {
        "survey": survey.pk,
        "responses": total,
        "answers": Answer.objects.filter(response__survey=survey).count(),
        "seconds": round(time.perf_counter() - started, 1),
        "generated": True,
    }


def release(survey) -> tuple[int, int]:
    from huisvanhetkind.participation import charts, selectors

    results = selectors.survey_results(survey)
    svg = 0
    for n, result in enumerate(results):
        if result.row and not result.row.withheld:
            svg += len(charts.bar_chart(chart_id=f"g{n}", title="x", cells=result.row.released))
    rows = selectors.results_csv_rows(survey, results)
    smallest = min((c.count for r in results if r.row for c in r.row.released), default=0)
    return len(rows), smallest


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--answers", type=int, default=50_000, help="responses to the survey")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--output")
    args = parser.parse_args(argv)
    if "bench" not in args.database_url:
        sys.exit("Refusing to use a database whose name does not contain 'bench'.")
    setup_django(args.database_url)
    from huisvanhetkind.participation.models import Survey

    log(f"Database: {describe(args.database_url)}")
    data = generate(args.answers, args.seed)
    log(
        f"Data: {data['responses']:,} responses, {data['answers']:,} answers "
        f"({'generated in ' + str(data['seconds']) + ' s' if data['generated'] else 'kept'})"
    )
    survey = Survey.objects.get(pk=data["survey"])
    before = calibrate()
    times = []
    for _ in range(args.rounds):
        started = time.perf_counter()
        rows, smallest = release(survey)
        times.append(time.perf_counter() - started)
    cal = calibration(before, calibrate())
    log(calibration_text(cal))
    median, worst = statistics.median(times), max(times)
    ok = worst < TARGET_SECONDS and smallest >= 5
    log(
        f"Release of {data['responses']:,} responses: median {median:.3f} s, worst {worst:.3f} s "
        f"over {args.rounds} rounds ({rows} CSV rows, smallest released cell {smallest}); "
        f"target < {TARGET_SECONDS} s: {'met' if ok else 'NOT met'}"
    )
    write_json(
        args.output,
        {
            "data": data,
            "rounds": args.rounds,
            "median_s": round(median, 4),
            "worst_s": round(worst, 4),
            "smallest_released_cell": smallest,
            "target_s": TARGET_SECONDS,
            "met": ok,
            "calibration": cal,
        },
    )
    if not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
