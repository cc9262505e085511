// Error.prototype.stack: a string whose first line is "Name: message", followed by "at" lines
// naming the functions and file:line:column positions. Only path-independent facts are printed.
function innerFunction() { throw new TypeError('msg from inner'); }
function outerFunction() { innerFunction(); }
let stack = '';
try { outerFunction(); } catch (e) { stack = e.stack; }
const lines = stack.split('\n');
console.log(`type: ${typeof stack}`);
console.log(`first line: ${lines[0]}`);
const atLines = lines.filter((l) => /^\s+at /.test(l));
console.log(`has at lines: ${atLines.length >= 2}`);
console.log(`first at line names innerFunction: ${/\binnerFunction\b/.test(atLines[0])}`);
console.log(`second at line names outerFunction: ${/\bouterFunction\b/.test(atLines[1])}`);
const pos = /\.js:(\d+):(\d+)\)?$/.exec(atLines[0]);
console.log(`position: line ${pos && pos[1]}, column is a number: ${pos !== null && Number(pos[2]) > 0}`);
const pos2 = /\.js:(\d+):(\d+)\)?$/.exec(atLines[1]);
console.log(`caller position: line ${pos2 && pos2[1]}`);
const made = new RangeError('created, not thrown');
console.log(`stack exists without throw: ${typeof made.stack} ${made.stack.split('\n')[0]}`);
const custom = new Error('first\nsecond line');
console.log(`multi-line message: ${JSON.stringify(custom.stack.split('\n').slice(0, 2))}`);
const arrow = () => { throw new Error('from arrow'); };
try { arrow(); } catch (e) { console.log(`arrow frame named: ${/\barrow\b/.test(e.stack.split('\n')[1])}`); }
const obj = { method() { throw new Error('from method'); } };
try { obj.method(); } catch (e) { console.log(`method frame named: ${/\bmethod\b/.test(e.stack.split('\n')[1])}`); }
