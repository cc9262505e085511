// var and function declarations are hoisted; var is function-scoped.
console.log(`before declaration: ${typeof hoisted} ${hoisted}`);
var hoisted = 'value';
console.log(`after: ${hoisted}`);
console.log(`function hoisted: ${early()}`);
function early() { return 'early works'; }
function scope() {
  if (true) { var inner = 'from block'; }
  for (var i = 0; i < 3; i++) {}
  return `${inner} ${i}`;
}
console.log(scope());
var twice = 1;
var twice;
console.log(`redeclared var keeps value: ${twice}`);
function shadow() {
  var x = 'outer';
  function inner() { return typeof x; var x = 'inner'; }
  return inner();
}
console.log(`inner var shadows before init: ${shadow()}`);
function latest() { return 'first'; }
console.log(`later function declaration wins: ${latest()}`);
function latest() { return 'second'; }
