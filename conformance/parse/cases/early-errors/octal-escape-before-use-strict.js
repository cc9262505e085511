// expect: SyntaxError at 3:4
function f() {
  '\01';
  'use strict';
}
