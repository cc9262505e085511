// Map and Set: insert, look up, delete with number and string keys.
var out = typeof console !== 'undefined' && console.log ? function (s) { console.log(s); } : print;
var check = 0;
for (var round = 0; round < 10; round++) {
  var m = new Map();
  var s = new Set();
  for (var i = 0; i < 20000; i++) {
    m.set(i, i * 2);
    s.add('k' + (i % 5000));
  }
  for (var j = 0; j < 20000; j++) {
    check += m.get(j) + (s.has('k' + j) ? 1 : 0);
    if (j % 3 === 0) m.delete(j);
  }
  check = (check + m.size + s.size) % 1000000007;
}
out('checksum ' + check);
