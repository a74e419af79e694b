// What the compatibility scripts share: named checks, bounded waits, and the exit line.
'use strict';

const STEP_TIMEOUT = 10000;
let passed = 0;
let failed = 0;

function check(name, condition, detail) {
  if (condition) {
    passed++;
    console.log('ok   ' + name);
  } else {
    failed++;
    console.log('FAIL ' + name + (detail === undefined ? '' : ': ' + JSON.stringify(detail)));
  }
}

function within(promise, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((resolve, reject) => { timer = setTimeout(() => reject(new Error('timed out: ' + what)), STEP_TIMEOUT); })
  ]).finally(() => clearTimeout(timer));
}

// Runs the scenario, then prints "N passed, M failed" and exits 1 on any failure.
function run(main) {
  main()
    .catch((error) => { failed++; console.log('FAIL ' + error.message); })
    .finally(() => {
      console.log(passed + ' passed, ' + failed + ' failed');
      process.exit(failed === 0 ? 0 : 1);
    });
}

module.exports = { check, within, run };
