// Everyday regexps: test, exec with captures, global replace with a
// callback, split, matchAll, case-insensitive search, on one-byte text.
var out = typeof console !== 'undefined' && console.log ? function (s) { console.log(s); } : print;
var lines = [];
for (var i = 0; i < 400; i++)
  lines.push('user' + i + '@example' + (i % 7) + '.com, 2024-0' + (1 + i % 9) + '-1' + (i % 10) + ' GET /api/v1/items/' + i + ' 200');
var text = lines.join('\n');
var check = 0;
var email = /([a-z0-9]+)@([a-z0-9]+)\.com/;
var date = /(\d{4})-(\d{2})-(\d{2})/g;
var word = /\b(?:get|post)\b/i;
for (var round = 0; round < 25; round++) {
  for (var k = 0; k < lines.length; k++) {
    var m = email.exec(lines[k]);
    if (m) check += m[1].length + m[2].length;
    if (word.test(lines[k])) check++;
    if (/ (\d+)$/.test(lines[k])) check += 2;
  }
  var replaced = text.replace(date, function (all, y, mo, d) { return d + '/' + mo + '/' + y; });
  check += replaced.length;
  check += text.split(/[,\n] ?/).length;
  var n = 0;
  for (var it of text.matchAll(/items\/(\d+)/g)) n += it[1].length;
  check = (check + n + text.replace(/a|e/g, 'x').length) % 1000000007;
}
out('checksum ' + check);
