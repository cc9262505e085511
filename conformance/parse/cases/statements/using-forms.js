// expect: ok
// node-deviates: `using` is ES2026, missing from Node 20; `using` stays an identifier where no declaration can start
var using = [], of = [[1]];
{ using[0] = 1; }
{ using
  x = 1; }
for (using of of [0]) {}
for (using x of []) {}
for (using y = null;;) break;
async function f() { await using z = null; for (await using of of []) {} for await (using w of []) {} }
var x;
