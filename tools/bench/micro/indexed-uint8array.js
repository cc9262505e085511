// baseline: indexed-dense-array.js
// Indexed writes then reads over a Uint8Array, by a loop bound held in a variable:
// the same work as the other indexed-*.js files, so their times compare directly.
var out = typeof console !== 'undefined' && console.log ? function (s) { console.log(s); } : print;
var n = 100000;
var a = new Uint8Array(n);
var total = 0;
for (var round = 0; round < 60; round++) {
  for (var i = 0; i < n; i++) a[i] = (i * round) & 255;
  var s = 0;
  for (var k = 0; k < n; k++) s += a[k];
  total += s;
}
out('checksum ' + total);
