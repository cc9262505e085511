// Linking fails before any code runs: nothing is printed.
import { nope } from './fixtures/esm/counter.mjs';
console.log('never', nope);
