// String building: += concatenation and Array join, then reading the result.
var out = typeof console !== 'undefined' && console.log ? function (s) { console.log(s); } : print;
var check = 0;
for (var round = 0; round < 40; round++) {
  var s = '';
  for (var i = 0; i < 5000; i++) s += 'item' + i + ',';
  var parts = [];
  for (var j = 0; j < 5000; j++) parts.push('x' + (j % 10));
  var joined = parts.join('-');
  check = (check + s.length + joined.length + s.charCodeAt(round * 7) + joined.charCodeAt(round * 3)) % 1000000007;
}
out('checksum ' + check);
