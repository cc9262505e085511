// expect: ok
// node-deviates: duplicate named groups in different alternatives are ES2025; Node 20 rejects them.
var r = /(?<y>\d{4})-\d\d|\d\d-(?<y>\d{4})/;
