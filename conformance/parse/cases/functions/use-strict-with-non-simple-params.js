// expect: SyntaxError at 3:3
function f(a = 1) {
  'use strict';
}
