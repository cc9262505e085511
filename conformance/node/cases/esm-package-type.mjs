// A .js file is an ES module when the nearest package.json says "type": "module"
// (read as JSON: a "type" key elsewhere in the file does not count).
import { kind } from './fixtures/esm-package/lib.js';
console.log(kind);
