// Prints what the reference FSRS-6 implementation (ts-fsrs 5.4.2, default parameters, desired
// retention 0.9, long-term scheduling without fuzz) makes of review sequences read from stdin:
// [[{ "day": 0, "rating": 3 }, ...], ...] -> [[{ "stability", "difficulty", "scheduledDays" }, ...], ...]
const { fsrs, createEmptyCard } = require('ts-fsrs');

const scheduler = fsrs({ request_retention: 0.9, enable_fuzz: false, enable_short_term: false });
const start = Date.UTC(2026, 0, 5, 12, 0, 0);
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const output = input.map((reviews) => {
  let card = createEmptyCard(new Date(start));
  return reviews.map(({ day, rating }) => {
    card = scheduler.next(card, new Date(start + day * 86400000), rating).card;
    return { stability: card.stability, difficulty: card.difficulty, scheduledDays: card.scheduled_days };
  });
});
process.stdout.write(JSON.stringify(output));
