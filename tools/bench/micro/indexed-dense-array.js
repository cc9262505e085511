// Indexed writes then reads over a dense Array of numbers (the baseline of indexed-float64array.js and indexed-uint8array.js), by a loop bound held in a variable:
// the same work as the other indexed-*.js files, so their times compare directly.
var out = typeof console !== 'undefined' && console.log ? function (s) { console.log(s); } : print;
var n = 100000;
var a = []; for (var j = 0; j < n; j++) a.push(0);
var total = 0;
for (var round = 0; round < 60; round++) {
  for (var i = 0; i < n; i++) a[i] = (i * round) & 255;
  var s = 0;
  for (var k = 0; k < n; k++) s += a[k];
  total += s;
}
out('checksum ' + total);
