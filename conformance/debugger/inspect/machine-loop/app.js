const fs = require('fs');
setTimeout(function timer() { console.log('timer'); }, 0);
setImmediate(function immediate() { console.log('immediate'); });
process.nextTick(function tick() { console.log('tick'); });
Promise.resolve().then(function job() { console.log('job'); });
fs.readFile(__filename, function read() { console.log('read'); });
const until = Date.now() + 300; while (Date.now() < until) {}
debugger;
