// expect: SyntaxError at 3:12
'use strict';
function f(eval) {}
