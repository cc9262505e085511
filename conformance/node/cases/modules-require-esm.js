// node-deviates: require() of an ES module graph without top-level await
// returns its namespace, as Node 22 does (Node 20 throws ERR_REQUIRE_ESM);
// with a top-level await it is ERR_REQUIRE_ASYNC_MODULE. Expected output
// written by hand from Node 22's behaviour.
'use strict';
const ns = require('esm-only');
console.log(ns.value, ns.default('you'), Object.keys(ns).sort().join(','));
console.log(require('./fixtures/esm/counter.mjs').count);
try {
  require('tla-pkg');
} catch (err) {
  console.log(err.code);
}
console.log(require('exp-pkg').kind);
