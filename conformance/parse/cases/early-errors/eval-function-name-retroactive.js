// expect: SyntaxError at 2:10
function eval() {
  'use strict';
}
