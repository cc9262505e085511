// Reads through prototype chains five deep, getters and setters on
// prototypes, and a site that sees all of them.
var out = typeof console !== 'undefined' && console.log ? function (s) { console.log(s); } : print;
var base = { depth: 0, get twice() { return this.v * 2; }, set half(x) { this.v = x / 2; } };
var chain = [base];
for (var d = 1; d < 6; d++) {
  var p = Object.create(chain[d - 1]);
  p['level' + d] = d;
  chain.push(p);
}
var objs = [];
for (var i = 0; i < 60; i++) {
  var o = Object.create(chain[i % 6]);
  o.v = i;
  objs.push(o);
}
var sum = 0;
for (var round = 0; round < 10000; round++) {
  for (var j = 0; j < objs.length; j++) {
    var o = objs[j];
    sum += o.depth + o.twice;
    o.half = o.v * 2 + 1;
    o.v = o.v & 1023;
  }
  sum = sum % 1000000007;
}
out('checksum ' + sum);
