// Prints the reference FSRS-6 forgetting curve (ts-fsrs 5.4.2, default parameters) for pairs read
// from stdin: [{ "elapsedDays": 3, "stability": 2.3065 }, ...] -> [R, ...]
const { forgetting_curve, default_w } = require('ts-fsrs');

const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(input.map(({ elapsedDays, stability }) => forgetting_curve(default_w, elapsedDays, stability))));
