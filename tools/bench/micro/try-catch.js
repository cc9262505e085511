// Exceptions: throw and catch an Error in a loop, with a finally block.
var out = typeof console !== 'undefined' && console.log ? function (s) { console.log(s); } : print;
function risky(i) {
  if (i % 2 === 0) throw new Error('even ' + i);
  return i;
}
var caught = 0;
var finallies = 0;
var sum = 0;
for (var i = 0; i < 100000; i++) {
  try {
    sum += risky(i);
  } catch (e) {
    caught += e.message.length;
  } finally {
    finallies++;
  }
}
out('checksum ' + caught + ' ' + finallies + ' ' + sum);
