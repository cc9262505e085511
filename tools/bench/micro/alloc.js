// Allocation-heavy code: many short-lived small objects and arrays.
var out = typeof console !== 'undefined' && console.log ? function (s) { console.log(s); } : print;
function makeNode(v, next) { return { value: v, next: next, tags: [v, v + 1] }; }
var check = 0;
for (var round = 0; round < 30; round++) {
  var head = null;
  for (var i = 0; i < 10000; i++) head = makeNode(i, head);
  var n = head;
  var s = 0;
  while (n !== null) { s += n.value + n.tags[1]; n = n.next; }
  var pairs = [];
  for (var j = 0; j < 5000; j++) pairs.push([j, { k: j }]);
  check = (check + s + pairs.length + pairs[round][1].k) % 1000000007;
}
out('checksum ' + check);
