// Array loops: fill an array by index, then sum it, repeatedly.
var out = typeof console !== 'undefined' && console.log ? function (s) { console.log(s); } : print;
var n = 100000;
var arr = [];
var total = 0;
for (var round = 0; round < 20; round++) {
  arr.length = 0;
  for (var i = 0; i < n; i++) arr[i] = (i * round) % 97;
  var s = 0;
  for (var k = 0; k < arr.length; k++) s += arr[k];
  total += s;
}
out('checksum ' + total);
