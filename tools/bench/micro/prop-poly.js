// Polymorphic property access: the same access sites see four object shapes.
var out = typeof console !== 'undefined' && console.log ? function (s) { console.log(s); } : print;
var objs = [];
for (var i = 0; i < 100; i++) {
  switch (i % 4) {
    case 0: objs.push({ a: i, b: 1 }); break;
    case 1: objs.push({ b: 2, a: i }); break;
    case 2: objs.push({ c: 0, a: i, b: 3 }); break;
    default: objs.push({ d: 0, e: 0, b: 4, a: i }); break;
  }
}
var sum = 0;
for (var round = 0; round < 20000; round++) {
  for (var j = 0; j < objs.length; j++) {
    var o = objs[j];
    sum += o.a * o.b;
    o.a = (o.a + 1) % 1000;
  }
  sum = sum % 1000000007;
}
out('checksum ' + sum);
